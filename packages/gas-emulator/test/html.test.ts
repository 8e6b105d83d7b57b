/**
 * HtmlService fake — developers.google.com/apps-script/reference/html/html-service,
 * .../html/html-output, .../html/html-template and the templates guide
 * developers.google.com/apps-script/guides/html/templates (scriptlets, include pattern).
 */
import * as vm from 'vm';
import type { ProjectState } from '../src/core/state';
import { pdfText } from '../src/services/blob';
import { createHtmlService, escapeHtml, vmRunner } from '../src/services/html';
import { makeWs } from './fixtures/state';

function makeProject(files: Record<string, string> = {}): ProjectState {
  return {
    id: 'project-1',
    scriptId: 'script-1',
    container: { kind: 'SPREADSHEET', id: 'master' },
    scriptProperties: new Map(),
    userProperties: new Map(),
    documentProperties: new Map(),
    cache: new Map(),
    sidebars: [],
    dialogs: [],
    menus: [],
    alerts: [],
    htmlFiles: new Map(Object.entries(files)),
    logs: [],
  };
}

/** A bundle-like vm context whose globals include HtmlService, as loadBundle builds it. */
function bundle(
  files: Record<string, string>,
  source: string,
): { html: ReturnType<typeof createHtmlService>; context: vm.Context } {
  const context = vm.createContext({});
  const html = createHtmlService(makeWs(), makeProject(files), vmRunner(context));
  context.HtmlService = html;
  vm.runInContext(source, context);
  return { html, context };
}

describe('HtmlOutput (reference/html/html-output)', () => {
  it('createHtmlOutput(html) holds the content; append adds raw HTML', () => {
    const html = createHtmlService(makeWs(), makeProject());
    const out = html.createHtmlOutput('<b>Привет</b>').append('<i>!</i>');
    expect(out.getContent()).toBe('<b>Привет</b><i>!</i>');
  });

  it('appendUntrusted escapes the added content', () => {
    const out = createHtmlService(makeWs(), makeProject())
      .createHtmlOutput()
      .appendUntrusted('<script>"x" & \'y\'</script>');
    expect(out.getContent()).toBe('&lt;script&gt;&#34;x&#34; &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('setTitle / setWidth / setHeight are chainable and read back', () => {
    const out = createHtmlService(makeWs(), makeProject())
      .createHtmlOutput('x')
      .setTitle('Опорный центр')
      .setWidth(300)
      .setHeight(200);
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['Опорный центр', 300, 200]);
  });

  it('getWidth before setWidth is not modelled (the default depends on where it is shown)', () => {
    expect(() =>
      createHtmlService(makeWs(), makeProject()).createHtmlOutput('x').getWidth(),
    ).toThrow(/^emulator: HtmlOutput\.getWidth/);
  });

  it('setSandboxMode / setXFrameOptionsMode accept the service enums', () => {
    const html = createHtmlService(makeWs(), makeProject());
    const out = html
      .createHtmlOutput('x')
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL);
    expect(out.describe()).toMatchObject({ sandboxMode: 'IFRAME', xFrameOptionsMode: 'ALLOWALL' });
  });

  it('getAs("application/pdf") renders the page text into a PDF', () => {
    const out = createHtmlService(makeWs(), makeProject()).createHtmlOutput(
      '<h1>Сводка</h1><p>Итого 5</p>',
    );
    expect(pdfText(out.getAs('application/pdf'))).toContain('Сводка\nИтого 5');
  });

  it('methods the fake lacks throw "emulator: HtmlOutput.x is not implemented"', () => {
    expect(() =>
      createHtmlService(makeWs(), makeProject()).createHtmlOutput('x').getMetaTags(),
    ).toThrow('emulator: HtmlOutput.getMetaTags is not implemented');
  });
});

describe('HtmlService files (reference/html/html-service#createHtmlOutputFromFile(String))', () => {
  it('reads a project HTML file by name, with or without ".html"', () => {
    const html = createHtmlService(makeWs(), makeProject({ Sidebar: '<p>S</p>' }));
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>S</p>');
    expect(html.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>S</p>');
  });

  it('a missing file throws "No HTML file named … was found."', () => {
    expect(() =>
      createHtmlService(makeWs(), makeProject()).createHtmlOutputFromFile('Nope'),
    ).toThrow('No HTML file named Nope was found.');
  });

  it('getUserAgent is not modelled', () => {
    expect(() => createHtmlService(makeWs(), makeProject()).getUserAgent()).toThrow(
      'emulator: HtmlService.getUserAgent is not implemented',
    );
  });

  it('every call is recorded on the execution tracker', () => {
    const ws = makeWs();
    const html = createHtmlService(ws, makeProject({ A: 'a' }));
    ws.tracker.run('p', 'showSidebar', 'menu', ws.clock.now(), () =>
      html.createHtmlOutputFromFile('A').getContent(),
    );
    expect(ws.tracker.executions[0]!.calls).toEqual({
      'HtmlService.createHtmlOutputFromFile': 1,
      'HtmlOutput.getContent': 1,
    });
  });
});

describe('HtmlTemplate scriptlets (guides/html/templates)', () => {
  it('printing scriptlets <?= ?> escape their output (contextual escaping in HTML)', () => {
    const { html } = bundle({}, '');
    const t = html.createTemplate('<p><?= name ?></p>');
    t.name = '<b>Школа "№1" & Co</b>';
    expect(t.evaluate().getContent()).toBe('<p>&lt;b&gt;Школа &#34;№1&#34; &amp; Co&lt;/b&gt;</p>');
  });

  it('force-printing scriptlets <?!= ?> print without escaping', () => {
    const { html } = bundle({}, '');
    const t = html.createTemplate('<div><?!= markup ?></div>');
    t.markup = '<b>ok</b>';
    expect(t.evaluate().getContent()).toBe('<div><b>ok</b></div>');
  });

  it('standard scriptlets <? ?> run code that shapes the HTML (loops, conditions)', () => {
    const { html } = bundle({}, '');
    const t = html.createTemplate(
      '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><? if (false) { ?>never<? } ?>',
    );
    t.items = ['а', 'б'];
    expect(t.evaluate().getContent()).toBe('<ul><li>а</li><li>б</li></ul>');
  });

  it('scriptlets call the bundle’s global functions (they run in its context)', () => {
    const { html } = bundle({}, 'function remainingQuota() { return 42; }');
    expect(html.createTemplate('Квота: <?= remainingQuota() ?>').evaluate().getContent()).toBe(
      'Квота: 42',
    );
  });

  it('the include pattern: <?!= include("x") ?> inlines another file through the bundle', () => {
    const files = {
      Sidebar: '<html><head><?!= include("Styles") ?></head><body><?= title ?></body></html>',
      Styles: '<style>p { color: red; }</style>',
    };
    const { html } = bundle(
      files,
      'function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }',
    );
    const t = html.createTemplateFromFile('Sidebar');
    t.title = 'Сводка';
    expect(t.evaluate().getContent()).toBe(
      '<html><head><style>p { color: red; }</style></head><body>Сводка</body></html>',
    );
  });

  it('inside <script>, a printed value becomes a JavaScript literal (strings stay strings)', () => {
    const { html } = bundle({}, '');
    const t = html.createTemplate(
      '<script>var data = <?= json ?>; var n = <?= n ?>;</script><p><?= "<" ?></p>',
    );
    t.json = JSON.stringify({ a: '</script>' });
    t.n = 5;
    const content = t.evaluate().getContent();
    expect(content).toBe(
      '<script>var data = "{\\"a\\":\\"\\u003c/script\\u003e\\"}"; var n = 5;</script><p>&lt;</p>',
    );
    const data = vm.runInNewContext(
      content.slice('<script>'.length, content.indexOf('</script><p>')) + '; data',
    );
    expect(JSON.parse(data as string)).toEqual({ a: '</script>' });
  });

  it('null and undefined print as nothing', () => {
    const { html } = bundle({}, '');
    const t = html.createTemplate('[<?= missing ?>][<?!= missing ?>]');
    t.missing = undefined;
    expect(t.evaluate().getContent()).toBe('[][]');
  });

  it('getRawContent returns the template source', () => {
    const { html } = bundle({}, '');
    expect(html.createTemplate('<?= 1 ?>').getRawContent()).toBe('<?= 1 ?>');
  });

  it('evaluate without a bundle context is not modelled', () => {
    const t = createHtmlService(makeWs(), makeProject()).createTemplate('x');
    expect(() => t.evaluate()).toThrow(/^emulator: HtmlTemplate\.evaluate/);
  });

  it('HtmlOutput.asTemplate() turns output into a template', () => {
    const { html } = bundle({}, '');
    const t = html.createHtmlOutput('<?= 1 + 1 ?>').asTemplate();
    expect(t.evaluate().getContent()).toBe('2');
  });

  it('escapeHtml escapes & < > " \'', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&#34;&#39;');
  });
});
