/**
 * The data model of the monitoring: plain records the domain core works on.
 * Adapters turn sheet rows into these and back (see schema.ts for the tab layouts).
 */

/** Kind of educational institution (ОУ). */
export type SchoolType = 'ДОУ' | 'школа' | 'ДО';

/** An institution of the registry («ОУ» tab). `key` is e.g. `ШКОЛА-47`, `ДОУ-21`, `ДО-ОХТА`. */
export interface School {
  key: string;
  type: SchoolType;
  number: string;
  officialName: string;
  shortName: string;
  district: string;
  emails: string[];
  responsible: string;
  aliases: string[];
}

/** Championship programme. */
export type Programme = string; // 'KidSkills' | 'JuniorSkills' | 'Профессионалы' | 'FamilySkills' | …

/** A competency of the «Компетенции» tab. */
export interface Competency {
  name: string;
  programme: Programme;
  ageCategories: string[];
  active: boolean;
  aliases: string[];
}

/** An age category of the «Возрастные категории» tab. */
export interface AgeCategory {
  name: string;
  programme: Programme;
  bounds: string;
}

export type EventLevel = 'ОУ' | 'районный' | 'городской/региональный' | 'национальный';
export type EventFormat = 'очный' | 'дистанционный' | 'очно-дистанционный';

/** A championship or event of the «Мероприятия» tab. */
export interface ChampionshipEvent {
  name: string;
  programme: Programme;
  level: EventLevel;
  format: EventFormat;
  start: Date | null;
  end: Date | null;
  registrationDeadline: Date | null;
}

/** Outcome of a participant in an event. */
export type ResultKind =
  | 'Победитель (1 место)'
  | 'Призёр (2 место)'
  | 'Призёр (3 место)'
  | 'Медальон за профессионализм'
  | 'Участник';

/** Order status of a participant. */
export type OrderStatus = 'есть' | 'нет';

/** One child in one event and competency («Участники» tab). */
export interface Participant {
  id: string; // pseudonymous, stable: see matching.participantKey
  surname: string;
  name: string;
  schoolKey: string;
  classOrGroup: string;
  ageCategory: string;
  competency: string;
  event: string;
  team: string;
  mentor: string;
  consent: boolean;
  registeredAt: Date;
  orderStatus: OrderStatus;
  result: ResultKind | '';
  sourceResponseId: string;
}

/** A school order (приказ) sending children to an event («Приказы» tab). */
export interface SchoolOrder {
  schoolKey: string;
  number: string;
  date: Date | null;
  event: string;
  fileLink: string;
  participantsNamed: string[];
  matched: number;
  unmatched: string[];
  submittedAt: Date;
  sourceResponseId: string;
}

/**
 * A monthly school report («Отчёты ОУ» tab). `period` is `YYYY-MM`. A count is null when the
 * intake could not accept it (text, a negative or implausible number): it is left out of sums.
 */
export interface MonthlyReport {
  schoolKey: string;
  period: string;
  sessions: number | null;
  pupilsInTraining: number | null;
  mentors: number | null;
  eventsHeld: string;
  contests: string;
  difficulties: string;
  postReleaseUrl: string;
  contact: string;
  submittedAt: Date;
  onTime: boolean;
  sourceResponseId: string;
}

/** A result of a participant in an event («Результаты» tab). */
export interface ParticipantResult {
  participantId: string;
  schoolKey: string;
  event: string;
  competency: string;
  participantName: string;
  result: ResultKind;
  score: number | null;
  confirmed: boolean;
  /** What staff confirmed («Победитель (1 место); 95»): a changed answer no longer matches it. */
  confirmedAs: string;
  submittedAt: Date;
  sourceResponseId: string;
}

/** One item of the centre's work plan («План работы» tab). */
export type PlanMark = 'Выполнено' | 'Выполнено частично' | 'Не выполнено' | '';

export interface PlanItem {
  section: string;
  number: string;
  title: string;
  deadlineText: string;
  deadlineFrom: Date | null;
  deadlineTo: Date | null;
  responsible: string;
  expectedResult: string;
  document: string;
  mark: PlanMark;
  /** What was achieved, as staff write it («Результат»). */
  result: string;
  /** What staff say about the item: who did it, what was hard, what is decided next. */
  comment: string;
}

/** A row of «План работы»: the item plus the columns the import fills in for staff. */
export interface PlanRow extends PlanItem {
  /** The plan's period as labelled on import: «2021/2022 учебный год», «2017 год». */
  plan: string;
  audience: string;
  /** Whether «Срок» was understood; `deadlineNote` says why not or what was assumed. */
  deadlineParsed: boolean;
  deadlineNote: string;
}

/** A data-quality problem («Требует проверки» tab). */
export interface QualityIssue {
  responseId: string;
  form: string;
  field: string;
  value: string;
  problem: string;
  suggestion: string;
  status: string;
  /** Stable id of the problem (response + field + rule), so a re-run never queues it twice. */
  key?: string;
  detectedAt?: Date | null;
}

/**
 * A diploma, certificate or letter-of-thanks document made for one ОУ («Грамоты» tab): the
 * register generateCertificates reads to make nothing twice and to replace only what changed.
 */
export interface IssuedDocument {
  event: string;
  eventStart: Date | null;
  schoolKey: string;
  /** The kind's title: «Диплом победителя», «Благодарственное письмо». */
  kind: string;
  pages: number;
  documentUrl: string;
  pdfUrl: string;
  /** What the document was made from (domain/certificates.ts unitFingerprint). */
  fingerprint: string;
  madeAt: Date;
}
