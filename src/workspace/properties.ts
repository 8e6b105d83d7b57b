/**
 * Document properties: the one typed table of every key the app keeps there, and the only module
 * that touches PropertiesService. Document properties travel with the spreadsheet (also as an
 * add-on); they hold technical state only — form and tab ids, what was placed or sent, the salt.
 * Each value is at most 9 KB and all of them together 500 KB: anything that grows with the data
 * (the mail queue) lives in a hidden tab instead.
 */

/** Single-valued keys: name → stored key. Stored keys never change (deployments carry them). */
export const PROPERTY_KEYS = {
  /** Secret salt of pseudonymous participant ids; made once, never changes. */
  participantSalt: 'participant.salt',
  /** The first month the system covers (start of the school year it was set up in). */
  firstPeriod: 'system.firstPeriod',
  /** The month the system was set up in: missed months are caught up from the one before it. */
  installedPeriod: 'system.installed',
  /** Monthly jobs done after their day, newest last (JSON), for «Журнал» and the sidebar. */
  dailyLate: 'daily.late',
  /** Fingerprint of the dropdown lists the forms were last synced to. */
  choicesFingerprint: 'choices.fingerprint',
  /**
   * What the last full projection placed of each response sheet (JSON PlacedState by form kind):
   * a submit reads each sheet from there down. The index of answers (responseIndex.ts) holds
   * what is placed now; this only says where to start reading (a submit does not rewrite it).
   */
  intakePlaced: 'intake.rows',
  /** Set when a submit could not place its answer: the next run projects everything. */
  intakeBehind: 'intake.behind',
  /** The last full projection: when, and the fingerprint of the reference it used (JSON). */
  intakeLastFull: 'intake.lastFull',
  /** Daily jobs that failed or did not fit, to retry (JSON). */
  dailyPending: 'daily.pending',
  /** Whose account runs the triggers. */
  triggersOwner: 'triggers.owner',
  /** The staff list as last saved by staff (JSON string[]): «Настройки» shows it, this decides. */
  staff: 'access.staff',
  /** Fingerprint of the staff list the protections were last synced to. */
  protectionsSynced: 'access.protections',
  /** Sheet ids of the master's tabs by their canonical name (JSON). */
  tabIds: 'tabs.ids',
  /** Drive folder ids by purpose (JSON). */
  folderIds: 'drive.folders',
  /** Item ids of each form's questions by canonical title (JSON by form kind). */
  questionIds: 'forms.items',
  /** Sources found missing by the last check (JSON), for the sidebar's health. */
  missingSources: 'sources.missing',
  /** Addresses the mail service refused, by ОУ (JSON), listed in «Требует проверки». */
  badAddresses: 'mail.badAddresses',
  /**
   * Order responses whose «Файл приказа» cell names a file the form never received (JSON: response
   * id → the cell's text): not moved, listed in «Требует проверки».
   */
  refusedUploads: 'orders.refusedUploads',
  /** The app's Drive folders found trashed or gone and repaired, newest last (JSON). */
  driveRepairs: 'drive.repairs',
  /** Events whose certificates are not all made yet (JSON). */
  certificatesPending: 'certificates.pending',
  /** School years closed by closeSchoolYear (JSON number[]): their rows live in archives. */
  closedYears: 'year.closed',
  /** Prefilled-link templates of the forms: respondent link and entry per question (JSON). */
  prefillTemplates: 'forms.prefill',
} as const;

/** Keys made of a prefix and an id (a form kind, a month). */
export const PROPERTY_FAMILIES = {
  /** Id of the form of a kind. */
  formId: (kind: string) => `form.${kind}`,
  /** A monthly daily job done (`note:2021-10`). */
  dailyDone: (jobId: string) => `daily.done.${jobId}`,
  /** Id of the month's current note. */
  noteId: (period: string) => `note.${period}`,
  /** Figures the month's note was made with (JSON). */
  noteFigures: (period: string) => `note.${period}.figures`,
  /** When the month's summary was queued for every recipient. */
  summarySent: (period: string) => `summary.${period}`,
  /** Reminders of a month already sent (JSON marks). */
  remindersSent: (period: string) => `reminders.sent.${period}`,
  /** Where closing a school year stands: steps done, when started and finished (JSON). */
  yearClose: (schoolYear: number) => `year.close.${schoolYear}`,
  /** Id of a closed year's archive spreadsheet «Архив 2021/2022». */
  archiveId: (schoolYear: number) => `archive.${schoolYear}`,
  /** Id of a school year's annual note. */
  annualNoteId: (schoolYear: number) => `note.year.${schoolYear}`,
  /** The default certificate template setupSystem made for a kind. */
  certificateTemplate: (kind: string) => `certificates.template.${kind}`,
  /** The default template of a document kind (monthly note, plan analysis …) setupSystem made. */
  documentTemplate: (kind: string) => `documents.template.${kind}`,
} as const;

export type PropertyName = keyof typeof PROPERTY_KEYS;

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/**
 * Every property, read once while the script lock is held: nobody else writes them meanwhile
 * (every write is under the lock), so one `getProperties` serves the whole job. Outside the lock
 * each read asks the service. lock.ts opens and closes it.
 */
let cache: Record<string, string> | null = null;
let caching = false;

/** The lock was taken: reads may be served from one snapshot from now on. */
export function beginPropertySnapshot(): void {
  caching = true;
  cache = null;
}

/** The lock was released: the snapshot is forgotten. */
export function endPropertySnapshot(): void {
  caching = false;
  cache = null;
}

function snapshot(): Record<string, string> | null {
  if (!caching) return null;
  if (!cache) cache = { ...store().getProperties() };
  return cache;
}

/** The stored text of a key (from PROPERTY_KEYS or PROPERTY_FAMILIES), or null. */
export function readProperty(key: string): string | null {
  const all = snapshot();
  if (all) return Object.prototype.hasOwnProperty.call(all, key) ? all[key]! : null;
  return store().getProperty(key);
}

/** The last parse of each key's text: the same text is not parsed twice (callers never mutate). */
const parsed = new Map<string, { text: string; value: unknown }>();

/** A JSON value, or null when absent or unreadable. */
export function readJsonProperty<T>(key: string): T | null {
  const text = readProperty(key);
  if (text === null || text === '') return null;
  const known = parsed.get(key);
  if (known && known.text === text) return known.value as T;
  try {
    const value = JSON.parse(text) as T;
    parsed.set(key, { text, value });
    return value;
  } catch {
    return null;
  }
}

/** Writes one key; the caller holds the script lock (see lock.ts for the two exceptions). */
export function writeProperty(key: string, value: string): void {
  store().setProperty(key, value);
  if (cache) cache[key] = value;
}

/** Writes several keys in one call. */
export function writeProperties(values: Record<string, string>): void {
  if (Object.keys(values).length === 0) return;
  store().setProperties(values);
  if (cache) Object.assign(cache, values);
}

/** Removes one key. */
export function deleteProperty(key: string): void {
  store().deleteProperty(key);
  if (cache) delete cache[key];
}

/** Every document property at once (one call), for a run that needs several. */
export function readAllProperties(): Record<string, string> {
  return { ...(snapshot() ?? store().getProperties()) };
}

/** The secret salt of pseudonymous participant ids, made once; it must never change. */
export function participantSalt(): string {
  let salt = readProperty(PROPERTY_KEYS.participantSalt);
  if (!salt) {
    salt = Utilities.getUuid();
    writeProperty(PROPERTY_KEYS.participantSalt, salt);
  }
  return salt;
}
