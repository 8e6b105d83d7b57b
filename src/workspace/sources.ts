/**
 * Where the app's sources are, by identity rather than by name: tabs by sheet id, response sheets
 * by their form link, questions by item id, all recorded at set-up. Staff rename tabs and
 * questions to tidy them; names are for people. A source that cannot be found is reported as
 * missing — never read as empty, which would clear the derived tabs.
 */
import { FORMS, type FormDefinition, type FormKind } from '../domain/forms';
import { holdsLock, lockHold } from './lock';
import {
  PROPERTY_FAMILIES,
  PROPERTY_KEYS,
  readJsonProperty,
  readProperty,
  writeProperty,
} from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheet ids by canonical tab name; response sheets as `responses.<kind>`. */
type TabIds = Record<string, number>;

/** The key of a form's response sheet in the tab-id table. */
export function responsesTabKey(kind: FormKind): string {
  return `responses.${kind}`;
}

function tabIds(): TabIds {
  return readJsonProperty<TabIds>(PROPERTY_KEYS.tabIds) ?? {};
}

/** The recorded sheet id of a tab (`responsesTabKey(kind)` for a response sheet), if any. */
export function recordedTabId(name: string): number | undefined {
  return tabIds()[name];
}

/** Remembers sheet ids (the caller holds the lock). */
export function recordTabIds(ids: TabIds): void {
  const current = tabIds();
  const merged = { ...current, ...ids };
  if (JSON.stringify(merged) !== JSON.stringify(current)) {
    writeProperty(PROPERTY_KEYS.tabIds, JSON.stringify(merged));
  }
}

/**
 * Sheets found by id while the lock is held: a job asks for the same tab in many of its steps
 * (read, check, protect, write), and nobody but this execution adds or removes the app's tabs
 * meanwhile (the app never deletes a sheet). Forgotten when the lock is released.
 */
let found: {
  hold: number;
  spreadsheet: Spreadsheet;
  sheets: Map<number, Sheet>;
  id?: string;
} | null = null;

/** What was found of `spreadsheet` in this hold of the lock (null without the lock). */
function foundIn(spreadsheet: Spreadsheet): NonNullable<typeof found> | null {
  const hold = lockHold();
  if (hold === null) return null;
  if (!found || found.hold !== hold || found.spreadsheet !== spreadsheet) {
    found = { hold, spreadsheet, sheets: new Map() };
  }
  return found;
}

/** The spreadsheet's id, asked once per hold of the lock. */
export function spreadsheetIdOf(spreadsheet: Spreadsheet): string {
  const known = foundIn(spreadsheet);
  if (!known) return spreadsheet.getId();
  if (known.id === undefined) known.id = spreadsheet.getId();
  return known.id;
}

/** The sheet with id `id`, asked of the spreadsheet once per hold of the lock. */
function sheetById(spreadsheet: Spreadsheet, id: number): Sheet | null {
  const known = foundIn(spreadsheet);
  if (!known) return spreadsheet.getSheetById(id);
  const sheet = known.sheets.get(id);
  if (sheet) return sheet;
  const asked = spreadsheet.getSheetById(id);
  if (asked) known.sheets.set(id, asked);
  return asked;
}

/**
 * The tab of `name`: the sheet with the recorded id (whatever staff renamed it to), else the
 * sheet of that name — whose id is then recorded when the lock is held.
 */
export function tabSheet(spreadsheet: Spreadsheet, name: string): Sheet | null {
  const id = tabIds()[name];
  if (id !== undefined) {
    const sheet = sheetById(spreadsheet, id);
    if (sheet) return sheet;
  }
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet && holdsLock()) recordTabIds({ [name]: sheet.getSheetId() });
  return sheet;
}

/** The form id recorded for a kind. */
export function formIdOf(kind: FormKind): string {
  return readProperty(PROPERTY_FAMILIES.formId(kind)) ?? '';
}

/** The recorded form ids of every kind. */
export function formIds(): Partial<Record<FormKind, string>> {
  return Object.fromEntries(FORMS.map((f) => [f.kind, formIdOf(f.kind)]));
}

/** Whether the sheet's form link names the form `formId`. */
export function linksForm(formUrl: string | null, formId: string): boolean {
  return formId !== '' && (formUrl ?? '').indexOf(formId) >= 0;
}

/**
 * The response sheet of a form: the recorded sheet, else one whose form link names the form,
 * else the sheet with the definition's name (a deployment older than the recorded ids).
 */
export function responseSheet(
  spreadsheet: Spreadsheet,
  definition: FormDefinition,
  formId: string,
): Sheet | null {
  const key = responsesTabKey(definition.kind);
  const id = tabIds()[key];
  if (id !== undefined) {
    const sheet = sheetById(spreadsheet, id);
    if (sheet) return sheet;
  }
  const linked = formId
    ? spreadsheet.getSheets().find((s) => linksForm(s.getFormUrl(), formId))
    : undefined;
  const sheet = linked ?? spreadsheet.getSheetByName(definition.responseSheet);
  if (sheet && holdsLock()) recordTabIds({ [key]: sheet.getSheetId() });
  return sheet;
}

/** The form whose responses land on `sheet`, by recorded id or by the sheet's form link. */
export function formOfSheet(
  sheet: Sheet,
  formIds: Partial<Record<FormKind, string>>,
): FormDefinition | undefined {
  const ids = tabIds();
  const sheetId = sheet.getSheetId();
  const byId = FORMS.find((f) => ids[responsesTabKey(f.kind)] === sheetId);
  if (byId) return byId;
  const url = sheet.getFormUrl();
  const byLink = FORMS.find((f) => linksForm(url, formIds[f.kind] ?? ''));
  if (byLink && holdsLock()) recordTabIds({ [responsesTabKey(byLink.kind)]: sheetId });
  return byLink;
}

/** Questions of the forms by item id: canonical title → { id, title now }. */
export type QuestionIds = Partial<Record<FormKind, Record<string, { id: number; title: string }>>>;

/** The recorded question ids. */
export function questionIds(): QuestionIds {
  return readJsonProperty<QuestionIds>(PROPERTY_KEYS.questionIds) ?? {};
}

/** Records question ids and their current titles (the caller holds the lock). */
export function recordQuestionIds(ids: QuestionIds): void {
  const current = questionIds();
  const merged = { ...current, ...ids };
  if (JSON.stringify(merged) !== JSON.stringify(current)) {
    writeProperty(PROPERTY_KEYS.questionIds, JSON.stringify(merged));
  }
}

/** Current question title → canonical title, for the questions staff renamed. */
export function renamedQuestions(
  kind: FormKind,
  recorded: Record<string, { id: number; title: string }> = questionIds()[kind] ?? {},
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const canonical of Object.keys(recorded)) {
    const title = recorded[canonical]!.title;
    if (title !== canonical) renamed.set(title, canonical);
  }
  return renamed;
}

/** A source the projection of a form needs and cannot find. */
export interface MissingSource {
  kind: FormKind;
  what: 'form' | 'unlinked' | 'sheet' | 'question';
  /** The question's title, for a deleted question. */
  detail: string;
  /** When it was first found missing (ISO). */
  since: string;
}

/** The sources found missing by the last check. */
export function missingSources(): MissingSource[] {
  return readJsonProperty<MissingSource[]>(PROPERTY_KEYS.missingSources) ?? [];
}

/** Records what is missing now, keeping the first-seen time of what was missing before. */
export function recordMissingSources(now: readonly Omit<MissingSource, 'since'>[]): {
  added: MissingSource[];
  all: MissingSource[];
} {
  const before = missingSources();
  const same = (a: Omit<MissingSource, 'since'>, b: Omit<MissingSource, 'since'>): boolean =>
    a.kind === b.kind && a.what === b.what && a.detail === b.detail;
  const stamp = new Date().toISOString();
  const all = now.map((m) => before.find((b) => same(b, m)) ?? { ...m, since: stamp });
  const added = all.filter((m) => !before.some((b) => same(b, m)));
  if (JSON.stringify(all) !== JSON.stringify(before)) {
    writeProperty(PROPERTY_KEYS.missingSources, JSON.stringify(all));
  }
  return { added, all };
}
