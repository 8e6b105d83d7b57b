/**
 * «Грамоты»: the register of documents generateCertificates made — read once per run, one row
 * written as each ОУ's document is finished, so a run cut short by time or quota leaves a true
 * record of what exists and the next run makes only the rest.
 */
import { CERTIFICATES_SCHEMA, fromRow, rowKey, toRow } from '../domain/schema';
import type { IssuedDocument } from '../domain/model';
import { ensureRows, ensureSheet, readTable, safeRows, type Row } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The register as read at the start of a run, kept current as rows are written. */
export interface CertificateRegister {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Row number (1-based, header is row 1) of each record by its key. */
  rowOf: Map<string, number>;
  records: Map<string, IssuedDocument>;
  lastRow: number;
}

/** The key of a register row: event edition, ОУ and kind. */
export function issuedKey(document: IssuedDocument): string {
  return rowKey(CERTIFICATES_SCHEMA, document);
}

/** Reads «Грамоты» in one call. */
export function readRegister(spreadsheet: Spreadsheet): CertificateRegister {
  const sheet = ensureSheet(spreadsheet, CERTIFICATES_SCHEMA.name);
  const { rows } = readTable(sheet);
  const rowOf = new Map<string, number>();
  const records = new Map<string, IssuedDocument>();
  rows.forEach((row: Row, i) => {
    if (!row.some((c) => c !== '')) return;
    const record = fromRow(CERTIFICATES_SCHEMA, row);
    const key = issuedKey(record);
    rowOf.set(key, i + 2);
    records.set(key, record);
  });
  return { sheet, rowOf, records, lastRow: rows.length + 1 };
}

/** Writes one record: over its row if the document was made before, else below the last row. */
export function putIssued(register: CertificateRegister, document: IssuedDocument): void {
  const key = issuedKey(document);
  let row = register.rowOf.get(key);
  if (row === undefined) {
    row = register.lastRow + 1;
    register.lastRow = row;
    register.rowOf.set(key, row);
  }
  const width = CERTIFICATES_SCHEMA.columns.length;
  ensureRows(register.sheet, row);
  register.sheet
    .getRange(row, 1, 1, width)
    .setValues(safeRows([toRow(CERTIFICATES_SCHEMA, document) as Row], width));
  register.records.set(key, document);
}
