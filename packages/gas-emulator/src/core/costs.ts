/**
 * Modelled Apps Script cost of each service call, in milliseconds (EMULATOR.md table).
 * Community measurements; parameters, not truths. The only place these numbers live.
 */
export interface CallCost {
  base: number;
  perCell?: number;
}

export const COSTS: Record<string, CallCost> = {
  'Range.getValues': { base: 40, perCell: 0.01 },
  'Range.getDisplayValues': { base: 40, perCell: 0.01 },
  'Range.getFormulas': { base: 40, perCell: 0.01 },
  'Range.setValues': { base: 60, perCell: 0.03 },
  'Range.setFormulas': { base: 60, perCell: 0.03 },
  'Range.setNumberFormats': { base: 60, perCell: 0.03 },
  'Range.setBackgrounds': { base: 60, perCell: 0.03 },
  'Range.getValue': { base: 5 },
  'Range.setValue': { base: 5 },
  'Sheet.appendRow': { base: 60 },
  'Sheet.getLastRow': { base: 20 },
  'Sheet.getLastColumn': { base: 20 },
  'Sheet.getDataRange': { base: 20 },
  'SpreadsheetApp.flush': { base: 30 },
  'Spreadsheet.insertSheet': { base: 1000 },
  'FormApp.create': { base: 1000 },
  'DocumentApp.create': { base: 1000 },
  'File.makeCopy': { base: 1000 },
  'Body.appendParagraph': { base: 15 },
  'Body.appendListItem': { base: 15 },
  'Body.appendTable': { base: 50, perCell: 0.2 },
  'Sheet.insertChart': { base: 1500 },
  'EmbeddedChart.getAs': { base: 1500 },
  'EmbeddedChart.getBlob': { base: 1500 },
  'Chart.getAs': { base: 1500 },
  'Chart.getBlob': { base: 1500 },
  'File.getAs': { base: 1500 },
  'Document.getAs': { base: 1500 },
  'Blob.getAs': { base: 1500 },
  'Spreadsheet.getAs': { base: 1500 },
  'Spreadsheet.getBlob': { base: 1500 },
  'MailApp.sendEmail': { base: 1200 },
  'GmailApp.sendEmail': { base: 1200 },
  'Properties.getProperty': { base: 30 },
  'Properties.getProperties': { base: 30 },
  'Properties.setProperty': { base: 60 },
  'Properties.setProperties': { base: 60 },
  'Properties.deleteProperty': { base: 60 },
  'Cache.get': { base: 3 },
  'Cache.put': { base: 90 },
  // Advanced services are REST round trips: unmeasured estimates, like DocumentApp's.
  'Docs.Documents.get': { base: 400 },
  'Docs.Documents.batchUpdate': { base: 600 },
  // The Sheets API (v4) reads and writes many ranges in one round trip. Assumed: a little more than
  // one getValues / setValues for the trip, the same per cell, whatever the number of ranges —
  // tanaikech.github.io 2023-05-01 («Best Practices for Discontinuous Cells») finds one Sheets API
  // call over scattered ranges costs about one call, not one per range. Structural changes and the
  // spreadsheet's metadata: one trip each. Unmeasured estimates.
  'Sheets.Spreadsheets.Values.batchGet': { base: 60, perCell: 0.01 },
  'Sheets.Spreadsheets.Values.batchGetByDataFilter': { base: 60, perCell: 0.01 },
  'Sheets.Spreadsheets.Values.batchUpdate': { base: 80, perCell: 0.03 },
  'Sheets.Spreadsheets.Values.batchUpdateByDataFilter': { base: 80, perCell: 0.03 },
  'Sheets.Spreadsheets.batchUpdate': { base: 100 },
  'Sheets.Spreadsheets.get': { base: 60 },
  'Lock.waitLock': { base: 20 },
  'Lock.tryLock': { base: 20 },
};

/** Cost of a call not in the table. */
export const DEFAULT_COST: CallCost = { base: 10 };

/** Calls that cost nothing: pure value objects and builders evaluated client-side. */
export const FREE_CALLS = new Set<string>([
  'Logger.log',
  'console.log',
  'console.info',
  'console.warn',
  'console.error',
  'Utilities.formatDate',
  'Utilities.newBlob',
  'Utilities.getUuid',
  // Modelled through ExecutionTracker.addTime instead.
  'Utilities.sleep',
]);

/**
 * Modelled Apps Script milliseconds per millisecond of the script's own CPU time in Node
 * (measured between service calls). A stated assumption, not a measurement: Apps Script runs the
 * same V8 on shared servers, cold for every execution (no JIT warm-up across runs), and its
 * timings "are not stable" (tanaikech.github.io benchmarks, 2020-03-22); we take twice a desktop
 * Node. A workspace may set its own (`scriptTimeFactor`; 0 turns the measurement off).
 */
export const SCRIPT_TIME_FACTOR = 2;

/** The platform's limit for one execution (consumer and Workspace accounts alike). */
export const MAX_EXECUTION_MS = 360_000;

/** Modelled milliseconds of one call touching `cells` cells. */
export function costOf(call: string, cells = 0): number {
  if (FREE_CALLS.has(call)) return 0;
  const cost = COSTS[call] ?? DEFAULT_COST;
  return cost.base + (cost.perCell ?? 0) * cells;
}
