/**
 * The four Google Forms: created or repaired from their definitions, linked to the master, their
 * response sheets renamed «Ответы: …», and their dropdowns kept equal to the reference tabs
 * (like formRanger, but inside our own runs: no extra trigger).
 */
import {
  FORMS,
  type FormDefinition,
  type FormKind,
  type QuestionDefinition,
} from '../domain/forms';
import {
  PROPERTY_FAMILIES,
  PROPERTY_KEYS,
  readJsonProperty,
  readProperty,
  writeProperty,
} from './properties';
import { findPrefillEntry, type PrefillField, type PrefillTemplate } from '../domain/prefill';
import { holdsLock } from './lock';
import {
  linksForm,
  questionIds,
  recordQuestionIds,
  recordTabIds,
  responsesTabKey,
  type MissingSource,
} from './sources';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

export interface FormsChange {
  created: string[];
  repaired: string[];
  choicesUpdated: number;
}

/** Opens the form of `kind` remembered in the properties, or null if absent or deleted. */
export function openForm(kind: FormKind): Form | null {
  const id = readProperty(PROPERTY_FAMILIES.formId(kind));
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch {
    return null;
  }
}

/**
 * Creates the form if needed, adds missing questions (never deletes an operator's additions),
 * links it to the spreadsheet and names its response sheet. Questions are known by the item ids
 * recorded here: a question staff renamed is kept as it is, one they deleted is added again —
 * never a second copy. Returns the form and what changed. The caller holds the lock.
 */
export function ensureForm(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  definition: FormDefinition,
  choices: (question: QuestionDefinition) => string[] | null,
  collectEmail = false,
): { form: Form; created: boolean; changed: boolean } {
  let form = openForm(definition.kind);
  // A form staff deleted stays in Drive's trash for 30 days: set-up takes it back from there.
  if (form && isTrashed(form.getId())) restoreFromTrash(form.getId());
  const created = form === null;
  if (!form) {
    form = FormApp.create(definition.title);
    form.setDescription(definition.description);
    form.setCollectEmail(collectEmail);
    form.setAllowResponseEdits(true);
    form.setConfirmationMessage(definition.confirmation);
    writeProperty(PROPERTY_FAMILIES.formId(definition.kind), form.getId());
  }
  let changed = created;
  if (!created && form.collectsEmail() !== collectEmail) {
    form.setCollectEmail(collectEmail);
    changed = true;
  }
  const recorded = created ? {} : (questionIds()[definition.kind] ?? {});
  const byId = new Map<number, Item>();
  const byTitle = new Map<string, Item>();
  for (const item of form.getItems()) {
    byId.set(item.getId(), item);
    byTitle.set(item.getTitle(), item);
  }
  const ids: Record<string, { id: number; title: string }> = {};
  for (const question of definition.questions) {
    const known = recorded[question.title];
    let item = known ? byId.get(known.id) : undefined;
    // Added again by hand under its title: adopted, not duplicated.
    if (!item) item = byTitle.get(question.title);
    if (!item) {
      item = addQuestion(form, question, choices(question));
      changed = true;
    }
    ids[question.title] = { id: item.getId(), title: item.getTitle() };
  }
  recordQuestionIds({ [definition.kind]: ids });
  if (linkResponses(spreadsheet, form, definition)) changed = true;
  return { form, created, changed };
}

/** Adds one question of the definition to the form. */
function addQuestion(form: Form, question: QuestionDefinition, choices: string[] | null): Item {
  switch (question.kind) {
    case 'list': {
      const item = form.addListItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      item.setChoiceValues(nonEmpty(choices));
      return item as unknown as Item;
    }
    case 'checkbox': {
      const item = form.addCheckboxItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      item.setChoiceValues(question.choices ?? ['Да']);
      return item as unknown as Item;
    }
    case 'paragraph': {
      const item = form
        .addParagraphTextItem()
        .setTitle(question.title)
        .setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      return item as unknown as Item;
    }
    default: {
      const item = form.addTextItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      const validation = textValidation(question);
      if (validation) item.setValidation(validation);
      return item as unknown as Item;
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
 * Links the form to the spreadsheet if it is not (again, after staff unlinked it: Google then
 * makes a new response sheet with every response), and records its response sheet — the one
 * whose form link names this form. A new sheet gets the definition's name when that name is free;
 * a sheet staff renamed keeps their name.
 */
function linkResponses(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  form: Form,
  definition: FormDefinition,
): boolean {
  let changed = false;
  const formId = form.getId();
  const linked = destinationId(form) === spreadsheet.getId();
  const before = new Set(spreadsheet.getSheets().map((s) => s.getSheetId()));
  if (!linked) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    changed = true;
  }
  const sheets = spreadsheet.getSheets();
  const sheet =
    sheets.find((s) => !linked && !before.has(s.getSheetId())) ??
    sheets.find((s) => linksForm(s.getFormUrl(), formId));
  if (!sheet) return changed;
  if (!linked) {
    // The sheet of the old link keeps its answers; it gives the name to the new one.
    const old = spreadsheet.getSheetByName(definition.responseSheet);
    if (old && old.getSheetId() !== sheet.getSheetId()) {
      old.setName(`${definition.responseSheet} (${formatStamp(new Date())})`);
    }
    sheet.setName(definition.responseSheet);
  }
  recordTabIds({ [responsesTabKey(definition.kind)]: sheet.getSheetId() });
  return changed;
}

/** A date-time for a tab name: «2021-10-04 09.15». */
function formatStamp(date: Date): string {
  return Utilities.formatDate(date, 'Europe/Moscow', 'yyyy-MM-dd HH.mm');
}

/**
 * What is missing for the form of `definition`: the form itself, its link to this spreadsheet,
 * or one of its questions (by recorded item id). Reading items costs a call each: the daily run
 * does it, not a submit.
 */
export function checkFormSources(
  spreadsheetId: string,
  definition: FormDefinition,
): {
  missing: Omit<MissingSource, 'since'>[];
  renamed: Record<string, { id: number; title: string }>;
} {
  const kind = definition.kind;
  const form = openForm(kind);
  // The form opened by its recorded id: that id is the form's.
  if (!form || isTrashed(readProperty(PROPERTY_FAMILIES.formId(kind))!)) {
    return { missing: [{ kind, what: 'form', detail: definition.title }], renamed: {} };
  }
  if (destinationId(form) !== spreadsheetId) {
    return { missing: [{ kind, what: 'unlinked', detail: definition.title }], renamed: {} };
  }
  const titles = new Map<number, Item>();
  for (const item of form.getItems()) titles.set(item.getId(), item);
  const recorded = questionIds()[kind] ?? {};
  const missing: Omit<MissingSource, 'since'>[] = [];
  const now: Record<string, { id: number; title: string }> = {};
  for (const question of definition.questions) {
    const known = recorded[question.title];
    const item = known ? titles.get(known.id) : undefined;
    if (!known) continue; // recorded by the next set-up
    if (!item) missing.push({ kind, what: 'question', detail: question.title });
    else now[question.title] = { id: known.id, title: item.getTitle() };
  }
  return { missing, renamed: now };
}

function restoreFromTrash(id: string): void {
  try {
    DriveApp.getFileById(id).setTrashed(false);
  } catch {
    // gone for good: nothing to restore
  }
}

function isTrashed(id: string): boolean {
  try {
    return DriveApp.getFileById(id).isTrashed();
  } catch {
    return true;
  }
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
  // Questions by recorded item id (staff may have renamed them), else by title.
  const recorded = questionIds()[definition.kind] ?? {};
  const byId = new Map<number, QuestionDefinition>();
  const byTitle = new Map<string, QuestionDefinition>();
  for (const q of definition.questions) {
    if (q.kind !== 'list') continue;
    byTitle.set(q.title, q);
    const known = recorded[q.title];
    if (known) byId.set(known.id, q);
  }
  for (const item of form.getItems(FormApp.ItemType.LIST)) {
    const question = byId.size > 0 ? byId.get(item.getId()) : byTitle.get(item.getTitle());
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
function hasFileUpload(form: Form, title: string): boolean {
  return form.getItems(FormApp.ItemType.FILE_UPLOAD).some((item) => item.getTitle() === title);
}

/** The forms with a hand-added file-upload question (FormDefinition.upload): is it there yet. */
export function uploadQuestions(): Array<{ definition: FormDefinition; present: boolean }> {
  return FORMS.filter((f) => f.upload).map((definition) => {
    const form = openForm(definition.kind);
    const question = definition.upload?.question ?? '';
    return { definition, present: form !== null && hasFileUpload(form, question) };
  });
}

/**
 * Asks the form for the current titles of its recorded questions (staff renamed one) and records
 * them when the lock is held; returns them. Costs a call per question: only when a title went missing.
 */
export function refreshQuestionTitles(
  definition: FormDefinition,
): Record<string, { id: number; title: string }> {
  const form = openForm(definition.kind);
  const recorded = questionIds()[definition.kind];
  if (!form || !recorded) return recorded ?? {};
  const now: Record<string, { id: number; title: string }> = {};
  for (const question of definition.questions) {
    const known = recorded[question.title];
    if (!known) continue;
    const item = form.getItemById(known.id);
    now[question.title] = { id: known.id, title: item ? item.getTitle() : known.title };
  }
  if (holdsLock()) recordQuestionIds({ [definition.kind]: now });
  return now;
}

/** Turns the collection of respondents' addresses on or off in every form («Проверять отправителя»). */
export function setCollectEmail(collect: boolean): void {
  for (const definition of FORMS) {
    const form = openForm(definition.kind);
    if (form && form.collectsEmail() !== collect) form.setCollectEmail(collect);
  }
}

/** A question a prefilled link fills, and a value its dropdown offers now (to learn its entry). */
export interface PrefillQuestion {
  title: string;
  sample: string;
}

/** Templates as kept in the properties, with the item ids they were learnt from. */
type StoredTemplates = Partial<
  Record<
    FormKind,
    PrefillTemplate & { formId: string; items: Partial<Record<PrefillField, number>> }
  >
>;

/**
 * The prefilled-link template of each form: its respondent link and the `entry` of each question.
 * FormApp tells an entry only through FormResponse.toPrefilledUrl(), so each question is asked once
 * with a value its dropdown offers, and the answer is kept in the properties until the form or the
 * question changes: the letters of a month cost no Forms call. A form that cannot be opened gives
 * no template; a question that cannot be prefilled is left out (its link opens the form blank there).
 */
export function prefillTemplates(
  wanted: Partial<Record<FormKind, Partial<Record<PrefillField, PrefillQuestion>>>>,
): Partial<Record<FormKind, PrefillTemplate>> {
  const stored = readJsonProperty<StoredTemplates>(PROPERTY_KEYS.prefillTemplates) ?? {};
  const recorded = questionIds();
  const out: Partial<Record<FormKind, PrefillTemplate>> = {};
  const next: StoredTemplates = { ...stored };
  let changed = false;
  for (const kind of Object.keys(wanted) as FormKind[]) {
    const fields = wanted[kind] ?? {};
    const formId = readProperty(PROPERTY_FAMILIES.formId(kind));
    const itemIds: Partial<Record<PrefillField, number>> = {};
    for (const field of Object.keys(fields) as PrefillField[]) {
      const id = recorded[kind]?.[fields[field]!.title]?.id;
      if (id !== undefined) itemIds[field] = id;
    }
    const known = stored[kind];
    if (
      known &&
      known.formId === formId &&
      (Object.keys(fields) as PrefillField[]).every(
        (f) => known.items[f] === itemIds[f] && known.entries[f] !== undefined,
      )
    ) {
      out[kind] = { formUrl: known.formUrl, entries: known.entries };
      continue;
    }
    const form = openForm(kind);
    if (!form || !formId) continue;
    const template: PrefillTemplate = { formUrl: form.getPublishedUrl(), entries: {} };
    for (const field of Object.keys(itemIds) as PrefillField[]) {
      const entry = learnEntry(form, itemIds[field]!, fields[field]!.sample);
      if (!entry) continue;
      template.formUrl = entry.formUrl;
      template.entries[field] = entry.entry;
    }
    out[kind] = template;
    if (Object.keys(template.entries).length === Object.keys(fields).length) {
      next[kind] = { ...template, formId, items: itemIds };
      changed = true;
    }
  }
  if (changed && holdsLock()) writeProperty(PROPERTY_KEYS.prefillTemplates, JSON.stringify(next));
  return out;
}

/** The entry of one question: a one-answer response's prefilled link, read back. */
function learnEntry(
  form: Form,
  itemId: number,
  sample: string,
): { formUrl: string; entry: string } | null {
  try {
    const item = form.getItemById(itemId);
    if (!item) return null;
    const type = item.getType();
    const answer =
      type === FormApp.ItemType.LIST
        ? item.asListItem().createResponse(sample)
        : type === FormApp.ItemType.TEXT
          ? item.asTextItem().createResponse(sample)
          : null;
    if (!answer) return null;
    return findPrefillEntry(
      form.createResponse().withItemResponse(answer).toPrefilledUrl(),
      sample,
    );
  } catch {
    return null; // the sample is not among the choices yet: no prefill for this question today
  }
}
