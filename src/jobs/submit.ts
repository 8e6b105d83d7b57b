/**
 * A form submit in a constant number of service calls, whatever the size of the district: it reads
 * with two calls of the Sheets API what its ОУ needs — «Настройки», the reference tabs, the index
 * of answers, «Требует проверки» and the response sheets from the last placed row down; then the
 * ОУ's own answers and its blocks in the grouped tabs (with the row on each side, to check the
 * index against the tab) — re-projects that ОУ, and writes its blocks, its «Требует проверки» rows
 * and its index lines with at most two calls (rows inserted or deleted, then values).
 *
 * Whenever it cannot be sure — no index yet, the index edited by hand, a row edited or deleted in
 * a response sheet, a submit behind, a tab not as the index says, «Требует проверки» sorted, a
 * source missing, the Sheets service not enabled — it returns null and the caller projects
 * everything, as rebuildAll does. So what it writes is always what a full projection would.
 */
import {
  partitionResolver,
  projectIntake,
  type IntakeOptions,
  type Projection,
  comparePartitions,
} from '../domain/intake';
import { buildSchoolIndex } from '../domain/matching';
import { FORMS, ORDER_FILE_QUESTION, type FormDefinition, type FormKind } from '../domain/forms';
import {
  AGE_CATEGORIES_SCHEMA,
  COMPETENCIES_SCHEMA,
  EVENTS_SCHEMA,
  INDEX_HEADER,
  INDEX_TAB,
  QUALITY_SCHEMA,
  SCHOOLS_SCHEMA,
  SETTINGS_TAB,
  columnIndex,
  toRow,
  type TabSchema,
} from '../domain/schema';
import { isBlankRow, schoolAnswerReader, TIMESTAMP_TITLE } from '../domain/responses';
import {
  answerKey,
  answerLine,
  blockKey,
  blockLine,
  blockStart,
  lineChecksum,
  linesChecksum,
  metaLine,
  parseIndex,
  META_KEY,
  type AnswerRows,
  type Placed,
  type PlacedState,
} from '../domain/responseIndex';
import {
  canonicalHeader,
  mergeQualityScope,
  qualityInOrder,
  qualityStatuses,
  rawForms,
  referenceFromValues,
  resultConfirmations,
  settingsFromRows,
} from '../workspace/master';
import { GROUPED_SCHEMAS, type Grouped } from '../workspace/groupedTabs';
import { BLOCK_TABS } from '../workspace/responseIndexTab';
import {
  changeRows,
  fromSerial,
  readRanges,
  sheetsApiAvailable,
  writeRanges,
  type GridRead,
  type GridWrite,
  type RowChange,
} from '../workspace/sheetsApi';
import {
  participantSalt,
  PROPERTY_KEYS,
  readJsonProperty,
  readProperty,
} from '../workspace/properties';
import { recordedTabId, responsesTabKey } from '../workspace/sources';
import { sameCell, type Row } from '../workspace/table';
import type { IntakeRun } from './intake';

/** The forms of a submit's family and the grouped tabs they fill (jobs/intake.ts FAMILIES). */
export interface Family {
  forms: FormKind[];
  tabs: string[];
}

/** Which projection list fills which grouped tab. */
const PROJECTED: Record<string, (p: Projection) => Grouped[]> = {
  [GROUPED_SCHEMAS[0]!.name]: (p) => p.participants,
  [GROUPED_SCHEMAS[1]!.name]: (p) => p.orders,
  [GROUPED_SCHEMAS[2]!.name]: (p) => p.reports,
  [GROUPED_SCHEMAS[3]!.name]: (p) => p.results,
};

/** A response sheet of the family as the first read found it. */
interface SheetTail {
  definition: FormDefinition;
  sheetId: number;
  header: unknown[];
  width: number;
  timestampColumn: number;
  /** Sheet row of `tail[0]`. */
  from: number;
  tail: Row[];
}

/** Where a block of one ОУ is and what the second read found there. */
interface BlockWindow {
  schema: TabSchema<Grouped>;
  sheetId: number;
  partition: string;
  /** Body index of the block's first row, and its rows, by the index. */
  start: number;
  count: number;
  /** No block after it, by the index: the read goes to the end of the tab. */
  last: boolean;
  read: number;
  rows: Row[];
}

const SCHEMA_OF = new Map(GROUPED_SCHEMAS.map((s) => [s.name, s]));

/** Columns of a schema that hold dates, 0-based. */
function dateColumnsOf<R>(schema: TabSchema<R>): number[] {
  return schema.columns.flatMap((c, i) => (c.kind === 'date' || c.kind === 'datetime' ? [i] : []));
}

/** The placed state of each form as the last full projection recorded it (where reading starts). */
function placedHint(): Placed {
  return readJsonProperty<Placed>(PROPERTY_KEYS.intakePlaced) ?? {};
}

/**
 * Places the answer in row `row` of `form`'s response sheet (and any earlier answer of its family
 * whose trigger never came); null when only a full projection can be trusted (see above).
 */
export function placeSubmit(
  spreadsheetId: string,
  form: FormDefinition,
  row: number,
  family: Family,
): IntakeRun | null {
  if (!sheetsApiAvailable() || readProperty(PROPERTY_KEYS.intakeBehind)) return null;
  const id = (name: string): number | undefined => recordedTabId(name);
  const needed = [
    SETTINGS_TAB,
    SCHOOLS_SCHEMA.name,
    COMPETENCIES_SCHEMA.name,
    EVENTS_SCHEMA.name,
    AGE_CATEGORIES_SCHEMA.name,
    INDEX_TAB,
    QUALITY_SCHEMA.name,
    ...family.tabs,
    ...family.forms.map(responsesTabKey),
  ];
  if (needed.some((name) => id(name) === undefined)) return null;
  const hint = placedHint();
  const definitions = family.forms.map((kind) => FORMS.find((f) => f.kind === kind)!);

  // First read: everything whose place is known without the index.
  const first: GridRead[] = [
    { sheetId: id(SETTINGS_TAB)!, startRow: 0 },
    { sheetId: id(SCHOOLS_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(COMPETENCIES_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(EVENTS_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(AGE_CATEGORIES_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(INDEX_TAB)!, startRow: 1, endColumn: INDEX_HEADER.length },
    {
      sheetId: id(QUALITY_SCHEMA.name)!,
      startRow: 1,
      endColumn: QUALITY_SCHEMA.columns.length,
      dateColumns: dateColumnsOf(QUALITY_SCHEMA),
    },
  ];
  const tailFrom = new Map<FormKind, number>();
  for (const kind of family.forms) {
    const sheetId = id(responsesTabKey(kind))!;
    const from = Math.max(1, hint[kind]?.rows ?? 1);
    tailFrom.set(kind, from);
    first.push({ sheetId, startRow: 0, endRow: 1 });
    first.push({ sheetId, startRow: from - 1 });
  }
  let read: Row[][];
  try {
    read = readRanges(spreadsheetId, first);
  } catch {
    return null; // a tab gone, a service failing: the full projection says what is wrong
  }
  const [settingsValues, schools, competencies, events, ages, lines, quality] = read as [
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
  ];
  const index = parseIndex(lines, BLOCK_TABS);
  if (!index || !index.meta.complete || linesChecksum(lines) !== index.checksum) return null;
  if (!qualityInOrder(quality)) return null;

  const settings = settingsFromRows(settingsValues.slice(1));
  const { reference } = referenceFromValues(
    { schools, competencies, events, ageCategories: ages },
    true,
  );
  const schoolIndex = buildSchoolIndex(reference.schools);
  const partitionOf = partitionResolver(schoolIndex);

  // What is new in each response sheet since the index was written: the submitted row, and rows
  // whose trigger never came. Anything else (a row edited, deleted, moved) needs everything.
  const sheets: SheetTail[] = [];
  const after: Placed = {};
  const scope = new Set<string>();
  const fresh = new Map<FormKind, { row: number; label: string; values: Row }[]>();
  for (let f = 0; f < family.forms.length; f++) {
    const kind = family.forms[f]!;
    const definition = definitions[f]!;
    const rawHeader = read[7 + 2 * f]![0] ?? [];
    const header = canonicalHeader(definition, rawHeader);
    if (!header) return null;
    const width = header.length;
    const timestampColumn = rawHeader.map((h) => String(h).trim()).indexOf(TIMESTAMP_TITLE);
    const from = tailFrom.get(kind)!;
    const tail = read[8 + 2 * f]!.map((r) => withTimestamp(pad(r, width), timestampColumn));
    const sheet: SheetTail = {
      definition,
      sheetId: id(responsesTabKey(kind))!,
      header,
      width,
      timestampColumn,
      from,
      tail,
    };
    sheets.push(sheet);
    const length = from - 1 + tail.length;
    const before = index.meta.placed[kind];
    if (!before || before.rows < from || length < before.rows) return null;
    const time = (sheetRow: number): number => {
      const cell = sheetRow >= from ? tail[sheetRow - from]?.[timestampColumn] : undefined;
      return cell instanceof Date ? cell.getTime() : 0;
    };
    if ((before.rows > 1 ? time(before.rows) : 0) !== before.last) return null;
    if (kind === form.kind && (row <= before.rows || row !== length)) return null;
    let max = before.max;
    const label = schoolAnswerReader(header);
    const added: { row: number; label: string; values: Row }[] = [];
    for (let r = before.rows + 1; r <= length; r++) {
      max = Math.max(max, time(r));
      const values = tail[r - from]!;
      if (isBlankRow(values)) continue;
      const answer = label(values);
      added.push({ row: r, label: answer, values });
      scope.add(partitionOf(answer));
    }
    fresh.set(kind, added);
    after[kind] = { rows: length, last: length > 1 ? time(length) : 0, max } as PlacedState;
  }

  // The scope's answers already placed, by the index; its blocks, by the index's counts.
  const wanted = new Map<FormKind, number[]>(family.forms.map((k) => [k, []]));
  for (const [answer, rows] of index.answers) {
    if (!scope.has(partitionOf(answer))) continue;
    for (const kind of family.forms) {
      const list = rows[kind];
      if (list === null) return null; // too many rows to list: read them all, the full way
      if (list) wanted.get(kind)!.push(...list);
    }
  }
  const second: GridRead[] = [];
  const answerReads: { kind: FormKind; from: number; count: number }[] = [];
  sheets.forEach((sheet) => {
    const kind = sheet.definition.kind;
    for (const [from, to] of runs(wanted.get(kind)!)) {
      answerReads.push({ kind, from, count: to - from + 1 });
      second.push({
        sheetId: sheet.sheetId,
        startRow: from - 1,
        endRow: to,
        endColumn: sheet.width,
        dateColumns: sheet.timestampColumn >= 0 ? [sheet.timestampColumn] : [],
      });
    }
  });
  const windows: BlockWindow[] = [];
  for (const tab of family.tabs) {
    const schema = SCHEMA_OF.get(tab)!;
    const column = BLOCK_TABS.indexOf(tab);
    const total = index.meta.tabs[tab];
    let sum = 0;
    for (const counts of index.blocks.values()) sum += counts[column] ?? 0;
    if (total !== sum) return null;
    for (const partition of scope) {
      if (partition === '') continue; // answers of no ОУ have no block
      const count = index.blocks.get(partition)?.[column] ?? 0;
      const start = blockStart(index.blocks, partition, column);
      // From the row before the block (the header's row for the first) to the row after it; the
      // last block reads to the end, so rows typed below it show.
      const startRow = start > 0 ? start : 1;
      const last = start + count >= total;
      windows.push({
        schema,
        sheetId: id(tab)!,
        partition,
        start,
        count,
        last,
        read: second.length,
        rows: [],
      });
      second.push({
        sheetId: id(tab)!,
        startRow,
        ...(last ? {} : { endRow: start + count + 2 }),
        endColumn: schema.columns.length,
        dateColumns: dateColumnsOf(schema),
      });
    }
  }
  let secondRead: Row[][];
  try {
    secondRead = readRanges(spreadsheetId, second);
  } catch {
    return null;
  }
  for (const window of windows) {
    const rows = secondRead[window.read]!;
    const blockRows = checkedBlock(window, rows);
    if (!blockRows) return null;
    window.rows = blockRows;
  }

  // The scope's responses, at their sheet rows (rows not read are holes).
  const values = new Map<FormKind, unknown[][]>();
  for (const sheet of sheets) {
    const v: unknown[][] = [sheet.header];
    values.set(sheet.definition.kind, v);
    for (const added of fresh.get(sheet.definition.kind)!) v[added.row - 1] = added.values;
  }
  answerReads.forEach((a, i) => {
    const rows = secondRead[i]!;
    const sheet = sheets.find((s) => s.definition.kind === a.kind)!;
    const v = values.get(a.kind)!;
    for (let k = 0; k < a.count; k++) v[a.from - 1 + k] = pad(rows[k] ?? [], sheet.width);
  });
  const raw = rawForms(values, (answer) => scope.has(partitionOf(answer)));
  const results = windows.filter((w) => w.schema.name === GROUPED_SCHEMAS[3]!.name);
  const options: IntakeOptions = {
    reportDeadlineDay: settings.reportDeadlineDay,
    salt: participantSalt(),
    checkSender: settings.checkSender,
  };
  const staff = {
    resultConfirmed: resultConfirmations(results.flatMap((w) => w.rows)),
    qualityStatus: qualityStatuses(quality),
  };
  const projection = projectIntake(raw, reference, options, staff, scope, schoolIndex);

  // What to write: the blocks, «Требует проверки», the index lines.
  const changes: RowChange[] = [];
  const writes: GridWrite[] = [];
  const written: Record<string, number> = {};
  const newCounts = new Map<string, number[]>();
  const tabs = { ...index.meta.tabs };
  for (const tab of family.tabs) {
    const column = BLOCK_TABS.indexOf(tab);
    const tabWindows = windows.filter((w) => w.schema.name === tab);
    const rowsOf = new Map<string, Row[]>();
    for (const record of PROJECTED[tab]!(projection)) {
      const list = rowsOf.get(record.schoolKey) ?? [];
      list.push(toRow(SCHEMA_OF.get(tab)!, record) as Row);
      rowsOf.set(record.schoolKey, list);
    }
    const plan = planBlocks(
      id(tab)!,
      SCHEMA_OF.get(tab)!.columns.length,
      tabWindows.map((w) => ({
        partition: w.partition,
        start: w.start,
        before: w.rows,
        after: rowsOf.get(w.partition) ?? [],
      })),
    );
    changes.push(...plan.changes);
    writes.push(...plan.writes);
    written[tab] = plan.written;
    tabs[tab] = (tabs[tab] ?? 0) + plan.delta;
    for (const w of tabWindows) {
      const counts = (newCounts.get(w.partition) ??
        index.blocks.get(w.partition)?.slice() ??
        BLOCK_TABS.map(() => 0)) as number[];
      counts[column] = (rowsOf.get(w.partition) ?? []).length;
      newCounts.set(w.partition, counts);
    }
  }
  const responseIds = new Set([...projection.responseIds, `${form.idPrefix}-${row}`]);
  const merged = mergeQualityScope(quality, projection.quality, responseIds);
  const qualityPlan = planTable(
    id(QUALITY_SCHEMA.name)!,
    QUALITY_SCHEMA.columns.length,
    quality,
    merged,
  );
  changes.push(...qualityPlan.changes);
  writes.push(...qualityPlan.writes);
  written[QUALITY_SCHEMA.name] = qualityPlan.written;
  tabs[QUALITY_SCHEMA.name] = merged.length;

  // The index: the lines of the answers that came and of the scope's blocks, and the `#` line.
  const width = INDEX_HEADER.length;
  const changed = new Map<string, Row | null>();
  const answers = new Map<string, AnswerRows>();
  for (const [kind, added] of fresh) {
    for (const a of added) {
      let rows = answers.get(a.label);
      if (!rows) answers.set(a.label, (rows = { ...(index.answers.get(a.label) ?? {}) }));
      rows[kind] = [...(rows[kind] ?? []), a.row];
    }
  }
  for (const [answer, rows] of answers) {
    changed.set(answerKey(answer), answerLine(answer, rows, width) as Row);
  }
  for (const [partition, counts] of newCounts) {
    const key = blockKey(partition);
    changed.set(
      key,
      counts.some((n) => n > 0) ? (blockLine(partition, counts, width) as Row) : null,
    );
  }
  let checksum = index.checksum;
  const oldLine = new Map<string, { line: Row; at: number }>();
  lines.forEach((line, at) => oldLine.set(String(line[0] ?? ''), { line, at }));
  for (const [key, line] of changed) {
    const old = oldLine.get(key);
    if (old) checksum = (checksum - lineChecksum(old.line) + 0x100000000) >>> 0;
    if (line) checksum = (checksum + lineChecksum(line)) >>> 0;
  }
  const meta = metaLine(
    { placed: { ...index.meta.placed, ...after }, tabs, complete: true },
    checksum,
    width,
  ) as Row;
  changed.set(META_KEY, meta);
  const indexPlan = planLines(id(INDEX_TAB)!, width, lines, changed);
  changes.push(...indexPlan.changes);
  writes.push(...indexPlan.writes);

  changeRows(spreadsheetId, changes);
  writeRanges(spreadsheetId, writes);

  const placedOrders = new Map(projection.orders.map((o) => [o.sourceResponseId, o.schoolKey]));
  const uploads = raw.order
    .filter((r) => placedOrders.has(r.id) && (r.answers[ORDER_FILE_QUESTION] ?? '') !== '')
    .map((r) => ({
      responseId: r.id,
      row: r.row,
      submittedAt: r.timestamp,
      schoolKey: placedOrders.get(r.id) ?? '',
      uploadAnswer: r.answers[ORDER_FILE_QUESTION] ?? '',
    }));
  return { projection, written, settings, reference, uploads, stopped: [] };
}

/** A row padded with blanks to `width`. */
function pad(row: readonly unknown[], width: number): Row {
  const out = row.slice(0, Math.max(width, row.length)) as Row;
  for (let c = out.length; c < width; c++) out.push('');
  return out;
}

/** The row with its timestamp cell (a serial number from the API) as a Date. */
function withTimestamp(row: Row, column: number): Row {
  const cell = row[column];
  if (typeof cell === 'number') row[column] = fromSerial(cell);
  return row;
}

/** Sorted rows as runs of consecutive rows: [from, to] inclusive. */
function runs(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * The block's rows if the tab around it is as the index says: the row before belongs to an ОУ
 * before it, every row of the block to it, the row after to an ОУ after it (and nothing is below
 * the last block). Null otherwise. `rows` are those read from the row before the block (from the
 * first body row for the first block) to the row after it (to the end for the last). Exported for
 * the tests.
 */
export function checkedBlock(
  window: Pick<BlockWindow, 'schema' | 'partition' | 'start' | 'count' | 'last'>,
  rows: Row[],
): Row[] | null {
  const key = columnIndex(window.schema, 'schoolKey');
  const width = window.schema.columns.length;
  const keyOf = (row: Row | undefined): string => String(row?.[key] ?? '');
  let i = 0;
  if (window.start > 0) {
    const before = keyOf(rows[0]);
    if (before === '' || comparePartitions(before, window.partition) >= 0) return null;
    i = 1;
  }
  const block: Row[] = [];
  for (let k = 0; k < window.count; k++, i++) {
    const row = pad(rows[i] ?? [], width);
    if (keyOf(row) !== window.partition) return null;
    block.push(row);
  }
  const rest = rows.slice(i);
  if (window.last) {
    if (rest.some((r) => !isBlankRow(r))) return null;
  } else {
    const next = keyOf(rest[0]);
    if (next === '' || comparePartitions(next, window.partition) <= 0) return null;
  }
  return block;
}

/** Row changes and value writes of a plan, and how many rows it writes. */
interface Plan {
  changes: RowChange[];
  writes: GridWrite[];
  written: number;
}

/** The span of rows that differ between `before` and `after` (over the longer), or null. */
function differing(
  before: readonly Row[],
  after: readonly Row[],
  width: number,
): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let r = 0; r < Math.max(before.length, after.length); r++) {
    const a = before[r];
    const b = after[r];
    let differs = !a || !b;
    for (let c = 0; !differs && c < width; c++) differs = !sameCell(a![c], b![c]);
    if (differs) {
      if (first < 0) first = r;
      last = r;
    }
  }
  return first < 0 ? null : [first, last];
}

/**
 * Blocks of one grouped tab replaced (exported for the tests): rows inserted at a block's end when
 * it grows, deleted from its end when it shrinks, bottom block first so that the row numbers of
 * the blocks above stay valid; then the rows that differ written where the blocks now are.
 */
export function planBlocks(
  sheetId: number,
  width: number,
  blocks: { partition: string; start: number; before: Row[]; after: Row[] }[],
): Plan & { delta: number } {
  const order = [...blocks].sort(
    (a, b) => a.start - b.start || comparePartitions(a.partition, b.partition),
  );
  const changes: RowChange[] = [];
  for (const b of [...order].reverse()) {
    const [c0, n] = [b.before.length, b.after.length];
    const end = 1 + b.start + c0; // grid row index after the block
    if (n > c0) {
      changes.push({ kind: 'insert', sheetId, at: end, count: n - c0, inheritFromBefore: end > 1 });
    } else if (n < c0) {
      changes.push({ kind: 'delete', sheetId, at: 1 + b.start + n, count: c0 - n });
    }
  }
  const writes: GridWrite[] = [];
  let shift = 0;
  let written = 0;
  for (const b of order) {
    const span = differing(b.before.slice(0, b.after.length), b.after, width);
    if (span) {
      const [first, last] = span;
      writes.push({
        sheetId,
        startRow: 1 + b.start + shift + first,
        rows: b.after.slice(first, last + 1),
        width,
      });
      written += last - first + 1;
    }
    shift += b.after.length - b.before.length;
  }
  return { changes, writes, written, delta: shift };
}

/**
 * A table whose body becomes `after`: rows added at its end when it grows (so the blank rows
 * below stay), the rows that differ written, rows past its new end blanked.
 */
function planTable(
  sheetId: number,
  width: number,
  before: readonly Row[],
  after: readonly Row[],
): Plan {
  const changes: RowChange[] = [];
  if (after.length > before.length) {
    changes.push({
      kind: 'insert',
      sheetId,
      at: 1 + before.length,
      count: after.length - before.length,
      inheritFromBefore: before.length > 0,
    });
  }
  const span = differing(before, after, width);
  if (!span) return { changes, writes: [], written: 0 };
  const [first, last] = span;
  const rows: Row[] = [];
  for (let r = first; r <= last; r++) rows.push(after[r] ?? new Array<string>(width).fill(''));
  return {
    changes,
    writes: [{ sheetId, startRow: 1 + first, rows, width }],
    written: Math.max(0, Math.min(last, after.length - 1) - first + 1),
  };
}

/**
 * Index lines replaced, added (in key order) or removed (`null`); the `#` line is the first. Lines
 * are inserted or deleted bottom first, then written where they end up.
 */
function planLines(
  sheetId: number,
  width: number,
  lines: readonly Row[],
  changed: Map<string, Row | null>,
): Plan {
  const keys = lines.map((l) => String(l[0] ?? ''));
  const present = new Map(keys.map((k, i) => [k, i]));
  const ops: { at: number; kind: 'insert' | 'delete'; key: string }[] = [];
  for (const [key, line] of changed) {
    const at = present.get(key);
    if (line === null && at !== undefined) ops.push({ at, kind: 'delete', key });
    if (line !== null && at === undefined) {
      // Before the first present line whose key is greater.
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (keys[mid]! < key) low = mid + 1;
        else high = mid;
      }
      ops.push({ at: low, kind: 'insert', key });
    }
  }
  // Bottom first; at one place a deletion before an insertion, insertions in key order reversed.
  ops.sort(
    (a, b) =>
      b.at - a.at || (a.kind === b.kind ? (a.key < b.key ? 1 : -1) : a.kind === 'delete' ? -1 : 1),
  );
  const changes: RowChange[] = ops.map((op) =>
    op.kind === 'insert'
      ? { kind: 'insert', sheetId, at: 1 + op.at, count: 1, inheritFromBefore: 1 + op.at > 1 }
      : { kind: 'delete', sheetId, at: 1 + op.at, count: 1 },
  );
  const final = keys.filter((k) => changed.get(k) !== null);
  for (const [key, line] of changed) if (line !== null && !present.has(key)) final.push(key);
  final.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const writes: GridWrite[] = [];
  final.forEach((key, i) => {
    const line = changed.get(key);
    if (!line) return;
    const old = present.has(key) ? lines[present.get(key)!] : undefined;
    if (old && !differing([old], [line], width)) return;
    writes.push({ sheetId, startRow: 1 + i, rows: [line], width });
  });
  return { changes, writes, written: writes.length };
}
