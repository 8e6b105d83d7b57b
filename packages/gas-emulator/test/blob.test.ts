/**
 * Blob fake — developers.google.com/apps-script/reference/base/blob and
 * developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte[],String,String).
 */
import { ExecutionTracker } from '../src/core/execution';
import { Blob, buildPdf, newBlob, pdfText } from '../src/services/blob';

describe('Blob (reference/base/blob)', () => {
  it('newBlob(string) stores UTF-8; getDataAsString() reads it back', () => {
    const blob = newBlob('Справка № 1', 'text/plain', 'note.txt');
    expect(blob.getDataAsString()).toBe('Справка № 1');
    expect(blob.getDataAsString('UTF-8')).toBe('Справка № 1');
  });

  it('getBytes() returns Java bytes: signed, −128..127', () => {
    expect(newBlob('я').getBytes()).toEqual([-47, -113]);
    expect(newBlob('A').getBytes()).toEqual([65]);
  });

  it('newBlob(bytes) accepts signed bytes and setBytes round-trips them', () => {
    const blob = newBlob([-47, -113]);
    expect(blob.getDataAsString()).toBe('я');
    blob.setBytes([208, 176]);
    expect(blob.getDataAsString()).toBe('а');
    expect(blob.getBytes()).toEqual([-48, -80]);
  });

  it('getContentType() and getName() are null when unknown ("or null if unknown")', () => {
    const blob = newBlob('x');
    expect(blob.getContentType()).toBeNull();
    expect(blob.getName()).toBeNull();
  });

  it('setDataFromString(string, charset) encodes in that charset', () => {
    const blob = newBlob('').setDataFromString('é', 'ISO-8859-1');
    expect(blob.getBytes()).toEqual([-23]);
    expect(blob.getDataAsString('ISO-8859-1')).toBe('é');
  });

  it('setContentTypeFromExtension() infers the type, or sets null when it cannot', () => {
    expect(newBlob('x', null, 'a.pdf').setContentTypeFromExtension().getContentType()).toBe(
      'application/pdf',
    );
    expect(
      newBlob('x', 'text/plain', 'a.unknownext').setContentTypeFromExtension().getContentType(),
    ).toBeNull();
  });

  it('copyBlob() returns an independent copy', () => {
    const blob = newBlob('abc', 'text/plain', 'a.txt');
    const copy = blob.copyBlob();
    blob.setDataFromString('changed');
    expect(copy.getDataAsString()).toBe('abc');
    expect(copy.getName()).toBe('a.txt');
  });

  it('isGoogleType() is true only for Google Workspace mime types', () => {
    expect(newBlob('x', 'text/plain').isGoogleType()).toBe(false);
    expect(newBlob('x', 'application/vnd.google-apps.document').isGoogleType()).toBe(true);
  });

  it('getAs("application/pdf") converts text and replaces the last extension of the name', () => {
    const pdf = newBlob('Строка 1\nСтрока 2', 'text/plain', 'ShoppingList.12.25.2014').getAs(
      'application/pdf',
    );
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('ShoppingList.12.25.pdf');
    expect(pdf.getDataAsString('ISO-8859-1').startsWith('%PDF-1.4')).toBe(true);
    expect(pdfText(pdf)).toBe('Строка 1\nСтрока 2');
  });

  it('getAs("application/pdf") of HTML renders the text without tags', () => {
    const pdf = newBlob('<p>Итого: <b>5</b></p><p>&lt;ok&gt;</p>', 'text/html', 'page.html').getAs(
      'application/pdf',
    );
    expect(pdfText(pdf)).toContain('Итого: 5');
    expect(pdfText(pdf)).toContain('<ok>');
    expect(pdf.getName()).toBe('page.pdf');
  });

  it('getAs to a type outside the documented list throws', () => {
    expect(() => newBlob('x', 'text/plain').getAs('text/csv')).toThrow(/not supported/);
  });

  it('image conversions between formats are not modelled and say so', () => {
    expect(() => newBlob([1, 2], 'image/png').getAs('image/jpeg')).toThrow(
      /^emulator: Blob\.getAs/,
    );
  });

  it('methods the fake lacks throw "emulator: Blob.x is not implemented"', () => {
    const blob = newBlob('x') as unknown as { getAllBlobs(): unknown };
    expect(() => blob.getAllBlobs()).toThrow('emulator: Blob.getAllBlobs is not implemented');
  });

  it('records Blob.getAs at the conversion cost when it carries a tracker', () => {
    const tracker = new ExecutionTracker();
    tracker.run('p', 'f', 'test', new Date(), () =>
      new Blob(new Uint8Array([65]), 'text/plain', 'a.txt', tracker).getAs('application/pdf'),
    );
    expect(tracker.executions[0]!.calls['Blob.getAs']).toBe(1);
    expect(tracker.executions[0]!.modelledMs).toBe(1500);
  });
});

describe('buildPdf (the minimal PDF every export shares)', () => {
  it('writes a cross-reference table whose offsets point at their objects', () => {
    const pdf = Buffer.from(buildPdf(['Первая', 'Second'], 'Заголовок')).toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) =>
      expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true),
    );
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('paginates long text: every line survives extraction', () => {
    const lines = Array.from({ length: 130 }, (_, i) => `Строка ${i + 1}`);
    const pdf = buildPdf(lines);
    expect(
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type \/Page /g),
    ).toHaveLength(3);
    expect(pdfText(pdf).split('\n')).toEqual(lines);
  });
});
