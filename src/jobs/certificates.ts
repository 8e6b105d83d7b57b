/**
 * generateCertificates: diplomas, participant certificates and letters of thanks of one event,
 * from the templates staff design in Google Docs. One document per ОУ and kind, one page per
 * person, each with its PDF, in «<папка>/Грамоты/<учебный год>/<мероприятие>/<ключ ОУ>/».
 *
 * Idempotent by fingerprint: a document whose inputs (names in their cases, results, template
 * version) are unchanged is left alone; a changed ОУ gets a new document, recorded in «Грамоты»
 * before the old one is trashed. Documents are made one ОУ at a time within the run's time budget
 * and Google's daily quota of new documents; what is left waits in a document property for the
 * next call or the daily run, and nothing is made twice.
 */
import {
  CERTIFICATE_KINDS,
  certificateFields,
  fieldsOfOtherKinds,
  fillUnit,
  isPageField,
  planCertificates,
  unitFingerprint,
  type CertificateKind,
  type CertificatePlan,
  type CertificateUnit,
  type FilledUnit,
} from '../domain/certificates';
import type { IssuedDocument, QualityIssue, School } from '../domain/model';
import { splitLetter, type Letter } from '../domain/mail';
import { schoolLabel } from '../domain/matching';
import { renderCertificatesLetter } from '../domain/schoolLetter';
import { LETTERS_JOB_RU } from '../i18n/ru/letters';
import { enqueueLetters, readLedger, type Ledger } from '../workspace/mailQueue';
import { PARTICIPANTS_SCHEMA, RESULTS_SCHEMA } from '../domain/schema';
import { documentIdOf, type SettingKey, type Settings } from '../domain/settings';
import { ensureTemplates } from './templates';
import { fillTokens, parseTemplate, type TemplateToken } from '../domain/template';
import { argumentText, matchKey } from '../domain/text/clean';
import { formatDateNumeric } from '../domain/text/dates';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { CERTIFICATES_RU as T } from '../i18n/ru/certificates';
import { TEMPLATE_RU } from '../i18n/ru/templates';
import { requireStaff } from '../workspace/access';
import {
  makeCertificateDocument,
  trashFiles,
  trashLeftovers,
  type PageText,
} from '../workspace/certificateDocs';
import { issuedKey, putIssued, readRegister } from '../workspace/certificateRegister';
import {
  createDefaultTemplate,
  readTemplate,
  type TemplateContent,
} from '../workspace/certificateTemplates';
import {
  driveIds,
  folderAt,
  folderUrl,
  isFileTrashed,
  shareFolderForViewing,
  subfolder,
} from '../workspace/drive';
import { errorText, writeJournal, type JobOutcome } from '../workspace/journal';
import { addOutsideIssues, readReference, readDerivedRecords } from '../workspace/master';
import { withDocumentLock, withLock } from '../workspace/lock';
import {
  deleteProperty,
  PROPERTY_FAMILIES,
  PROPERTY_KEYS,
  readProperty,
  writeProperty,
} from '../workspace/properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Folder = GoogleAppsScript.Drive.Folder;

/** A run started from the menu or the sidebar stops starting new documents after this. */
const RUN_BUDGET_MS = 4.5 * 60 * 1000;
/** Document property: events whose documents are not all made yet. */
const PENDING_KEY = PROPERTY_KEYS.certificatesPending;
/** Google's message when the daily quota of new documents is spent. */
const DAILY_QUOTA = /Service invoked too many times for one day/i;

/** The setting holding each kind's template. */
const TEMPLATE_SETTING: Record<CertificateKind, SettingKey> = {
  winner: 'templateWinner',
  prize: 'templatePrize',
  participant: 'templateParticipant',
  mentor: 'templateMentor',
};

/** Document property: the default template setupSystem made for a kind. */
function defaultTemplateKey(kind: CertificateKind): string {
  return PROPERTY_FAMILIES.certificateTemplate(kind);
}

/** One document of the event, as the answer lists it. */
export interface CertificateDocumentInfo {
  school: string;
  kind: string;
  pages: number;
  url: string;
  pdfUrl: string;
  /** 'made' in this run, 'unchanged' from an earlier one, 'waiting' for the next run. */
  status: 'made' | 'unchanged' | 'waiting';
}

/** What generateCertificates and previewCertificates answer (sidebar, menu, tests). */
export interface CertificatesAnswer {
  ok: boolean;
  event: string;
  /** The whole answer in Russian, sentence after sentence. */
  message: string;
  /** Template problems that stopped the run, each naming the field. */
  errors: string[];
  made: number;
  unchanged: number;
  total: number;
  /** Why documents are left for the next run: time, the daily quota, or an error; '' if none. */
  paused: '' | 'time' | 'quota' | 'error';
  folderUrl: string;
  documents: CertificateDocumentInfo[];
}

/** An event with documents still to make, as kept in document properties. */
interface PendingRun {
  event: string;
  reason: 'time' | 'quota' | 'error';
  done: number;
  total: number;
  at: string;
}

/** Makes (or brings up to date) the event's diplomas, certificates and letters of thanks. */
export function generateCertificates(eventName: string): CertificatesAnswer {
  const started = Date.now();
  const { spreadsheet, settings } = requireStaff();
  return runCertificates(spreadsheet, settings, argumentText(eventName), {
    deadline: started + RUN_BUDGET_MS,
    make: true,
    underLock: withLock,
  });
}

/** What generateCertificates would make now, without making anything. */
export function previewCertificates(eventName: string): CertificatesAnswer {
  const { spreadsheet, settings } = requireStaff();
  return runCertificates(spreadsheet, settings, argumentText(eventName), {
    deadline: Infinity,
    make: false,
    underLock: withLock,
  });
}

/** Events whose documents are not all made yet, with a progress line each (sidebar). */
export function pendingCertificates(): { event: string; message: string }[] {
  return readPending().map((p) => ({
    event: p.event,
    message: T.progress(p.event, p.done, p.total),
  }));
}

/**
 * The daily run's share: continues every pending event until `deadline` (Date.now() ms). The
 * caller holds the script lock already.
 */
export function resumeCertificates(
  spreadsheet: Spreadsheet,
  settings: Settings,
  deadline: number,
  ledger?: () => Ledger,
): void {
  for (const pending of readPending()) {
    if (Date.now() >= deadline) return;
    runCertificates(spreadsheet, settings, pending.event, {
      deadline,
      make: true,
      underLock: (job) => job(),
      ledger,
      resumed: pending,
    });
  }
}

function readPending(): PendingRun[] {
  const text = readProperty(PENDING_KEY);
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? (value as PendingRun[]).filter((p) => typeof p.event === 'string')
      : [];
  } catch {
    return [];
  }
}

function savePending(event: string, run: PendingRun | null): void {
  const current = readPending();
  const next = current.filter((p) => matchKey(p.event) !== matchKey(event));
  if (run) next.push(run);
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  withLock(() => {
    if (next.length > 0) writeProperty(PENDING_KEY, JSON.stringify(next));
    else deleteProperty(PENDING_KEY);
  });
}

interface RunOptions {
  /** Date.now() past which no new document is started. */
  deadline: number;
  /** False for a preview. */
  make: boolean;
  /** Runs a short write under the script lock (the intake writes «Требует проверки» too). */
  underLock: <R>(job: () => R) => R;
  /** The mail queue of the daily run, if it has read it (letters to ОУ go into it). */
  ledger?: () => Ledger;
  /** The daily run continuing an unfinished run (kept in document properties). */
  resumed?: PendingRun;
}

/** A template read and understood. */
interface PreparedTemplate {
  content: TemplateContent;
  body: TemplateToken[];
  sections: TemplateToken[];
}

/** A unit with its filled pages, fingerprint and what the register says about it. */
interface PreparedUnit {
  unit: CertificateUnit;
  filled: FilledUnit;
  fingerprint: string;
  record: IssuedDocument;
  previous: IssuedDocument | null;
  status: 'new' | 'changed' | 'unchanged';
}

function runCertificates(
  spreadsheet: Spreadsheet,
  settings: Settings,
  eventName: string,
  options: RunOptions,
): CertificatesAnswer {
  const answer: CertificatesAnswer = {
    ok: false,
    event: eventName.trim(),
    message: '',
    errors: [],
    made: 0,
    unchanged: 0,
    total: 0,
    paused: '',
    folderUrl: '',
    documents: [],
  };
  const attempt = (): CertificatesAnswer => {
    try {
      return run(spreadsheet, settings, eventName, options, answer);
    } catch (error) {
      answer.ok = false;
      answer.message = errorText(error);
      if (options.make) journal(spreadsheet, 'error', answer, errorText(error));
      throw error;
    }
  };
  if (!options.make) return attempt();
  return withDocumentLock(attempt, () => {
    answer.message = T.busy;
    return answer;
  });
}

function run(
  spreadsheet: Spreadsheet,
  settings: Settings,
  eventName: string,
  options: RunOptions,
  answer: CertificatesAnswer,
): CertificatesAnswer {
  const reference = readReference(spreadsheet);
  const outcome = planCertificates({
    eventName,
    events: reference.events,
    schools: reference.schools,
    participants: readDerivedRecords(spreadsheet, PARTICIPANTS_SCHEMA),
    results: readDerivedRecords(spreadsheet, RESULTS_SCHEMA),
    signaturePosition: settings.signaturePosition,
    signatureName: settings.signatureName,
    issuedOn: new Date(),
  });
  if (!outcome.ok) {
    answer.message = outcome.message;
    if (options.resumed) {
      // Staff renamed or removed the event of an unfinished run: said once, not retried daily.
      const { event, done, total } = options.resumed;
      answer.event = event;
      answer.message = T.pendingDropped(event, done, total, outcome.message);
      journal(spreadsheet, 'warning', answer);
      savePending(event, null);
    }
    return answer;
  }
  const plan = outcome.plan;
  answer.event = plan.event.name;
  const notes = planNotes(plan);
  if (plan.units.length === 0) {
    answer.ok = true;
    answer.message = [T.nothingToMake(plan.event.name), ...notes].join(' ');
    if (options.make) savePending(plan.event.name, null);
    return answer;
  }

  const templates = prepareTemplates(plan, settings, answer);
  if (answer.errors.length > 0) {
    answer.message = [...answer.errors, T.stoppedOnTemplate].join('\n');
    if (options.make) journal(spreadsheet, 'error', answer, answer.errors.join('\n'));
    return answer;
  }

  const register = readRegister(spreadsheet);
  const units = plan.units.map((unit) =>
    prepareUnit(unit, templates.get(unit.kind)!, plan, register.records),
  );
  answer.total = units.length;
  answer.unchanged = units.filter((u) => u.status === 'unchanged').length;
  answer.documents = units.map((u) => ({
    school: u.unit.schoolKey,
    kind: T.kinds[u.unit.kind].title,
    pages: u.unit.pages.length,
    url: u.status === 'unchanged' ? u.record.documentUrl : '',
    pdfUrl: u.status === 'unchanged' ? u.record.pdfUrl : '',
    status: u.status === 'unchanged' ? 'unchanged' : 'waiting',
  }));
  if (!options.make) {
    answer.ok = true;
    answer.message = [
      T.preview(units.length - answer.unchanged, answer.unchanged, pagesToMake(units)),
      ...notes,
    ].join(' ');
    return answer;
  }

  const eventFolder = folderAt([
    settings.rootFolderName,
    T.certificatesFolder,
    `${plan.schoolYear}-${plan.schoolYear + 1}`,
    plan.event.name,
  ]);
  answer.folderUrl = folderUrl(eventFolder);
  const review: QualityIssue[] = [];
  let madePages = 0;
  let spentMs = 0;
  for (let i = 0; i < units.length; i++) {
    const prepared = units[i]!;
    if (prepared.status === 'unchanged') continue;
    // The next document is started only if it should end before the deadline.
    const made = answer.made;
    const estimate = made > 0 ? (spentMs / madePages) * prepared.unit.pages.length : 0;
    if (Date.now() + estimate >= options.deadline) {
      answer.paused = 'time';
      break;
    }
    const unitStarted = Date.now();
    try {
      const document = makeUnit(prepared, templates.get(prepared.unit.kind)!, eventFolder);
      putIssued(register, document);
      if (prepared.previous) trashReplaced(prepared.previous, document);
      answer.documents[i] = {
        ...answer.documents[i]!,
        url: document.documentUrl,
        pdfUrl: document.pdfUrl,
        status: 'made',
      };
    } catch (error) {
      answer.paused = DAILY_QUOTA.test(errorText(error)) ? 'quota' : 'error';
      if (answer.paused === 'error') answer.errors.push(errorText(error));
      break;
    }
    answer.made++;
    madePages += prepared.unit.pages.length;
    spentMs += Date.now() - unitStarted;
    review.push(...reviewIssues(plan, prepared));
  }
  if (review.length > 0) options.underLock(() => addOutsideIssues(spreadsheet, review));

  const done = answer.made + answer.unchanged;
  answer.ok = answer.paused !== 'error';
  const status =
    answer.paused === 'time'
      ? T.pausedTime(done, answer.total)
      : answer.paused === 'quota'
        ? T.pausedQuota(done, answer.total)
        : answer.paused === 'error'
          ? T.pausedError(done, answer.total, answer.errors.join(' '))
          : T.finished(plan.event.name);
  const unresolved = review.length;
  // Every document of the event is made: each ОУ may be told where its folder is, once.
  const mailed =
    answer.paused === '' && settings.certificatesToSchools
      ? options.underLock(() =>
          queueCertificateLetters(
            spreadsheet,
            settings,
            plan,
            reference.schools,
            eventFolder,
            options,
          ),
        )
      : [];
  answer.message = [
    T.summary(answer.made, answer.unchanged, madePages),
    status,
    ...notes,
    ...(unresolved > 0 ? [T.review(unresolved)] : []),
    ...mailed,
  ].join(' ');
  savePending(
    plan.event.name,
    answer.paused
      ? {
          event: plan.event.name,
          reason: answer.paused,
          done,
          total: answer.total,
          at: new Date().toISOString(),
        }
      : null,
  );
  journal(
    spreadsheet,
    answer.paused === '' ? 'ok' : answer.paused === 'error' ? 'error' : 'queued',
    answer,
  );
  return answer;
}

/**
 * The letters that tell each ОУ of the plan (with an address) where its documents are: its folder
 * of the event is opened for viewing to its addresses, and one letter per ОУ and edition of the
 * event goes into the mail queue (kind «notice»; never twice). Returns sentences for the answer.
 */
function queueCertificateLetters(
  spreadsheet: Spreadsheet,
  settings: Settings,
  plan: CertificatePlan,
  schools: readonly School[],
  eventFolder: Folder,
  options: RunOptions,
): string[] {
  const ledger = options.ledger ? options.ledger() : readLedger(spreadsheet);
  const known = new Set(ledger.entries.map((e) => e.id));
  const edition = plan.event.start ? plan.event.start.toISOString().slice(0, 10) : '';
  const kinds = new Map<string, CertificateKind[]>();
  for (const unit of plan.units)
    kinds.set(unit.schoolKey, [...(kinds.get(unit.schoolKey) ?? []), unit.kind]);
  const letters: Letter[] = [];
  const notes: string[] = [];
  for (const school of schools) {
    const made = kinds.get(school.key);
    if (!made || school.emails.length === 0) continue;
    const id = ['notice', 'certificates', matchKey(plan.event.name), edition, school.key].join(':');
    const split = (letter: Omit<Letter, 'to' | 'id'>): Letter[] =>
      splitLetter({ ...letter, id }, school.emails);
    if (split({ kind: 'notice', subject: '', body: '' }).every((l) => known.has(l.id))) continue;
    const folder = subfolder(eventFolder, school.key);
    try {
      shareFolderForViewing(folder, school.emails);
    } catch (error) {
      notes.push(
        LETTERS_JOB_RU.shareFailed(schoolLabel(school), school.emails.join(', '), errorText(error)),
      );
    }
    const rendered = renderCertificatesLetter({
      event: plan.event,
      schoolName: schoolLabel(school),
      kinds: made,
      folderUrl: folderUrl(folder),
      centre: {
        name: settings.centreName,
        contact: settings.centreContact,
        signaturePosition: settings.signaturePosition,
        signatureName: settings.signatureName,
      },
    });
    letters.push(
      ...split({
        kind: 'notice',
        subject: rendered.subject,
        body: rendered.body,
        htmlBody: rendered.htmlBody,
        schoolKey: school.key,
        senderName: settings.centreName,
      }),
    );
  }
  const queued = enqueueLetters(spreadsheet, letters, ledger);
  return queued > 0
    ? [LETTERS_JOB_RU.certificatesQueued(plan.event.name, queued), ...notes]
    : notes;
}

/** Sentences about the edition used, unconfirmed and unmatched results. */
function planNotes(plan: CertificatePlan): string[] {
  const notes: string[] = [];
  if (plan.otherEditions.length > 0) {
    const day = (d: Date | null) => (d ? formatDateNumeric(d) : T.noStart);
    notes.push(
      T.editionUsed(day(plan.event.start), plan.otherEditions.map((e) => day(e.start)).join(', ')),
    );
  }
  if (plan.unconfirmed.length > 0)
    notes.push(
      T.unconfirmed(
        plan.unconfirmed.length,
        plan.unconfirmed.map((u) => `${u.name} (${u.schoolKey})`).join(', '),
      ),
    );
  if (plan.unmatchedResults > 0) notes.push(T.unmatched(plan.unmatchedResults));
  return notes;
}

/** Pages of the documents still to make. */
function pagesToMake(units: PreparedUnit[]): number {
  return units.filter((u) => u.status !== 'unchanged').reduce((n, u) => n + u.unit.pages.length, 0);
}

/** Reads and checks the template of every kind the plan needs; errors go to `answer.errors`. */
function prepareTemplates(
  plan: CertificatePlan,
  settings: Settings,
  answer: CertificatesAnswer,
): Map<CertificateKind, PreparedTemplate> {
  const prepared = new Map<CertificateKind, PreparedTemplate>();
  for (const kind of CERTIFICATE_KINDS) {
    if (!plan.units.some((u) => u.kind === kind)) continue;
    const title = T.kinds[kind].title;
    const reference = settings[TEMPLATE_SETTING[kind]] as string;
    const id = reference ? documentIdOf(reference) : null;
    if (!id) {
      answer.errors.push(T.templateMissing(title));
      continue;
    }
    const content = readTemplate(id);
    if (!content) {
      answer.errors.push(T.templateUnreadable(title, reference));
      continue;
    }
    for (const type of content.unsupported) answer.errors.push(T.templateUnsupported(title, type));
    const fields = certificateFields(kind);
    const elsewhere = fieldsOfOtherKinds(kind);
    const body = parseTemplate([content.body], fields, elsewhere);
    const sections = parseTemplate([content.sections], fields, elsewhere);
    for (const error of [...body.errors, ...sections.errors])
      answer.errors.push(TEMPLATE_RU.inTemplate(title, error.message));
    for (const token of sections.tokens)
      if (isPageField(token)) answer.errors.push(T.templateFieldInHeader(title, token.raw));
    prepared.set(kind, { content, body: body.tokens, sections: sections.tokens });
  }
  return prepared;
}

function prepareUnit(
  unit: CertificateUnit,
  template: PreparedTemplate,
  plan: CertificatePlan,
  records: Map<string, IssuedDocument>,
): PreparedUnit {
  const filled = fillUnit(unit, template.body);
  const fingerprint = unitFingerprint(unit, template.body, filled, template.content.version);
  const record: IssuedDocument = {
    event: plan.event.name,
    eventStart: plan.event.start,
    schoolKey: unit.schoolKey,
    kind: T.kinds[unit.kind].title,
    pages: unit.pages.length,
    documentUrl: '',
    pdfUrl: '',
    fingerprint,
    madeAt: new Date(),
  };
  const previous = records.get(issuedKey(record)) ?? null;
  const unchanged =
    previous !== null && previous.fingerprint === fingerprint && documentsAlive(previous);
  return {
    unit,
    filled,
    fingerprint,
    record: unchanged ? previous : record,
    previous,
    status: unchanged ? 'unchanged' : previous ? 'changed' : 'new',
  };
}

/** Whether a registered document and its PDF are still in Drive, outside the trash. */
function documentsAlive(document: IssuedDocument): boolean {
  return [document.documentUrl, document.pdfUrl].every((url) => {
    const id = driveIds(url)[0];
    if (!id) return false;
    try {
      return !isFileTrashed(id);
    } catch {
      return false;
    }
  });
}

/** Makes one ОУ's document of one kind; returns its register record. */
function makeUnit(
  prepared: PreparedUnit,
  template: PreparedTemplate,
  eventFolder: Folder,
): IssuedDocument {
  const { unit, filled } = prepared;
  const folder = subfolder(eventFolder, unit.schoolKey);
  const keep = new Set(
    prepared.previous
      ? [prepared.previous.documentUrl, prepared.previous.pdfUrl].flatMap((u) => driveIds(u))
      : [],
  );
  // A document made by a run that was cut before it could record it is incomplete: trash it.
  trashLeftovers(folder, [unit.documentName, `${unit.documentName}.pdf`], keep);
  const pages: PageText[][] = filled.pages;
  const shared = fillTokens(template.sections, unit.pages[0]!.data).map(({ raw, text }) => ({
    raw,
    text,
  }));
  const made = makeCertificateDocument(
    template.content.id,
    folder,
    unit.documentName,
    pages,
    shared,
  );
  return {
    ...prepared.record,
    documentUrl: made.documentUrl,
    pdfUrl: made.pdfUrl,
    madeAt: new Date(),
  };
}

/** The documents a new one replaces go to the trash once the new one is recorded. */
function trashReplaced(previous: IssuedDocument, current: IssuedDocument): void {
  const keep = new Set([current.documentUrl, current.pdfUrl].flatMap((u) => driveIds(u)));
  trashFiles(
    [previous.documentUrl, previous.pdfUrl]
      .flatMap((u) => driveIds(u))
      .filter((id) => !keep.has(id)),
  );
}

/** «Требует проверки» lines for the people of a made document whose gender could not be told. */
function reviewIssues(plan: CertificatePlan, prepared: PreparedUnit): QualityIssue[] {
  const kind = T.kinds[prepared.unit.kind].title;
  const edition = plan.event.start ? plan.event.start.toISOString().slice(0, 10) : '';
  return prepared.filled.unresolved.map((label) => ({
    key: [
      'cert',
      matchKey(plan.event.name),
      edition,
      prepared.unit.kind,
      prepared.unit.schoolKey,
      matchKey(label),
    ].join('|'),
    detectedAt: new Date(),
    form: T.reviewForm,
    responseId: '',
    field: kind,
    value: `${label}, ${prepared.unit.schoolKey}`,
    problem: T.reviewProblem(kind),
    suggestion: T.reviewSuggestion(prepared.unit.documentName),
    status: DOMAIN_RU.quality.statusNew,
  }));
}

function journal(
  spreadsheet: Spreadsheet,
  outcome: JobOutcome,
  answer: CertificatesAnswer,
  error?: string,
): void {
  const entry = [
    {
      at: new Date(),
      job: T.job,
      outcome,
      details:
        outcome === 'error' && error
          ? `${answer.event}: ${T.stoppedOnTemplate}`
          : `${answer.event}: ${answer.message}`,
      link: answer.folderUrl,
      error,
    },
  ];
  withLock(() => writeJournal(spreadsheet, entry));
}

/**
 * setupSystem's share: a default template for every kind whose setting is empty, in
 * «<папка>/Шаблоны/», recorded in «Настройки»; every template shared with every staff member.
 * Returns the number of changes (0 on a second run).
 */
export function ensureCertificateTemplates(spreadsheet: Spreadsheet, settings: Settings): number {
  return ensureTemplates(
    spreadsheet,
    settings,
    CERTIFICATE_KINDS.map((kind) => ({
      setting: TEMPLATE_SETTING[kind],
      property: defaultTemplateKey(kind),
      create: (folder) => createDefaultTemplate(kind, folder, settings.centreName),
    })),
  );
}
