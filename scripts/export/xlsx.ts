/** The master spreadsheet as .xlsx: every tab, bold frozen header, dates as dates, widths, dropdowns. */
import ExcelJS from 'exceljs';
import type { SpreadsheetModel } from '@opc/gas-emulator';

/** Google number formats map onto Excel's nearly as-is; date-only cells get a Russian default. */
function excelFormat(format: string | undefined, value: Date): string {
  if (format) return format.replace(/\bhh\b/g, 'hh').replace(/"/g, '');
  const midnight = value.getUTCHours() === 21 && value.getUTCMinutes() === 0; // 00:00 Moscow
  return midnight ? 'dd.mm.yyyy' : 'dd.mm.yyyy hh:mm';
}

/** Writes `ss` to `file`. Returns the tab names written. */
export async function writeXlsx(ss: SpreadsheetModel, file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Мониторинг участия ОУ (эмулятор)';
  for (const sheet of ss.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31).replace(/[:\\/?*[\]]/g, ' '), {
      views: [
        { state: 'frozen', ySplit: Math.max(1, sheet.frozenRows), xSplit: sheet.frozenColumns },
      ],
      state: sheet.hidden ? 'hidden' : 'visible',
    });
    const lastRow = sheet.lastRow();
    const lastColumn = sheet.lastColumn();
    const widths = new Array<number>(lastColumn).fill(8);
    for (let r = 1; r <= lastRow; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= lastColumn; c++) {
        const v = sheet.get(r, c);
        if (v === '' || v === undefined || v === null) continue;
        const cell = row.getCell(c);
        const fmt = sheet.format(r, c);
        // Values only: a school's text is never written as a formula (cell.value is literal here).
        if (v instanceof Date) {
          cell.value = new Date(v.getTime() + 3 * 3600e3); // Excel has no zones: show Moscow time
          cell.numFmt = excelFormat(fmt?.numberFormat, v);
        } else {
          cell.value = v;
          if (typeof v === 'number' && fmt?.numberFormat) cell.numFmt = fmt.numberFormat;
        }
        if (fmt?.fontWeight === 'bold') cell.font = { bold: true };
        if (fmt?.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
        if (fmt?.background && /^#[0-9a-f]{6}$/i.test(fmt.background))
          cell.fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: `FF${fmt.background.slice(1).toUpperCase()}` },
          };
        const len = v instanceof Date ? 16 : String(v).split('\n')[0]!.length;
        widths[c - 1] = Math.max(widths[c - 1]!, Math.min(60, len + 2));
      }
    }
    ws.getRow(1).font = { bold: true };
    for (let c = 1; c <= lastColumn; c++) {
      const pixels = sheet.columnWidths.get(c);
      ws.getColumn(c).width = pixels ? Math.max(6, Math.round(pixels / 7)) : widths[c - 1]!;
    }
    // Dropdowns: a list rule on row 2 of a column stands for the whole column.
    for (let c = 1; c <= lastColumn; c++) {
      const rule = sheet.format(2, c)?.validation as
        { criteria?: string; values?: unknown[] } | undefined;
      if (rule?.criteria !== 'VALUE_IN_LIST') continue;
      const list = ((rule.values?.[0] as unknown[]) ?? []).map(String);
      const joined = list.map((x) => x.replace(/"/g, '""')).join(',');
      if (list.length === 0 || joined.length > 250) continue; // Excel's inline list limit
      const letter = ws.getColumn(c).letter;
      const to = Math.max(lastRow, 2);
      for (let r = 2; r <= to; r++)
        ws.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${joined}"`],
        };
    }
  }
  await wb.xlsx.writeFile(file);
  return ss.sheets.map((s) => s.name);
}
