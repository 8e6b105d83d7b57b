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
import { intakeOptions, placedUploads } from './intakeOptions';
import {
  canonicalPosition,
  comparePartitions,
  partitionResolver,
  projectIntake,
} from '../domain/intake';
import { buildSchoolIndex } from '../domain/matching';
import { FORMS, type FormDefinition, type FormKind } from '../domain/forms';
import {
  AGE_CATEGORIES_SCHEMA,
  COMPETENCIES_SCHEMA,
  EVENTS_SCHEMA,
  INDEX_TAB,
  QUALITY_SCHEMA,
  RESULTS_SCHEMA,
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
  answerRows,
  BLOCK_TABS,
  INDEX_WIDTH,
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
  qualityStatuses,
  rawForms,
  referenceFromValues,
  resultConfirmations,
  settingsFromRows,
} from '../workspace/master';
import { GROUPED_SCHEMAS, GROUPED_TABS, type Family, type Grouped } from '../domain/formRegistry';
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
import { PROPERTY_KEYS, readJsonProperty, readProperty } from '../workspace/properties';
import { recordedTabId, responsesTabKey } from '../workspace/sources';
import { sameCell, type Row } from '../workspace/table';
import type { IntakeRun } from './intake';

/** The forms of a submit's family and the grouped tabs they fill (domain/formRegistry.ts). */
export type { Family } from '../domain/formRegistry';

/** Which projection list fills which grouped tab. */
const PROJECTED = new Map(GROUPED_TABS.map((t) => [t.schema.name, t.records]));

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
  const qualityId = id(QUALITY_SCHEMA.name)!;
  const idColumn = columnIndex(QUALITY_SCHEMA, 'responseId');
  const keyColumn = columnIndex(QUALITY_SCHEMA, 'key');

  // First read: everything whose place is known without the index; of «Требует проверки» only
  // the answer each row is about, and its key (every row has one: the column says how long the
  // tab is, where lines raised outside the intake have no answer).
  const first: GridRead[] = [
    { sheetId: id(SETTINGS_TAB)!, startRow: 0 },
    { sheetId: id(SCHOOLS_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(COMPETENCIES_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(EVENTS_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(AGE_CATEGORIES_SCHEMA.name)!, startRow: 0 },
    { sheetId: id(INDEX_TAB)!, startRow: 1, endColumn: INDEX_WIDTH },
    { sheetId: qualityId, startRow: 1, startColumn: idColumn, endColumn: idColumn + 1 },
    { sheetId: qualityId, startRow: 1, startColumn: keyColumn, endColumn: keyColumn + 1 },
  ];
  const FIRST_SHEET = first.length;
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
  const [settingsValues, schools, competencies, events, ages, lines, qualityIds, qualityKeys] =
    read as [Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[]];
  // The index as it was written: as many lines as the `#` line says, adding up to its checksum.
  const index = parseIndex(lines);
  if (!index || !index.meta.complete || linesChecksum(lines) !== index.checksum) return null;
  const ids = Array.from({ length: Math.max(qualityIds.length, qualityKeys.length) }, (_, i) =>
    String(qualityIds[i]?.[0] ?? ''),
  );
  for (let i = 1; i < ids.length; i++) {
    if (canonicalPosition(ids[i - 1]!) > canonicalPosition(ids[i]!)) return null; // sorted by hand
  }

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
    const rawHeader = read[FIRST_SHEET + 2 * f]![0] ?? [];
    const header = canonicalHeader(definition, rawHeader);
    if (!header) return null;
    const width = header.length;
    const timestampColumn = rawHeader.map((h) => String(h).trim()).indexOf(TIMESTAMP_TITLE);
    const from = tailFrom.get(kind)!;
    const tail = read[FIRST_SHEET + 2 * f + 1]!.map((r) =>
      withTimestamp(pad(r, width), timestampColumn),
    );
    sheets.push({
      definition,
      sheetId: id(responsesTabKey(kind))!,
      header,
      width,
      timestampColumn,
      from,
      tail,
    });
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

  // The scope's answers already placed, by the index (only their lines are decoded).
  const placedRows = new Map<string, AnswerRows>();
  const wanted = new Map<FormKind, number[]>(family.forms.map((k) => [k, []]));
  for (const [answer, at] of index.answers) {
    if (!scope.has(partitionOf(answer))) continue;
    const rows = answerRows(lines[at]!);
    if (!rows) return null;
    placedRows.set(answer, rows);
    for (const kind of family.forms) {
      const list = rows[kind];
      if (list === null) return null; // too many rows to list: read them all, the full way
      if (list) wanted.get(kind)!.push(...list);
    }
  }
  // Second read: those answers, the scope's rows of «Требует проверки», and its blocks (with the
  // row on each side) by the index's counts.
  const second: GridRead[] = [];
  const answerReads: { kind: FormKind; from: number; count: number; read: number }[] = [];
  const scopeIds = new Set<string>();
  for (const sheet of sheets) {
    const kind = sheet.definition.kind;
    for (const r of wanted.get(kind)!) scopeIds.add(`${sheet.definition.idPrefix}-${r}`);
    for (const a of fresh.get(kind)!) scopeIds.add(`${sheet.definition.idPrefix}-${a.row}`);
    for (const [from, to] of runs(wanted.get(kind)!)) {
      answerReads.push({ kind, from, count: to - from + 1, read: second.length });
      second.push({
        sheetId: sheet.sheetId,
        startRow: from - 1,
        endRow: to,
        endColumn: sheet.width,
        dateColumns: sheet.timestampColumn >= 0 ? [sheet.timestampColumn] : [],
      });
    }
  }
  scopeIds.add(`${form.idPrefix}-${row}`);
  const qualityReads: { from: number; count: number; read: number }[] = [];
  const inScope = ids.flatMap((responseId, i) => (scopeIds.has(responseId) ? [i] : []));
  for (const [from, to] of runs(inScope)) {
    qualityReads.push({ from, count: to - from + 1, read: second.length });
    second.push({
      sheetId: qualityId,
      startRow: 1 + from,
      endRow: 1 + to + 1,
      endColumn: QUALITY_SCHEMA.columns.length,
      dateColumns: dateColumnsOf(QUALITY_SCHEMA),
    });
  }
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
      // From the row before the block (the first body row for the first block) to the row after
      // it; the last block reads to the end, so rows typed below it show.
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
        startRow: start > 0 ? start : 1,
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
    const blockRows = checkedBlock(window, secondRead[window.read]!);
    if (!blockRows) return null;
    window.rows = blockRows;
  }
  const scopeQuality = new Map<number, Row>();
  for (const q of qualityReads) {
    const rows = secondRead[q.read]!;
    for (let k = 0; k < q.count; k++) {
      scopeQuality.set(q.from + k, pad(rows[k] ?? [], QUALITY_SCHEMA.columns.length));
    }
  }

  // The scope's responses, at their sheet rows (rows not read are holes).
  const values = new Map<FormKind, unknown[][]>();
  for (const sheet of sheets) {
    const v: unknown[][] = [sheet.header];
    values.set(sheet.definition.kind, v);
    for (const added of fresh.get(sheet.definition.kind)!) v[added.row - 1] = added.values;
  }
  for (const a of answerReads) {
    const rows = secondRead[a.read]!;
    const sheet = sheets.find((s) => s.definition.kind === a.kind)!;
    const v = values.get(a.kind)!;
    for (let k = 0; k < a.count; k++) v[a.from - 1 + k] = pad(rows[k] ?? [], sheet.width);
  }
  const raw = rawForms(values, (answer) => scope.has(partitionOf(answer)));
  const results = windows.filter((w) => w.schema.name === RESULTS_SCHEMA.name);
  const options = intakeOptions(settings);
  const staff = {
    resultConfirmed: resultConfirmations(results.flatMap((w) => w.rows)),
    qualityStatus: qualityStatuses([...scopeQuality.values()]),
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
    for (const record of PROJECTED.get(tab)!(projection)) {
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
      const counts =
        newCounts.get(w.partition) ??
        index.blocks.get(w.partition)?.slice() ??
        BLOCK_TABS.map(() => 0);
      counts[column] = (rowsOf.get(w.partition) ?? []).length;
      newCounts.set(w.partition, counts);
    }
  }
  const responseIds = new Set([...projection.responseIds, `${form.idPrefix}-${row}`]);
  const quality = planQuality(
    qualityId,
    ids,
    scopeQuality,
    responseIds,
    projection.quality.map((issue) => toRow(QUALITY_SCHEMA, issue) as Row),
  );
  if (!quality) return null;
  changes.push(...quality.changes);
  writes.push(...quality.writes);
  written[QUALITY_SCHEMA.name] = quality.written;
  tabs[QUALITY_SCHEMA.name] = quality.length;

  // The index: the lines of the answers that came and of the scope's blocks, and the `#` line.
  const width = INDEX_WIDTH;
  const changed = new Map<string, Row | null>();
  const answers = new Map<string, AnswerRows>();
  for (const [kind, added] of fresh) {
    for (const a of added) {
      let rows = answers.get(a.label);
      if (!rows) {
        const at = index.answers.get(a.label);
        const known = placedRows.get(a.label) ?? (at === undefined ? {} : answerRows(lines[at]!));
        if (!known) return null;
        answers.set(a.label, (rows = { ...known }));
      }
      rows[kind] = [...(rows[kind] ?? []), a.row];
    }
  }
  for (const [answer, rows] of answers) {
    changed.set(answerKey(answer), answerLine(answer, rows) as Row);
  }
  for (const [partition, counts] of newCounts) {
    const key = blockKey(partition);
    changed.set(key, counts.some((n) => n > 0) ? (blockLine(partition, counts) as Row) : null);
  }
  // The checksum less the old lines plus the new ones; the count of lines likewise.
  let checksum = index.checksum;
  let count = index.lines;
  const oldLine = new Map<string, Row>();
  for (const line of lines) oldLine.set(String(line[0] ?? ''), line);
  for (const [key, line] of changed) {
    const old = oldLine.get(key);
    if (old) checksum = (checksum - lineChecksum(old) + 0x100000000) >>> 0;
    if (line) checksum = (checksum + lineChecksum(line)) >>> 0;
    count += (line ? 1 : 0) - (old ? 1 : 0);
  }
  const meta = metaLine(
    { placed: { ...index.meta.placed, ...after }, tabs, complete: true },
    count,
    checksum,
  ) as Row;
  changed.set(META_KEY, meta);
  const indexPlan = planLines(id(INDEX_TAB)!, width, lines, changed);
  changes.push(...indexPlan.changes);
  writes.push(...indexPlan.writes);

  changeRows(spreadsheetId, changes);
  writeRanges(spreadsheetId, writes);

  const uploads = placedUploads(raw.order, projection);
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
 * «Требует проверки» with the scope's issues replaced — the rows `mergeQualityScope` gives — from
 * the answer of every row and the scope's rows in full: the other rows stay where they are,
 * never rewritten; between two of them the scope's old rows are overwritten by its new ones, the
 * surplus inserted or deleted there. Null when the old rows of the scope were not all read.
 */
function planQuality(
  sheetId: number,
  ids: readonly string[],
  scopeRows: ReadonlyMap<number, Row>,
  responseIds: ReadonlySet<string>,
  fresh: readonly Row[],
): (Plan & { length: number }) | null {
  const width = QUALITY_SCHEMA.columns.length;
  const idColumn = columnIndex(QUALITY_SCHEMA, 'responseId');
  // The rows that stay, and between them (gaps 0…n) the scope's old rows and its new ones.
  const kept: number[] = [];
  const oldGaps: number[][] = [[]];
  for (let i = 0; i < ids.length; i++) {
    if (responseIds.has(ids[i]!)) {
      if (!scopeRows.has(i)) return null;
      oldGaps[kept.length]!.push(i);
    } else {
      kept.push(i);
      oldGaps.push([]);
    }
  }
  const newGaps: Row[][] = kept.map(() => []);
  newGaps.push([]);
  // Each new row goes after the kept rows at or before its answer's place (binary search).
  for (const row of fresh) {
    const position = canonicalPosition(String(row[idColumn] ?? ''));
    let [low, high] = [0, kept.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (canonicalPosition(ids[kept[middle]!]!) <= position) low = middle + 1;
      else high = middle;
    }
    newGaps[low]!.push(row);
  }
  const changes: RowChange[] = [];
  const writes: GridWrite[] = [];
  let written = 0;
  let shift = 0; // new index − old index so far
  for (let g = 0; g < oldGaps.length; g++) {
    const before = oldGaps[g]!;
    const after = newGaps[g]!;
    // Where the gap starts in the old tab: after the kept row before it.
    const start = g === 0 ? 0 : kept[g - 1]! + 1;
    const common = Math.min(before.length, after.length);
    for (let t = 0; t < common; t++) {
      if (differing([scopeRows.get(before[t]!)!], [after[t]!], width)) {
        writes.push({ sheetId, startRow: 1 + start + shift + t, rows: [after[t]!], width });
        written++;
      }
    }
    if (after.length > before.length) {
      const at = 1 + start + common;
      changes.push({
        kind: 'insert',
        sheetId,
        at,
        count: after.length - before.length,
        inheritFromBefore: at > 1,
      });
      writes.push({
        sheetId,
        startRow: 1 + start + shift + common,
        rows: after.slice(common),
        width,
      });
      written += after.length - common;
    } else if (before.length > after.length) {
      changes.push({
        kind: 'delete',
        sheetId,
        at: 1 + start + common,
        count: before.length - common,
      });
    }
    shift += after.length - before.length;
  }
  // Row changes bottom first, so that the places of those above stay as computed.
  changes.sort((a, b) => b.at - a.at);
  return { changes, writes, written, length: ids.length + shift };
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
