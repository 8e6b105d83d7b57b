/**
 * The block writes behind a submit (src/jobs/submit.ts `planBlocks`, `checkedBlock`) on an
 * emulated sheet: blocks inserted at the top, in the middle and at the end, a block that shrinks
 * or empties in the middle — the tab must equal the grouped order a full projection writes; a tab
 * not as the index of answers says is refused, so the caller projects everything.
 */
import { createWorkspace } from '@opc/gas-emulator';
import { checkedBlock, planBlocks } from '../../src/jobs/submit';
import type { GridWrite, RowChange } from '../../src/workspace/sheetsApi';
import { REPORTS_SCHEMA, toRow } from '../../src/domain/schema';
import type { MonthlyReport } from '../../src/domain/model';
import type { Row } from '../../src/workspace/table';

function report(schoolKey: string, source: string): MonthlyReport {
  return {
    schoolKey,
    period: '2021-10',
    sourceResponseId: source,
    contact: `${schoolKey} ${source}`,
  } as MonthlyReport;
}

function setup(initial: MonthlyReport[]) {
  const ws = createWorkspace({ now: '2021-11-01T09:00:00+03:00' });
  const spreadsheet = ws.spreadsheet();
  const sheet = spreadsheet.insertSheet(REPORTS_SCHEMA.name);
  const width = REPORTS_SCHEMA.columns.length;
  const rows = [
    REPORTS_SCHEMA.columns.map((c) => c.header),
    ...initial.map((r) => toRow(REPORTS_SCHEMA, r)),
  ];
  sheet.getRange(1, 1, rows.length, width).setValues(rows as never);
  const tab = () =>
    ws
      .sheetValues(REPORTS_SCHEMA.name)
      .slice(1)
      .map((r) => `${r[0]} ${r[12]}`);
  return { ws, sheet, tab, initial };
}

/** Applies a plan with SpreadsheetApp, as the Sheets API would (0-based grid rows). */
function apply(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  changes: RowChange[],
  writes: GridWrite[],
): void {
  for (const c of changes) {
    if (c.kind === 'delete') sheet.deleteRows(c.at + 1, c.count);
    else if (c.inheritFromBefore) sheet.insertRowsAfter(c.at, c.count);
    else sheet.insertRowsBefore(c.at + 1, c.count);
  }
  for (const w of writes) {
    sheet
      .getRange(w.startRow + 1, (w.startColumn ?? 0) + 1, w.rows.length, w.width)
      .setValues(w.rows);
  }
}

/** Where each ОУ's block starts in `initial` (body index), as the index's counts say. */
function startOf(initial: MonthlyReport[], partition: string): number {
  const keys = initial.map((r) => r.schoolKey);
  const at = keys.indexOf(partition);
  if (at >= 0) return at;
  const order = ['ДОУ-0', 'ДОУ-1', 'ДОУ-2', 'ДОУ-10', 'ДОУ-11'];
  return keys.filter((k) => order.indexOf(k) < order.indexOf(partition)).length;
}

function write(setUp: ReturnType<typeof setup>, scope: string[], reports: MonthlyReport[]) {
  const { sheet, initial } = setUp;
  const plan = planBlocks(
    sheet.getSheetId(),
    REPORTS_SCHEMA.columns.length,
    scope.map((partition) => ({
      partition,
      start: startOf(initial, partition),
      before: initial
        .filter((r) => r.schoolKey === partition)
        .map((r) => toRow(REPORTS_SCHEMA, r) as Row),
      after: reports
        .filter((r) => r.schoolKey === partition)
        .map((r) => toRow(REPORTS_SCHEMA, r) as Row),
    })),
  );
  apply(sheet, plan.changes, plan.writes);
  return plan;
}

const initial = [
  report('ДОУ-1', 'REP-2'),
  report('ДОУ-1', 'REP-5'),
  report('ДОУ-2', 'REP-3'),
  report('ДОУ-2', 'REP-4'),
  report('ДОУ-2', 'REP-9'),
  report('ДОУ-10', 'REP-6'),
];

test('new blocks at the top and the end, and a middle block that shrinks, land in ОУ order', () => {
  const setUp = setup(initial);
  const plan = write(
    setUp,
    ['ДОУ-0', 'ДОУ-2', 'ДОУ-11'],
    [
      report('ДОУ-0', 'REP-7'),
      report('ДОУ-0', 'REP-8'),
      report('ДОУ-2', 'REP-4'),
      report('ДОУ-11', 'REP-10'),
    ],
  );
  expect(setUp.tab()).toEqual([
    'ДОУ-0 REP-7',
    'ДОУ-0 REP-8',
    'ДОУ-1 REP-2',
    'ДОУ-1 REP-5',
    'ДОУ-2 REP-4',
    'ДОУ-10 REP-6',
    'ДОУ-11 REP-10',
  ]);
  expect(plan.delta).toBe(1);
});

test('a block emptied in the middle leaves no gap; the last block grows in place', () => {
  const setUp = setup(initial);
  const plan = write(
    setUp,
    ['ДОУ-2', 'ДОУ-10'],
    [report('ДОУ-10', 'REP-6'), report('ДОУ-10', 'REP-11')],
  );
  expect(setUp.tab()).toEqual(['ДОУ-1 REP-2', 'ДОУ-1 REP-5', 'ДОУ-10 REP-6', 'ДОУ-10 REP-11']);
  expect(plan.written).toBe(1); // only the new row: the rest moved, not rewritten
});

test('a tab not as the index says is refused, so the caller projects everything', () => {
  const window = { schema: REPORTS_SCHEMA as never, partition: 'ДОУ-2', start: 2, count: 3 };
  const rows = (list: MonthlyReport[]) => list.map((r) => toRow(REPORTS_SCHEMA, r) as Row);
  // As written: the row before is ДОУ-1, the block ДОУ-2, the row after ДОУ-10.
  expect(checkedBlock({ ...window, last: false }, rows(initial.slice(1)))).toHaveLength(3);
  // Sorted by hand: ДОУ-2 rows above ДОУ-1.
  const sorted = [initial[2]!, initial[0]!, initial[3]!, initial[1]!, initial[4]!, initial[5]!];
  expect(checkedBlock({ ...window, last: false }, rows(sorted.slice(1)))).toBeNull();
  // A row deleted above: the block starts one row earlier than the index says.
  expect(checkedBlock({ ...window, last: false }, rows(initial.slice(2)))).toBeNull();
  // Something typed below the last block.
  const last = { ...window, partition: 'ДОУ-10', start: 5, count: 1, last: true };
  expect(checkedBlock(last, rows(initial.slice(4)))).toHaveLength(1);
  expect(checkedBlock(last, [...rows(initial.slice(4)), ['x'] as Row])).toBeNull();
});
