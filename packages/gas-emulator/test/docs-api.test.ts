/**
 * The Docs advanced service — developers.google.com/docs/api/reference/rest/v1/documents
 * (documents.get, the Document resource: StructuralElement, Paragraph, Table, TableRow,
 * TableCell), developers.google.com/docs/api/concepts/structure#indexes (start and end indexes in
 * UTF-16 code units, the body after its section break) and
 * developers.google.com/docs/api/reference/rest/v1/documents/request (UpdateParagraphStyleRequest,
 * PinTableHeaderRowsRequest, UpdateTableRowStyleRequest; «If any request is not valid, then the
 * entire request will fail and nothing will be applied»), over the model DocumentApp edits.
 */
import { createWorkspace } from '../src';
import { newBlob } from '../src/services/blob';
import { createDocumentApp } from '../src/services/documents';
import { createDocsService } from '../src/services/documents/docs-api';
import { makeWs } from './fixtures/state';

/* eslint-disable @typescript-eslint/no-explicit-any -- the REST resource is plain JSON read field by field */
type Json = Record<string, any>;
/** Structural elements, read by position. */
type Content = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

interface Docs {
  Documents: {
    get(id: string, optional?: object): Json;
    batchUpdate(resource: object, id: string): Json;
  };
}

/** A 3×2 PNG: only the header matters for the size. */
const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3,
  0, 0, 0, 2, 8, 6, 0, 0, 0,
];

/**
 * «Справка» (title), «Итоги: 5 ОУ» with «Итоги» bold, a 2×2 table, the paragraph Docs adds after
 * a trailing table, a list item, a page break.
 */
function sample() {
  const ws = makeWs();
  const app = createDocumentApp(ws);
  const docs = createDocsService(ws) as unknown as Docs;
  const doc = app.create('Справка');
  const body = doc.getBody();
  body.getParagraphs()[0]!.setText('Справка');
  body.getParagraphs()[0]!.setHeading(app.ParagraphHeading.TITLE);
  body.appendParagraph('Итоги: 5 ОУ').editAsText().setBold(0, 4, true);
  body.appendTable([
    ['А', 'Б'],
    ['1', '22'],
  ]);
  body.appendListItem('пункт');
  body.appendPageBreak();
  return { ws, app, docs, doc, id: doc.getId() };
}

/** [start, end] of each structural element. */
function spans(content: Json[]): Array<[number | undefined, number]> {
  return content.map((e) => [e.startIndex, e.endIndex]);
}

describe('Docs.Documents.get: the body with Google’s indices', () => {
  test('a section break, then paragraphs and a table counted in UTF-16 units', () => {
    const { docs, id } = sample();
    const doc = docs.Documents.get(id);
    expect(doc.documentId).toBe(id);
    expect(doc.title).toBe('Справка');
    const content = doc.body.content as Content;
    expect(content[0]).toEqual({
      endIndex: 1,
      sectionBreak: {
        sectionStyle: {
          columnSeparatorStyle: 'NONE',
          contentDirection: 'LEFT_TO_RIGHT',
          sectionType: 'CONTINUOUS',
        },
      },
    });
    // «Справка\n» 1–9; «Итоги: 5 ОУ\n» 9–21; the table 21–38 (open 1, per row 1, per cell 1, two
    // characters and a newline per cell but «22», close 1); the paragraph after it 38–39;
    // «пункт\n» 39–45; the page break and its newline 45–47.
    expect(spans(content)).toEqual([
      [undefined, 1],
      [1, 9],
      [9, 21],
      [21, 38],
      [38, 39],
      [39, 45],
      [45, 47],
    ]);
    expect(content[1].paragraph.paragraphStyle).toEqual({
      namedStyleType: 'TITLE',
      direction: 'LEFT_TO_RIGHT',
    });
    expect(content[2].paragraph.elements).toEqual([
      { startIndex: 9, endIndex: 14, textRun: { content: 'Итоги', textStyle: { bold: true } } },
      { startIndex: 14, endIndex: 21, textRun: { content: ': 5 ОУ\n', textStyle: {} } },
    ]);
    expect(content[6].paragraph.elements).toEqual([
      { startIndex: 45, endIndex: 46, pageBreak: { textStyle: {} } },
      { startIndex: 46, endIndex: 47, textRun: { content: '\n', textStyle: {} } },
    ]);
  });

  test('a table: rows and cells open with one index each, the cell content follows', () => {
    const { docs, id } = sample();
    const table = docs.Documents.get(id).body.content[3];
    expect(table.table.rows).toBe(2);
    expect(table.table.columns).toBe(2);
    const rows = table.table.tableRows as Json[];
    expect(rows.map((r) => [r.startIndex, r.endIndex])).toEqual([
      [22, 29],
      [29, 37],
    ]);
    expect(rows[0]!.tableCells.map((c: Json) => [c.startIndex, c.endIndex])).toEqual([
      [23, 26],
      [26, 29],
    ]);
    const cell = rows[1]!.tableCells[1];
    expect(cell.content).toEqual([
      {
        startIndex: 34,
        endIndex: 37,
        paragraph: {
          elements: [{ startIndex: 34, endIndex: 37, textRun: { content: '22\n', textStyle: {} } }],
          paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
        },
      },
    ]);
    expect(rows[0]!.tableRowStyle).toEqual({ minRowHeight: { unit: 'PT' } });
  });

  test('list items carry their list; an emoji takes two indices; images are inline objects', () => {
    const { docs, id, app } = sample();
    const doc = docs.Documents.get(id);
    const item = doc.body.content[5].paragraph;
    expect(item.bullet).toEqual({ listId: expect.stringMatching(/^kix\./) });
    expect(doc.lists[item.bullet.listId].listProperties.nestingLevels[0].glyphSymbol).toBe('●');

    const body = app.openById(id).getBody();
    body.appendParagraph('Успех 😀');
    body.appendImage(newBlob(PNG, 'image/png', 'p.png'));
    const after = docs.Documents.get(id).body.content as Content;
    const emoji = after[after.length - 2];
    expect([emoji.startIndex, emoji.endIndex]).toEqual([47, 56]); // 6 + 2 + newline
    const image = after[after.length - 1].paragraph.elements;
    expect(image[0]).toMatchObject({ startIndex: 56, endIndex: 57 });
    const objectId = image[0].inlineObjectElement.inlineObjectId;
    expect(docs.Documents.get(id).inlineObjects[objectId].objectId).toBe(objectId);
  });

  test('headers and footers are segments of their own, counted from 0', () => {
    const { docs, id, app } = sample();
    const doc = app.openById(id);
    doc.addFooter().getParagraphs()[0]!.setText('Подвал');
    const got = docs.Documents.get(id);
    const footerId = got.documentStyle.defaultFooterId;
    expect(spans(got.footers[footerId].content)).toEqual([[0, 7]]);
  });

  test('an unknown document is «Requested entity was not found.», as Apps Script reports it', () => {
    const { docs } = sample();
    expect(() => docs.Documents.get('nope')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
  });
});

describe('Docs.Documents.batchUpdate', () => {
  const keep = (startIndex: number, endIndex: number, fields = 'keepWithNext') => ({
    updateParagraphStyle: {
      range: { startIndex, endIndex },
      paragraphStyle: { keepWithNext: true, keepLinesTogether: true },
      fields,
    },
  });

  test('updateParagraphStyle sets keepWithNext on every paragraph the range overlaps', () => {
    const { docs, id } = sample();
    const reply = docs.Documents.batchUpdate({ requests: [keep(12, 22)] }, id);
    expect(reply).toMatchObject({ documentId: id, replies: [{}] });
    expect(reply.writeControl.requiredRevisionId).toEqual(expect.any(String));
    const content = docs.Documents.get(id).body.content as Content;
    // «Итоги…» (9–21) overlaps [12, 22); the table's first cell paragraph starts at 24.
    expect(content[2].paragraph.paragraphStyle.keepWithNext).toBe(true);
    expect(content[1].paragraph.paragraphStyle.keepWithNext).toBeUndefined();
    expect(content[2].paragraph.paragraphStyle.keepLinesTogether).toBeUndefined(); // not in fields
    docs.Documents.batchUpdate({ requests: [keep(24, 25, 'keepWithNext,keepLinesTogether')] }, id);
    const cell = docs.Documents.get(id).body.content[3].table.tableRows[0].tableCells[0];
    expect(cell.content[0].paragraph.paragraphStyle).toMatchObject({
      keepWithNext: true,
      keepLinesTogether: true,
    });
  });

  test('DocumentApp does not report what only the API sets', () => {
    const { docs, id, app } = sample();
    docs.Documents.batchUpdate({ requests: [keep(9, 21)] }, id);
    const attributes = app.openById(id).getBody().getChild(1).getAttributes();
    expect(Object.keys(attributes)).not.toContain('keepWithNext');
    expect(JSON.stringify(attributes)).not.toMatch(/keep/i);
  });

  test('a range outside the body, an empty range or no fields: Google’s errors, nothing applied', () => {
    const { docs, id } = sample();
    const prefix = 'API call to docs.documents.batchUpdate failed with error: ';
    expect(() => docs.Documents.batchUpdate({ requests: [keep(9, 48)] }, id)).toThrow(
      prefix +
        'Invalid requests[0].updateParagraphStyle: Index 47 must be less than the end index of the referenced segment, 47.',
    );
    expect(() => docs.Documents.batchUpdate({ requests: [keep(9, 9)] }, id)).toThrow(
      prefix + 'Invalid requests[0].updateParagraphStyle: The range should not be empty.',
    );
    expect(() => docs.Documents.batchUpdate({ requests: [keep(9, 21, '')] }, id)).toThrow(
      /At least one field must be listed in 'fields'/,
    );
    // The first request is valid, the second is not: neither is applied.
    expect(() => docs.Documents.batchUpdate({ requests: [keep(1, 9), keep(0, 9)] }, id)).toThrow(
      /Invalid requests\[1\]\.updateParagraphStyle/,
    );
    expect(docs.Documents.get(id).body.content[1].paragraph.paragraphStyle.keepWithNext).toBe(
      undefined,
    );
  });

  test('updateParagraphStyle alignment is DocumentApp’s alignment (JUSTIFIED is JUSTIFY)', () => {
    const { docs, id, app } = sample();
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateParagraphStyle: {
              range: { startIndex: 9, endIndex: 21 },
              paragraphStyle: { alignment: 'JUSTIFIED' },
              fields: 'alignment',
            },
          },
        ],
      },
      id,
    );
    const paragraph = app.openById(id).getBody().getChild(1).asParagraph();
    expect(paragraph.getAlignment()).toBe(app.HorizontalAlignment.JUSTIFY);
    expect(docs.Documents.get(id).body.content[2].paragraph.paragraphStyle.alignment).toBe(
      'JUSTIFIED',
    );
  });

  test('updateTextStyle links the characters of the range, as Text.setLinkUrl does', () => {
    const { docs, id, app } = sample();
    // «Итоги: 5 ОУ» is 9–21: link «5 ОУ» (16–20).
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTextStyle: {
              range: { startIndex: 16, endIndex: 20 },
              textStyle: { link: { url: 'https://vk.com/wall-1' } },
              fields: 'link',
            },
          },
        ],
      },
      id,
    );
    const text = app.openById(id).getBody().getChild(1).asParagraph().editAsText();
    expect(text.getLinkUrl(7)).toBe('https://vk.com/wall-1');
    expect(text.getLinkUrl(10)).toBe('https://vk.com/wall-1');
    expect(text.getLinkUrl(5)).toBeNull();
    const runs = docs.Documents.get(id).body.content[2].paragraph.elements;
    expect(runs.map((r: Json) => [r.startIndex, r.textRun.content, r.textRun.textStyle])).toEqual([
      [9, 'Итоги', { bold: true }],
      [14, ': ', {}],
      [16, '5 ОУ', { link: { url: 'https://vk.com/wall-1' } }],
      [20, '\n', {}],
    ]);
  });

  test('updateTextStyle fontSize and weightedFontFamily are DocumentApp’s font size and family (TextStyle: fontSize, weightedFontFamily)', () => {
    const { docs, id, app } = sample();
    // The whole of «Итоги: 5 ОУ» (9–21) and the table (21–38) in one request each.
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTextStyle: {
              range: { startIndex: 9, endIndex: 38 },
              textStyle: {
                fontSize: { magnitude: 14, unit: 'PT' },
                weightedFontFamily: { fontFamily: 'Times New Roman' },
              },
              fields: 'fontSize,weightedFontFamily',
            },
          },
          {
            updateTextStyle: {
              range: { startIndex: 21, endIndex: 38 },
              textStyle: { fontSize: { magnitude: 12, unit: 'PT' } },
              fields: 'fontSize',
            },
          },
        ],
      },
      id,
    );
    const body = app.openById(id).getBody();
    const line = body.getChild(1).asParagraph().editAsText();
    expect([line.getFontSize(0), line.getFontFamily(0), line.isBold(0)]).toEqual([
      14,
      'Times New Roman',
      true,
    ]);
    const cell = body.getTables()[0]!.getCell(1, 1).editAsText();
    expect([cell.getFontSize(0), cell.getFontFamily(0)]).toEqual([12, 'Times New Roman']);
    // The title before the range keeps its style.
    expect(body.getChild(0).asParagraph().editAsText().getFontSize(0)).toBeNull();
    const run = docs.Documents.get(id).body.content[2].paragraph.elements[0];
    expect(run.textRun.textStyle).toEqual({
      bold: true,
      fontSize: { magnitude: 14, unit: 'PT' },
      weightedFontFamily: { fontFamily: 'Times New Roman', weight: 400 },
    });
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateTextStyle: {
                range: { startIndex: 9, endIndex: 12 },
                textStyle: { fontSize: { magnitude: 14 } },
                fields: 'fontSize',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(/Invalid value at 'text_style.font_size.unit'/);
  });

  test('updateTextStyle foregroundColor is DocumentApp’s foreground colour (TextStyle.foregroundColor: OptionalColor → Color → RgbColor, components 0.0–1.0)', () => {
    // developers.google.com/docs/api/reference/rest/v1/documents#TextStyle: «foregroundColor —
    // The foreground color of the text»; #OptionalColor: «If set, the color is either an RGB
    // color or transparent, depending on the color field»; #RgbColor: red, green, blue 0.0–1.0.
    const { docs, id, app } = sample();
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTextStyle: {
              range: { startIndex: 1, endIndex: 8 },
              textStyle: {
                foregroundColor: { color: { rgbColor: { red: 0, green: 0, blue: 0 } } },
              },
              fields: 'foregroundColor',
            },
          },
          {
            updateTextStyle: {
              range: { startIndex: 9, endIndex: 14 },
              textStyle: { foregroundColor: { color: { rgbColor: { red: 1, blue: 0.2 } } } },
              fields: 'foregroundColor',
            },
          },
        ],
      },
      id,
    );
    const body = app.openById(id).getBody();
    expect(body.getChild(0).asParagraph().editAsText().getForegroundColor(0)).toBe('#000000');
    const line = body.getChild(1).asParagraph().editAsText();
    expect([line.getForegroundColor(0), line.getForegroundColor(6)]).toEqual(['#ff0033', null]);
    const content = docs.Documents.get(id).body.content;
    expect(content[1].paragraph.elements[0].textRun.textStyle.foregroundColor).toEqual({
      color: { rgbColor: {} },
    });
    expect(content[2].paragraph.elements[0].textRun.textStyle.foregroundColor).toEqual({
      color: { rgbColor: { red: 1, blue: 0.2 } },
    });
    // A component outside 0.0–1.0 is Google's error; nothing of the batch is applied.
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateTextStyle: {
                range: { startIndex: 1, endIndex: 8 },
                textStyle: { foregroundColor: { color: { rgbColor: { red: 255 } } } },
                fields: 'foregroundColor',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(/Invalid value at 'text_style.foreground_color.color.rgb_color.red'/);
    // Transparent text (an OptionalColor without a color) DocumentApp cannot show: not emulated.
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateTextStyle: {
                range: { startIndex: 1, endIndex: 8 },
                textStyle: { foregroundColor: {} },
                fields: 'foregroundColor',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(/not implemented/);
    expect(body.getChild(0).asParagraph().editAsText().getForegroundColor(0)).toBe('#000000');
  });

  test('updateParagraphStyle indentFirstLine, lineSpacing, spaceAbove and spaceBelow are DocumentApp’s indent and spacing (ParagraphStyle)', () => {
    const { docs, id, app } = sample();
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateParagraphStyle: {
              range: { startIndex: 9, endIndex: 21 },
              paragraphStyle: {
                indentFirstLine: { magnitude: 35.4, unit: 'PT' },
                lineSpacing: 115,
                spaceAbove: { magnitude: 0, unit: 'PT' },
                spaceBelow: { magnitude: 6, unit: 'PT' },
              },
              fields: 'indentFirstLine,lineSpacing,spaceAbove,spaceBelow',
            },
          },
        ],
      },
      id,
    );
    const p = app.openById(id).getBody().getChild(1).asParagraph();
    expect([
      p.getIndentFirstLine(),
      p.getLineSpacing(),
      p.getSpacingBefore(),
      p.getSpacingAfter(),
    ]).toEqual([35.4, 1.15, 0, 6]);
    expect(docs.Documents.get(id).body.content[2].paragraph.paragraphStyle).toEqual({
      namedStyleType: 'NORMAL_TEXT',
      direction: 'LEFT_TO_RIGHT',
      indentFirstLine: { magnitude: 35.4, unit: 'PT' },
      spaceAbove: { magnitude: 0, unit: 'PT' },
      spaceBelow: { magnitude: 6, unit: 'PT' },
      lineSpacing: 115,
    });
  });

  test('updateTableColumnProperties: fixed widths on the listed columns are Table.getColumnWidth; under 5 pt is refused', () => {
    const { docs, id, app } = sample();
    const at = { index: 21 };
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTableColumnProperties: {
              tableStartLocation: at,
              columnIndices: [0],
              tableColumnProperties: {
                widthType: 'FIXED_WIDTH',
                width: { magnitude: 40, unit: 'PT' },
              },
              fields: 'width,widthType',
            },
          },
          {
            updateTableColumnProperties: {
              tableStartLocation: at,
              columnIndices: [1],
              tableColumnProperties: {
                widthType: 'FIXED_WIDTH',
                width: { magnitude: 300, unit: 'PT' },
              },
              fields: 'width,widthType',
            },
          },
        ],
      },
      id,
    );
    const table = app.openById(id).getBody().getTables()[0]!;
    expect([table.getColumnWidth(0), table.getColumnWidth(1)]).toEqual([40, 300]);
    expect(docs.Documents.get(id).body.content[3].table.tableStyle.tableColumnProperties).toEqual([
      { widthType: 'FIXED_WIDTH', width: { magnitude: 40, unit: 'PT' } },
      { widthType: 'FIXED_WIDTH', width: { magnitude: 300, unit: 'PT' } },
    ]);
    const request = (columnIndices: number[], magnitude: number) => ({
      requests: [
        {
          updateTableColumnProperties: {
            tableStartLocation: at,
            columnIndices,
            tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude, unit: 'PT' } },
            fields: 'width,widthType',
          },
        },
      ],
    });
    expect(() => docs.Documents.batchUpdate(request([0], 4), id)).toThrow(/at least 5 points/);
    expect(() => docs.Documents.batchUpdate(request([2], 40), id)).toThrow(
      /column index 2 is out of bounds for a table with 2 columns/,
    );
    // Nothing of a failed batch is applied.
    expect(table.getColumnWidth(0)).toBe(40);
  });

  test('pinTableHeaderRows marks the header rows; the location must be a table’s start', () => {
    const { docs, id } = sample();
    docs.Documents.batchUpdate(
      {
        requests: [
          { pinTableHeaderRows: { tableStartLocation: { index: 21 }, pinnedHeaderRowsCount: 1 } },
        ],
      },
      id,
    );
    const rows = docs.Documents.get(id).body.content[3].table.tableRows;
    expect(rows.map((r: Json) => r.tableRowStyle.tableHeader === true)).toEqual([true, false]);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { pinTableHeaderRows: { tableStartLocation: { index: 22 }, pinnedHeaderRowsCount: 1 } },
          ],
        },
        id,
      ),
    ).toThrow(/Invalid requests\[0\]\.pinTableHeaderRows: .*22/);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { pinTableHeaderRows: { tableStartLocation: { index: 21 }, pinnedHeaderRowsCount: 3 } },
          ],
        },
        id,
      ),
    ).toThrow(/pinned header rows, 3, must be between 0 and the number of rows in the table, 2/);
  });

  test('updateTableRowStyle: preventOverflow on all rows or the listed ones; minRowHeight is DocumentApp’s', () => {
    const { docs, id, app } = sample();
    const at = { index: 21 };
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTableRowStyle: {
              tableStartLocation: at,
              tableRowStyle: { preventOverflow: true },
              fields: 'preventOverflow',
            },
          },
          {
            updateTableRowStyle: {
              tableStartLocation: at,
              rowIndices: [1],
              tableRowStyle: { minRowHeight: { magnitude: 20, unit: 'PT' } },
              fields: 'minRowHeight',
            },
          },
        ],
      },
      id,
    );
    const rows = docs.Documents.get(id).body.content[3].table.tableRows;
    expect(rows.map((r: Json) => r.tableRowStyle.preventOverflow)).toEqual([true, true]);
    expect(rows[1].tableRowStyle.minRowHeight).toEqual({ magnitude: 20, unit: 'PT' });
    const table = app.openById(id).getBody().getTables()[0]!;
    expect(table.getRow(1).getMinimumHeight()).toBe(20);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateTableRowStyle: {
                tableStartLocation: at,
                rowIndices: [2],
                tableRowStyle: { preventOverflow: true },
                fields: 'preventOverflow',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(/row index 2 is out of bounds for a table with 2 rows/);
  });

  test('a request the emulator does not implement says so; an unknown one is Google’s JSON error', () => {
    const { docs, id } = sample();
    expect(() =>
      docs.Documents.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] },
        id,
      ),
    ).toThrow('emulator: Docs.Documents.batchUpdate request insertText is not implemented');
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateParagraphStyle: {
                range: { startIndex: 1, endIndex: 9 },
                paragraphStyle: { indentStart: { magnitude: 10, unit: 'PT' } },
                fields: 'indentStart',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(
      'emulator: Docs.Documents.batchUpdate updateParagraphStyle field indentStart is not implemented',
    );
    expect(() => docs.Documents.batchUpdate({ requests: [{ fooBar: {} }] }, id)).toThrow(
      `Invalid JSON payload received. Unknown name "fooBar" at 'requests[0]': Cannot find field.`,
    );
  });

  test('each call is a service call of the execution, and can be failed like any other', () => {
    const { docs, id, ws } = sample();
    docs.Documents.get(id);
    expect(ws.tracker.outside['Docs.Documents.get']).toBe(1);
    ws.tracker.fail('Docs.Documents.batchUpdate', { times: 1, error: 'Service unavailable' });
    expect(() => docs.Documents.batchUpdate({ requests: [] }, id)).toThrow('Service unavailable');
  });
});

describe('the service exists only where the manifest enables it', () => {
  const FIXTURE = `${__dirname}/fixtures/docs-script`;

  test('appsscript.json enables Docs: a script keeps its signature line with the next', () => {
    const ws = createWorkspace();
    const app = ws.loadBundle(FIXTURE);
    expect(app.call('which')).toEqual({ docs: 'object', calendar: 'object' });
    const result = app.call('keepSignatureTogether') as { styles: boolean[] };
    expect(result.styles).toEqual([false, true, false]);
    // Another enabled advanced service the emulator does not have throws its message.
    expect(() => app.call('calendarCall')).toThrow(
      'emulator: Calendar (calendar v3).Events is not implemented',
    );
  });

  test('without a manifest entry there is no Docs global', () => {
    const ws = createWorkspace();
    const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
    expect((app.context as unknown as Json).Docs).toBeUndefined();
  });
});
