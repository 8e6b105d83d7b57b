/**
 * DocumentApp fake — developers.google.com/apps-script/reference/document (document-app,
 * document, body, paragraph, list-item, table, table-cell, text, inline-image, header-section,
 * footer-section, unsupported-element).
 */
import { newBlob, pdfText } from '../src/services/blob';
import {
  copyDocumentContent,
  createDocumentApp,
  documentFileHandler,
  documentsView,
  DOCUMENT_MIME,
} from '../src/services/documents';
import { makeWs } from './fixtures/state';

/** A 3×2 PNG: only the header matters for InlineImage sizes. */
const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3,
  0, 0, 0, 2, 8, 6, 0, 0, 0,
];

describe('DocumentApp.create / openById (reference/document/document-app)', () => {
  it('create(name) makes a Drive item of the Docs type in My Drive', () => {
    const ws = makeWs();
    const doc = createDocumentApp(ws).create('Аналитическая справка');
    const item = ws.drive.items.get(doc.getId())!;
    expect(item).toMatchObject({
      name: 'Аналитическая справка',
      mimeType: DOCUMENT_MIME,
      parents: ['root'],
      trashed: false,
      owner: ws.user,
    });
    expect(doc.getName()).toBe('Аналитическая справка');
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${doc.getId()}`);
  });

  it('a new document body holds one empty paragraph', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    expect(body.getChild(0).getType()).toBe(createDocumentApp(makeWs()).ElementType.PARAGRAPH);
  });

  it('openById / openByUrl reach the same content; an unknown id throws "Document is missing …"', () => {
    const ws = makeWs();
    const app = createDocumentApp(ws);
    const doc = app.create('D');
    doc.getBody().appendParagraph('Текст');
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nТекст');
    expect(app.openByUrl(`https://docs.google.com/document/d/${doc.getId()}/edit`).getName()).toBe(
      'D',
    );
    expect(() => app.openById('nope')).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  it('setName renames the Drive item, and a Drive rename shows in getName', () => {
    const ws = makeWs();
    const doc = createDocumentApp(ws).create('Old');
    doc.setName('New');
    expect(ws.drive.items.get(doc.getId())!.name).toBe('New');
    ws.drive.items.get(doc.getId())!.name = 'Renamed in Drive';
    expect(doc.getName()).toBe('Renamed in Drive');
  });

  it('getActiveDocument is null and getUi throws without a document-bound project (containers.test.ts has the bound cases)', () => {
    const app = createDocumentApp(makeWs());
    expect(app.getActiveDocument()).toBeNull();
    expect(() => app.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });

  it('create costs 1000 ms, appendParagraph 15 ms, appendTable 50 + 0.2 per cell', () => {
    const ws = makeWs();
    ws.tracker.run('p', 'generateMonthlyNote', 'test', ws.clock.now(), () => {
      const body = createDocumentApp(ws).create('D').getBody();
      body.appendParagraph('a');
      body.appendTable([
        ['1', '2'],
        ['3', '4'],
      ]);
    });
    const run = ws.tracker.executions[0]!;
    expect(run.calls).toMatchObject({
      'DocumentApp.create': 1,
      'Document.getBody': 1,
      'Body.appendParagraph': 1,
      'Body.appendTable': 1,
    });
    expect(run.modelledMs).toBeCloseTo(1000 + 10 + 15 + 50 + 0.8);
  });
});

describe('Body and Paragraph (reference/document/body, paragraph)', () => {
  it('getText joins paragraphs with "\\n"', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    body.getChild(0).asParagraph().setText('Первый');
    body.appendParagraph('Второй');
    expect(body.getText()).toBe('Первый\nВторой');
  });

  it('setHeading / setAlignment read back as the DocumentApp enum values', () => {
    const app = createDocumentApp(makeWs());
    const p = app.create('D').getBody().appendParagraph('Заголовок');
    p.setHeading(app.ParagraphHeading.HEADING1).setAlignment(app.HorizontalAlignment.CENTER);
    expect(p.getHeading()).toBe(app.ParagraphHeading.HEADING1);
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.CENTER);
    expect(String(p.getHeading())).toBe('HEADING1');
    expect(app.create('E').getBody().appendParagraph('x').getHeading()).toBe(
      app.ParagraphHeading.NORMAL,
    );
  });

  it('spacing, line spacing and first-line indent are stored', () => {
    const p = createDocumentApp(makeWs()).create('D').getBody().appendParagraph('x');
    p.setSpacingAfter(6).setSpacingBefore(3).setLineSpacing(1.15).setIndentFirstLine(36);
    expect([
      p.getSpacingAfter(),
      p.getSpacingBefore(),
      p.getLineSpacing(),
      p.getIndentFirstLine(),
    ]).toEqual([6, 3, 1.15, 36]);
  });

  it('TableRow.editAsText().setBold(true) makes every cell of the row bold (document/table-row#editastext)', () => {
    const app = createDocumentApp(makeWs());
    const table = app
      .create('D')
      .getBody()
      .appendTable([
        ['ОУ', 'Участников'],
        ['ГБОУ СОШ № 47', '3'],
      ]);
    table.getRow(0).editAsText().setBold(true);
    expect(table.getCell(0, 0).editAsText().isBold()).toBe(true);
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(true);
    expect(table.getCell(1, 0).editAsText().isBold()).not.toBe(true);
  });

  it('setAttributes with Attribute keys sets paragraph and text attributes', () => {
    const app = createDocumentApp(makeWs());
    const p = app.create('D').getBody().appendParagraph('Итого');
    const style: Record<string, unknown> = {};
    style[String(app.Attribute.BOLD)] = true;
    style[String(app.Attribute.FONT_SIZE)] = 14;
    style[String(app.Attribute.HORIZONTAL_ALIGNMENT)] = app.HorizontalAlignment.RIGHT;
    p.setAttributes(style);
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.RIGHT);
    expect(p.editAsText().isBold()).toBe(true);
    expect(p.getAttributes()).toMatchObject({
      BOLD: true,
      FONT_SIZE: 14,
      HORIZONTAL_ALIGNMENT: app.HorizontalAlignment.RIGHT,
    });
  });

  it('editAsText().setBold(start, end, bold) formats a range (end inclusive)', () => {
    const p = createDocumentApp(makeWs()).create('D').getBody().appendParagraph('Итого: 5');
    const text = p.editAsText().setBold(0, 5, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(5)).toBe(true);
    expect(text.isBold(7)).toBe(null);
    expect(text.isBold()).toBe(null); // mixed
    expect(p.getText()).toBe('Итого: 5');
  });

  it('appendText adds a Text element that continues the formatting before it', () => {
    const p = createDocumentApp(makeWs()).create('D').getBody().appendParagraph('Жирный');
    p.editAsText().setBold(true);
    const tail = p.appendText(' хвост');
    expect(p.getText()).toBe('Жирный хвост');
    expect(tail.isBold()).toBe(true);
    expect(p.getNumChildren()).toBe(2);
  });

  it('insertParagraph puts a paragraph at an index', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    body.appendParagraph('b');
    body.insertParagraph(0, 'a');
    expect(body.getText()).toBe('a\n\nb');
  });

  it('removeChild / removeFromParent remove elements, but the last paragraph of a section stays', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const p = body.appendParagraph('x');
    body.removeChild(body.getChild(0));
    expect(body.getText()).toBe('x');
    expect(() => p.removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
  });

  it('every container removes its own children: a row its cells, a table its rows, a paragraph its inline elements', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const table = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const row = table.getRow(0);
    row.removeChild(row.getCell(0));
    expect(row.getNumCells()).toBe(1);
    table.removeChild(table.getRow(1));
    expect(table.getText()).toBe('b');
    const p = body.appendParagraph('x');
    p.appendText('y');
    p.removeChild(p.getChild(0));
    expect(p.getText()).toBe('y');
    expect(() => p.removeChild(row)).toThrow(
      'Element does not contain the specified child element.',
    );
  });

  it('clear() leaves one empty paragraph', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    body.appendParagraph('a');
    body.appendTable([['x']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  it('margins are set in points', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    body.setMarginTop(56).setMarginBottom(56).setMarginLeft(85).setMarginRight(42);
    expect([
      body.getMarginTop(),
      body.getMarginBottom(),
      body.getMarginLeft(),
      body.getMarginRight(),
    ]).toEqual([56, 56, 85, 42]);
  });

  it('getChild out of range throws Google’s child-index message', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    expect(() => body.getChild(5)).toThrow(
      'Child index (5) must be less than the number of child elements (1).',
    );
  });

  it('methods the fake lacks throw "emulator: Body.getFootnotes is not implemented"', () => {
    const app = createDocumentApp(makeWs());
    const body = app.create('D').getBody();
    expect(() => body.getFootnotes()).toThrow('emulator: Body.getFootnotes is not implemented');
    expect(() => body.editAsText()).toThrow('emulator: Body.editAsText is not implemented');
  });
});

describe('replaceText (reference/document/body#replaceText(String,String))', () => {
  it('replaces a regex pattern given as a string in every text element, keeping formatting', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const p = body.appendParagraph('Справка за {{period}} г.');
    p.editAsText().setBold(0, 6, true);
    body.appendTable([['{{period}}']]);
    body.replaceText('\\{\\{period\\}\\}', 'октябрь 2021');
    expect(body.getText()).toContain('Справка за октябрь 2021 г.');
    expect(body.getTables()[0]!.getCell(0, 0).getText()).toBe('октябрь 2021');
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold(12)).toBe(null);
  });

  it('the replacement follows Java rules: $1 is a group, a bare $ is an error', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    body.appendParagraph('2021-10');
    body.replaceText('(\\d{4})-(\\d{2})', '$2.$1');
    expect(body.getText()).toBe('\n10.2021');
    expect(() => body.replaceText('10', 'US$')).toThrow('Illegal group reference');
    body.replaceText('10', 'US\\$');
    expect(body.getText()).toBe('\nUS$.2021');
  });
});

describe('findElement and findText (reference/document/body#findelementelementtype,-from, #findtextsearchpattern,-from, range-element)', () => {
  function sample() {
    const ws = makeWs();
    const DocumentApp = createDocumentApp(ws);
    const doc = DocumentApp.create('Поиск');
    const body = doc.getBody();
    body.getParagraphs()[0]!.setText('Введение');
    body.appendParagraph('Итоги').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('Победитель: {{ФИО}}, школа {{ОУ}}');
    body.appendTable([['{{ФИО}}', 'балл']]);
    body.appendParagraph('Методы').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    return { DocumentApp, body };
  }

  it("findElement walks descendants in document order, continuing from the last result, then null (the reference's heading loop)", () => {
    const { DocumentApp, body } = sample();
    const headings: string[] = [];
    let result: GoogleAppsScript.Document.RangeElement | null = null;
    while ((result = body.findElement(DocumentApp.ElementType.PARAGRAPH, result!))) {
      const p = result.getElement().asParagraph();
      if (p.getHeading() === DocumentApp.ParagraphHeading.HEADING1) headings.push(p.getText());
    }
    expect(headings).toEqual(['Итоги', 'Методы']);
    const cell = body.findElement(DocumentApp.ElementType.TABLE_CELL)!;
    expect(cell.getElement().asTableCell().getText()).toBe('{{ФИО}}');
    expect([cell.isPartial(), cell.getStartOffset(), cell.getEndOffsetInclusive()]).toEqual([
      false,
      -1,
      -1,
    ]);
    expect(body.findElement(DocumentApp.ElementType.INLINE_IMAGE)).toBeNull();
  });

  it('findText matches a regular expression within each Text element and gives the matched offsets; from continues after it', () => {
    const { body } = sample();
    const first = body.findText('\\{\\{[^}]+\\}\\}')!;
    expect(first.getElement().asText().getText()).toBe('Победитель: {{ФИО}}, школа {{ОУ}}');
    expect([first.isPartial(), first.getStartOffset(), first.getEndOffsetInclusive()]).toEqual([
      true,
      12,
      18,
    ]);
    const second = body.findText('\\{\\{[^}]+\\}\\}', first)!;
    expect([second.getStartOffset(), second.getEndOffsetInclusive()]).toEqual([27, 32]);
    const third = body.findText('\\{\\{[^}]+\\}\\}', second)!;
    expect(third.getElement().getParent().getParent()!.getType()).toBe(
      createDocumentApp(makeWs()).ElementType.TABLE_CELL,
    );
    expect(body.findText('\\{\\{[^}]+\\}\\}', third)).toBeNull();
    // Matched per Text element: a pattern spanning two paragraphs is not found.
    expect(body.findText('Введение.Итоги')).toBeNull();
    // The match can then be formatted through its offsets, as scripts do.
    first
      .getElement()
      .asText()
      .setBold(first.getStartOffset(), first.getEndOffsetInclusive(), true);
    expect(first.getElement().asText().isBold(12)).toBe(true);
    expect(first.getElement().asText().isBold(11)).toBeFalsy();
  });
});

describe('Lists (reference/document/list-item)', () => {
  it('appendListItem makes bullet items; consecutive items share one list id', () => {
    const app = createDocumentApp(makeWs());
    const body = app.create('D').getBody();
    const a = body.appendListItem('Первый');
    const b = body.appendListItem('Второй');
    expect(a.getGlyphType()).toBe(app.GlyphType.BULLET);
    expect(a.getListId()).toBe(b.getListId());
    b.setGlyphType(app.GlyphType.NUMBER).setNestingLevel(1);
    expect([b.getGlyphType(), b.getNestingLevel()]).toEqual([app.GlyphType.NUMBER, 1]);
    expect(body.getListItems()).toHaveLength(2);
    expect(body.getParagraphs()).toHaveLength(3); // "including ListItems"
  });

  it('costs 15 ms like appendParagraph', () => {
    const ws = makeWs();
    const body = createDocumentApp(ws).create('D').getBody();
    ws.tracker.run('p', 'f', 'test', ws.clock.now(), () => body.appendListItem('x'));
    expect(ws.tracker.executions[0]!.modelledMs).toBe(15);
  });
});

describe('Tables (reference/document/table, table-row, table-cell)', () => {
  it('appendTable(cells) makes one cell per string; Docs keeps a paragraph after a trailing table', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const table = body.appendTable([
      ['ОУ', 'Участники'],
      ['ГБОУ СОШ № 47', '12'],
    ]);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getNumCells()).toBe(2);
    expect(table.getCell(1, 0).getText()).toBe('ГБОУ СОШ № 47');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe(createDocumentApp(makeWs()).ElementType.PARAGRAPH);
  });

  it('cells take styling; editAsText().setBold formats a header cell', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const table = body
      .appendTable([['A', 'B']])
      .setBorderWidth(1)
      .setColumnWidth(0, 200);
    const cell = table.getCell(0, 0).setBackgroundColor('#dddddd');
    cell.editAsText().setBold(true);
    expect(cell.getBackgroundColor()).toBe('#dddddd');
    expect(cell.editAsText().isBold()).toBe(true);
    expect(table.getColumnWidth(0)).toBe(200);
    expect(cell.getParentTable().getNumRows()).toBe(1);
  });

  it('appendTableRow / appendTableCell build a table by hand; setText replaces cell content', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const table = body.appendTable();
    const row = table.appendTableRow();
    row.appendTableCell('x');
    row.appendTableCell().setText('y');
    expect(table.getText()).toBe('x\ny');
  });

  it('rows of different lengths are not modelled', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    expect(() => body.appendTable([['a', 'b'], ['c']])).toThrow(/^emulator: Body\.appendTable/);
  });
});

describe('Images, breaks, rules (reference/document/inline-image, page-break, horizontal-rule)', () => {
  it('appendImage(blob) wraps an InlineImage in a new paragraph, sized from the PNG header', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const image = body.appendImage(newBlob(PNG, 'image/png', 'chart.png'));
    expect([image.getWidth(), image.getHeight()]).toEqual([3, 2]);
    image.setWidth(600).setHeight(400);
    expect([image.getWidth(), image.getHeight()]).toEqual([600, 400]);
    expect(image.getParent().getType()).toBe(createDocumentApp(makeWs()).ElementType.PARAGRAPH);
    expect(image.getBlob().getBytes()).toEqual(newBlob(PNG).getBytes());
  });

  it('Paragraph.appendInlineImage and appendPageBreak add inline elements', () => {
    const app = createDocumentApp(makeWs());
    const body = app.create('D').getBody();
    const p = body.appendParagraph('Рис. 1');
    p.appendInlineImage(newBlob(PNG, 'image/png'));
    p.appendPageBreak();
    expect(p.getNumChildren()).toBe(3);
    expect(p.getChild(1).getType()).toBe(app.ElementType.INLINE_IMAGE);
    expect(body.appendPageBreak().getType()).toBe(app.ElementType.PAGE_BREAK);
    expect(body.appendHorizontalRule().getParent().getType()).toBe(app.ElementType.PARAGRAPH);
    expect(body.getImages()).toHaveLength(1);
  });
});

describe('Header and footer (reference/document/header-section, footer-section)', () => {
  it('getHeader() is null until addHeader(); sections hold paragraphs', () => {
    const doc = createDocumentApp(makeWs()).create('D');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('Опорный центр');
    doc.addFooter().appendParagraph('Стр.');
    expect(doc.getHeader().getText()).toBe('\nОпорный центр');
    expect(
      doc
        .getFooter()
        .getParagraphs()
        .map((p) => p.getText()),
    ).toEqual(['', 'Стр.']);
    doc.getFooter().clear();
    expect(doc.getFooter().getText()).toBe('');
  });
});

describe('Document export and lifecycle (reference/document/document)', () => {
  it('getAs("application/pdf") gives "<name>.pdf" with the text of header, body and tables', () => {
    const ws = makeWs();
    const doc = createDocumentApp(ws).create('Справка');
    doc.addHeader().getChild(0).asParagraph().setText('Шапка');
    doc.getBody().appendParagraph('Охват 85%');
    doc.getBody().appendTable([['ОУ', 'Число']]);
    const pdf = ws.tracker.run('p', 'f', 'test', ws.clock.now(), () =>
      doc.getAs('application/pdf'),
    );
    expect(pdf.getName()).toBe('Справка.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdfText(pdf)).toBe('Шапка\n\nОхват 85%\nОУ\tЧисло\n');
    expect(ws.tracker.executions[0]!.modelledMs).toBe(1500);
    expect(pdfText(doc.getBlob())).toContain('Охват 85%');
  });

  it('after saveAndClose the Document object and its elements refuse further calls', () => {
    const app = createDocumentApp(makeWs());
    const doc = app.create('D');
    const id = doc.getId();
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('x')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    expect(() => doc.getName()).toThrow('Document is closed, its contents cannot be updated.');
    expect(app.openById(id).getBody().getText()).toBe('');
  });

  it('edits update the Drive item’s last-updated time', () => {
    const ws = makeWs();
    const doc = createDocumentApp(ws).create('D');
    ws.clock.tick(60_000);
    doc.getBody().appendParagraph('x');
    expect(ws.drive.items.get(doc.getId())!.updatedAt.getTime()).toBe(ws.clock.now().getTime());
  });
});

describe('Harness: documentsView, copyDocumentContent, documentFileHandler', () => {
  it('documentsView shows name, trashed, folder path, text, tables, paragraphs, images, header/footer', () => {
    const ws = makeWs();
    const now = ws.clock.now();
    const folder = (id: string, name: string, parent: string) =>
      ws.drive.items.set(id, {
        id,
        name,
        mimeType: 'application/vnd.google-apps.folder',
        parents: [parent],
        trashed: false,
        owner: ws.user,
        createdAt: now,
        updatedAt: now,
      });
    folder('f1', 'Мониторинг', 'root');
    folder('f2', '2021-2022', 'f1');
    const app = createDocumentApp(ws);
    const doc = app.create('Справка');
    ws.drive.items.get(doc.getId())!.parents = ['f2'];
    const body = doc.getBody();
    body.appendParagraph('Заголовок').setHeading(app.ParagraphHeading.TITLE);
    body.appendListItem('Пункт');
    body.appendTable([['a', 'b']]);
    body.appendImage(newBlob(PNG, 'image/png'));
    doc.addFooter().appendParagraph('подвал');
    const [view] = documentsView(ws);
    expect(view).toMatchObject({
      id: doc.getId(),
      name: 'Справка',
      trashed: false,
      folderPath: 'Мониторинг/2021-2022',
    });
    expect(view!.text()).toBe('\nЗаголовок\nПункт\na\nb\n\n');
    expect(view!.tables()).toEqual([[['a', 'b']]]);
    expect(view!.paragraphs().slice(0, 3)).toEqual([
      { text: '', heading: 'NORMAL', type: 'PARAGRAPH' },
      { text: 'Заголовок', heading: 'TITLE', type: 'PARAGRAPH' },
      { text: 'Пункт', heading: 'NORMAL', type: 'LIST_ITEM' },
    ]);
    expect(view!.images()).toHaveLength(1);
    expect(view!.footerText()).toBe('\nподвал');
    expect(view!.headerText()).toBe('');
  });

  it('copyDocumentContent makes an independent deep copy (File.makeCopy of a Doc)', () => {
    const ws = makeWs();
    const app = createDocumentApp(ws);
    const original = app.create('A');
    original.getBody().appendParagraph('оригинал');
    const copyId = 'copy-id';
    ws.drive.items.set(copyId, {
      ...ws.drive.items.get(original.getId())!,
      id: copyId,
      name: 'Copy of A',
    });
    copyDocumentContent(ws, original.getId(), copyId);
    app.openById(copyId).getBody().appendParagraph('копия');
    expect(app.openById(original.getId()).getBody().getText()).toBe('\nоригинал');
    expect(app.openById(copyId).getBody().getText()).toBe('\nоригинал\nкопия');
  });

  it('documentFileHandler exports PDFs and copies for DriveApp', () => {
    const ws = makeWs();
    const doc = createDocumentApp(ws).create('A');
    doc.getBody().appendParagraph('текст');
    const handler = documentFileHandler(ws);
    expect(pdfText(handler.exportAs(doc.getId(), 'application/pdf')!)).toBe('\nтекст');
    expect(handler.exportAs(doc.getId(), 'text/csv')).toBeNull();
  });
});
