/**
 * What filling a Google Docs template needs: Element.copy, appending detached elements, page
 * breaks inside a paragraph, the page size, PDF pages at page breaks, the daily quota of new
 * documents (create and Drive copies) and sharing a file with editors.
 */
import { createWorkspace } from '../src';
import { pdfPages } from '../src/services/blob';
import { createDocumentApp, DOCS_QUOTA_ERROR } from '../src/services/documents';
import { makeWs } from './fixtures/state';

const REF = 'developers.google.com/apps-script/reference';

function globals(options: Parameters<typeof createWorkspace>[0] = {}) {
  const ws = createWorkspace(options);
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  return {
    ws,
    ...(app.context as unknown as {
      DriveApp: GoogleAppsScript.Drive.DriveApp;
      DocumentApp: GoogleAppsScript.Document.DocumentApp;
    }),
  };
}

describe(`Element.copy (${REF}/document/paragraph#copy)`, () => {
  it('is a detached deep copy: no parent, own text, formatting kept', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const p = body.appendParagraph('Награждается {{Фамилия Имя}}');
    p.editAsText().setBold(0, 11, true).setFontSize(20);
    const copy = p.copy();
    expect(copy.getParent()).toBeNull();
    copy.replaceText('\\{\\{Фамилия Имя\\}\\}', 'Орлова Ирина');
    expect(copy.getText()).toBe('Награждается Орлова Ирина');
    expect(p.getText()).toBe('Награждается {{Фамилия Имя}}');
    expect(copy.editAsText().isBold(0)).toBe(true);
    expect(copy.editAsText().getFontSize(20)).toBe(20);
  });

  it('copies a table with its cells', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const table = body.appendTable([
      ['а', 'б'],
      ['в', 'г'],
    ]);
    const copy = table.copy();
    copy.getCell(0, 0).setText('я');
    expect(table.getCell(0, 0).getText()).toBe('а');
    expect(copy.getCell(1, 1).getText()).toBe('г');
  });
});

describe(`appending elements (${REF}/document/body#appendparagraphparagraph)`, () => {
  it('appendParagraph / appendListItem / appendTable insert a detached element itself', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const p = body.appendParagraph('Абзац');
    const li = body.appendListItem('Пункт');
    const t = body.appendTable([['ячейка']]);
    const p2 = body.appendParagraph(p.copy());
    const li2 = body.appendListItem(li.copy());
    const t2 = body.appendTable(t.copy());
    expect(p2.getText()).toBe('Абзац');
    expect(li2.getType()).toBe(li.getType());
    expect(t2.getCell(0, 0).getText()).toBe('ячейка');
    expect(p2.getParent().getType()).toBe(body.getType());
    // Docs keeps a paragraph after a table that ends the body, so one stands between the groups.
    expect(body.getText()).toBe('\nАбзац\nПункт\nячейка\n\nАбзац\nПункт\nячейка\n');
  });

  it('an element still in the document must be detached first', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    const p = body.appendParagraph('Абзац');
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
  });

  it('a copy from another document can be appended', () => {
    const app = createDocumentApp(makeWs());
    const from = app.create('Шаблон').getBody().appendParagraph('Из шаблона');
    const to = app.create('Документ').getBody();
    to.appendParagraph(from.copy());
    expect(to.getText()).toBe('\nИз шаблона');
  });
});

describe(`page breaks (${REF}/document/paragraph#insertpagebreakchildindex)`, () => {
  it('Paragraph.insertPageBreak puts a PageBreak at the index among the paragraph’s children', () => {
    const doc = createDocumentApp(makeWs()).create('D');
    const p = doc.getBody().appendParagraph('Страница 2');
    const pb = p.insertPageBreak(0);
    expect(String(pb.getType())).toBe('PAGE_BREAK');
    expect(String(p.getChild(0).getType())).toBe('PAGE_BREAK');
    expect(p.getText()).toBe('Страница 2');
    expect(() => p.insertPageBreak(5)).toThrow(/Index \(5\)/);
  });

  it('the PDF export starts a new page at each page break (Document.getAs)', () => {
    const doc = createDocumentApp(makeWs()).create('D');
    const body = doc.getBody();
    body.getParagraphs()[0]!.setText('Первая');
    body.appendParagraph('Вторая').insertPageBreak(0);
    body.appendParagraph('Третья').insertPageBreak(0);
    expect(pdfPages(doc.getAs('application/pdf'))).toEqual(['Первая', 'Вторая', 'Третья']);
  });
});

describe(`page size (${REF}/document/body#setpagewidthpagewidth)`, () => {
  it('a new document is US Letter; setPageWidth / setPageHeight change it', () => {
    const body = createDocumentApp(makeWs()).create('D').getBody();
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    body.setPageWidth(595.3).setPageHeight(841.9);
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([595.3, 841.9]);
  });
});

describe('the daily quota of new documents (developers.google.com/apps-script/guides/services/quotas)', () => {
  it('DocumentApp.create past the quota throws Google’s message; the next day counts anew', () => {
    const ws = makeWs();
    ws.quotas.documentsCreatedPerDay = 2;
    const app = createDocumentApp(ws);
    app.create('1');
    app.create('2');
    expect(() => app.create('3')).toThrow(DOCS_QUOTA_ERROR);
    expect(DOCS_QUOTA_ERROR).toBe('Service invoked too many times for one day: docs create.');
    ws.clock.set(new Date('2021-09-02T09:00:00+03:00'));
    expect(app.create('3').getName()).toBe('3');
  });

  it('a Drive copy of a Doc counts too, and nothing is copied past the quota', () => {
    const { ws, DocumentApp, DriveApp } = globals({ quotas: { documentsCreatedPerDay: 2 } });
    const template = DocumentApp.create('Шаблон');
    const file = DriveApp.getFileById(template.getId());
    file.makeCopy('Копия 1');
    expect(() => file.makeCopy('Копия 2')).toThrow(DOCS_QUOTA_ERROR);
    expect(ws.documents().map((d) => d.name)).toEqual(['Шаблон', 'Копия 1']);
  });

  it('a Workspace account has 1,500 a day, a consumer account 250', () => {
    const consumer = globals();
    const workspace = globals({ account: 'workspace' });
    const count = (g: ReturnType<typeof globals>) => {
      let n = 0;
      try {
        for (; n < 2000; n++) g.DocumentApp.create(`Д${n}`);
      } catch (error) {
        expect((error as Error).message).toBe(DOCS_QUOTA_ERROR);
      }
      return n;
    };
    expect(count(consumer)).toBe(250);
    expect(count(workspace)).toBe(1500);
  });
});

describe(`sharing (${REF}/drive/file#addeditorsemailaddresses)`, () => {
  it('addEditors / addEditor add users once; the owner is not an editor; removeEditor', () => {
    const { DriveApp, DocumentApp } = globals({ user: 'owner@center.example' });
    const file = DriveApp.getFileById(DocumentApp.create('Шаблон').getId());
    expect(file.getEditors()).toEqual([]);
    file.addEditors(['a@center.example', 'B@center.example', 'owner@center.example']);
    file.addEditor('a@center.example');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([
      'a@center.example',
      'b@center.example',
    ]);
    file.removeEditor('a@center.example');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['b@center.example']);
    expect(() => file.addEditor('not an email')).toThrow('Invalid email: not an email');
  });

  it(`addViewers on a folder and a file: viewers once, an editor or the owner stays what they are (${REF}/drive/folder#addviewersemailaddresses)`, () => {
    const { DriveApp, DocumentApp } = globals({ user: 'owner@center.example' });
    const folder = DriveApp.createFolder('Грамоты ШКОЛА-47');
    expect(folder.getViewers()).toEqual([]);
    folder.addViewers(['School47@school.example', 'owner@center.example']);
    folder.addViewer('school47@school.example');
    expect(folder.getViewers().map((u) => u.getEmail())).toEqual(['school47@school.example']);
    expect(() => folder.addViewers(['ok@school.example', 'no address'])).toThrow(
      'Invalid email: no address',
    );
    expect(folder.getViewers()).toHaveLength(1); // nothing was added by the refused call
    const file = DriveApp.getFileById(DocumentApp.create('Диплом').getId());
    file.addEditor('metodist@center.example');
    file.addViewer('metodist@center.example');
    expect(file.getViewers()).toEqual([]);
    file.addViewer('school47@school.example');
    file.addEditor('school47@school.example'); // promoted: an editor, no longer a viewer
    expect(file.getViewers()).toEqual([]);
  });
});
