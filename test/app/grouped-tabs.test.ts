/**
 * The block writes behind a submit (src/workspace/groupedTabs.ts) on an emulated sheet: blocks
 * inserted at the top, in the middle and at the end, a block that shrinks or empties in the
 * middle — the tab must equal the grouped order a full projection writes.
 */
import { createWorkspace } from '@opc/gas-emulator';
import { readBlocks, readGroupedIndex, writeBlocks } from '../../src/workspace/groupedTabs';
import { REPORTS_SCHEMA, toRow } from '../../src/domain/schema';
import type { Projection } from '../../src/domain/intake';
import type { MonthlyReport } from '../../src/domain/model';

/** Outside the bundle there are no document properties: tabs by name. */
const byName = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) =>
  ss.getSheetByName(name);

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
  return { ws, spreadsheet, tab };
}

function write(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  scope: string[],
  reports: MonthlyReport[],
) {
  const tabs = readGroupedIndex(spreadsheet, [REPORTS_SCHEMA.name], byName)!;
  expect(tabs).not.toBeNull();
  readBlocks(tabs, new Set(scope));
  const projection = {
    participants: [],
    orders: [],
    results: [],
    quality: [],
    reports,
    responseIds: new Set(),
  };
  return writeBlocks(tabs, projection as unknown as Projection, new Set(scope));
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
  const { spreadsheet, tab } = setup(initial);
  write(
    spreadsheet,
    ['ДОУ-0', 'ДОУ-2', 'ДОУ-11'],
    [
      report('ДОУ-0', 'REP-7'),
      report('ДОУ-0', 'REP-8'),
      report('ДОУ-2', 'REP-4'),
      report('ДОУ-11', 'REP-10'),
    ],
  );
  expect(tab()).toEqual([
    'ДОУ-0 REP-7',
    'ДОУ-0 REP-8',
    'ДОУ-1 REP-2',
    'ДОУ-1 REP-5',
    'ДОУ-2 REP-4',
    'ДОУ-10 REP-6',
    'ДОУ-11 REP-10',
  ]);
});

test('a block emptied in the middle leaves no gap; the last block grows in place', () => {
  const { spreadsheet, tab } = setup(initial);
  const written = write(
    spreadsheet,
    ['ДОУ-2', 'ДОУ-10'],
    [report('ДОУ-10', 'REP-6'), report('ДОУ-10', 'REP-11')],
  );
  expect(tab()).toEqual(['ДОУ-1 REP-2', 'ДОУ-1 REP-5', 'ДОУ-10 REP-6', 'ДОУ-10 REP-11']);
  expect(written[REPORTS_SCHEMA.name]).toBe(1); // only the new row: the rest moved, not rewritten
});

test('a tab not grouped by ОУ is refused, so the caller projects everything', () => {
  const { spreadsheet } = setup([initial[2]!, initial[0]!, initial[3]!]);
  expect(readGroupedIndex(spreadsheet, [REPORTS_SCHEMA.name], byName)).toBeNull();
});
