/**
 * The four Google Forms: created or repaired from their definitions, linked to the master, their
 * response sheets renamed «Ответы: …», and their dropdowns kept equal to the reference tabs
 * (like formRanger, but inside our own runs: no extra trigger).
 */
import type { FormDefinition, QuestionDefinition } from '../domain/forms';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

/** Where each form's id is remembered: document properties travel with the spreadsheet (add-on). */
const FORM_ID_PROPERTY = (kind: string): string => `form.${kind}`;

export interface FormsChange {
  created: string[];
  repaired: string[];
  choicesUpdated: number;
}

/** Opens the form of `kind` remembered in the properties, or null if absent or deleted. */
export function openForm(
  properties: GoogleAppsScript.Properties.Properties,
  kind: string,
): Form | null {
  const id = properties.getProperty(FORM_ID_PROPERTY(kind));
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch {
    return null;
  }
}

/**
 * Creates the form if needed, adds missing questions (never deletes an operator's additions),
 * links it to the spreadsheet and names its response sheet. Returns the form and what changed.
 */
export function ensureForm(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  properties: GoogleAppsScript.Properties.Properties,
  definition: FormDefinition,
  choices: (question: QuestionDefinition) => string[] | null,
): { form: Form; created: boolean; changed: boolean } {
  let form = openForm(properties, definition.kind);
  const created = form === null;
  if (!form) {
    form = FormApp.create(definition.title);
    form.setDescription(definition.description);
    form.setCollectEmail(false);
    form.setAllowResponseEdits(true);
    form.setConfirmationMessage(definition.confirmation);
    properties.setProperty(FORM_ID_PROPERTY(definition.kind), form.getId());
  }
  let changed = created;
  const existing = new Map<string, Item>();
  for (const item of form.getItems()) existing.set(item.getTitle(), item);
  for (const question of definition.questions) {
    const item = existing.get(question.title);
    if (!item) {
      addQuestion(form, question, choices(question));
      changed = true;
    }
  }
  if (linkResponses(spreadsheet, form, definition.responseSheet)) changed = true;
  return { form, created, changed };
}

/** Adds one question of the definition to the form. */
function addQuestion(form: Form, question: QuestionDefinition, choices: string[] | null): void {
  switch (question.kind) {
    case 'list': {
      const item = form.addListItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      item.setChoiceValues(nonEmpty(choices));
      return;
    }
    case 'checkbox': {
      const item = form.addCheckboxItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      item.setChoiceValues(question.choices ?? ['Да']);
      return;
    }
    case 'paragraph': {
      const item = form
        .addParagraphTextItem()
        .setTitle(question.title)
        .setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    default: {
      const item = form.addTextItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      const validation = textValidation(question);
      if (validation) item.setValidation(validation);
    }
  }
}

/** Google's text validation for number, email and URL questions. */
function textValidation(
  question: QuestionDefinition,
): GoogleAppsScript.Forms.TextValidation | null {
  const builder = FormApp.createTextValidation();
  if (question.help) builder.setHelpText(question.help);
  if (question.kind === 'number') {
    return builder.requireNumberBetween(question.min ?? 0, question.max ?? 100000).build();
  }
  if (question.kind === 'email') return builder.requireTextIsEmail().build();
  if (question.kind === 'url') return builder.requireTextIsUrl().build();
  return null;
}

/** A list question may not be empty in Forms; a placeholder says the tab is empty. */
function nonEmpty(choices: string[] | null): string[] {
  return choices && choices.length > 0 ? choices : ['—'];
}

/**
 * Links the form to the spreadsheet if it is not, then names the response sheet. Google creates
 * «Ответы на форму (N)»; we find it as the sheet whose form URL names this form.
 */
function linkResponses(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  form: Form,
  sheetName: string,
): boolean {
  let changed = false;
  const linked = destinationId(form) === spreadsheet.getId();
  const before = new Set(spreadsheet.getSheets().map((s) => s.getSheetId()));
  if (!linked) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    changed = true;
  }
  if (spreadsheet.getSheetByName(sheetName)) return changed;
  const sheets = spreadsheet.getSheets();
  const fresh = sheets.find((s) => !before.has(s.getSheetId()));
  const formId = form.getId();
  const sheet = fresh ?? sheets.find((s) => (s.getFormUrl() ?? '').indexOf(formId) >= 0);
  if (sheet) {
    sheet.setName(sheetName);
    changed = true;
  }
  return changed;
}

/** The id of the spreadsheet the form writes to, or null: Forms throws when there is none. */
function destinationId(form: Form): string | null {
  try {
    return form.getDestinationId();
  } catch {
    return null;
  }
}

/** Sets the choices of every list question that takes them from a reference; counts changes. */
export function syncChoices(
  form: Form,
  definition: FormDefinition,
  choices: (q: QuestionDefinition) => string[] | null,
): number {
  let updated = 0;
  const byTitle = new Map<string, QuestionDefinition>();
  for (const q of definition.questions) if (q.kind === 'list') byTitle.set(q.title, q);
  for (const item of form.getItems(FormApp.ItemType.LIST)) {
    const question = byTitle.get(item.getTitle());
    if (!question) continue;
    const wanted = nonEmpty(choices(question));
    const list = item.asListItem();
    const current = list.getChoices().map((c) => c.getValue());
    if (current.length === wanted.length && current.every((v, i) => v === wanted[i])) continue;
    list.setChoiceValues(wanted);
    updated++;
  }
  return updated;
}

/** True once the operator has added the file-upload question by hand. */
export function hasFileUpload(form: Form, title: string): boolean {
  return form.getItems(FormApp.ItemType.FILE_UPLOAD).some((item) => item.getTitle() === title);
}
