/**
 * The built bundle is what Apps Script runs: prove every entry point is a real global function,
 * that loading it needs nothing V8-in-Apps-Script lacks, and that the manifest is complete.
 */
import fs from 'fs';
import path from 'path';
import { buildSync } from 'esbuild';
import * as acorn from 'acorn';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local');

const root = path.resolve(__dirname, '..');
const buildDir = path.join(root, 'build');
const code = fs.readFileSync(path.join(buildDir, 'Code.js'), 'utf8');

/** Names exported by src/index.ts, found independently of the build script. */
function entryPoints(): string[] {
  const probe = buildSync({
    entryPoints: [path.join(root, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: path.join(root, 'out/.probe'),
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile!.outputs).find((o) => o.entryPoint);
  return output!.exports;
}

/** Globals Apps Script does not have; a getter makes any touch during loading fail loudly. */
const ABSENT = [
  'require',
  'process',
  'setTimeout',
  'setInterval',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
  'fetch',
  'module',
  'exports',
  'global',
];

function loadBundle(): Record<string, unknown> {
  const touched: string[] = [];
  const globals: Record<string, unknown> = {};
  for (const name of ABSENT) {
    Object.defineProperty(globals, name, {
      get() {
        touched.push(name);
        throw new ReferenceError(`${name} is not defined`);
      },
    });
  }
  const ctx = gas.require(buildDir, globals, { filter: (f: string) => f.endsWith('.js') });
  expect(touched).toEqual([]);
  return ctx;
}

describe('the Apps Script bundle', () => {
  const names = entryPoints();

  test('src/index.ts exports the entry points', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'onOpen',
        'onInstall',
        'setupSystem',
        'handleFormSubmit',
        'rebuildAll',
      ]),
    );
  });

  test('every export of src/index.ts is a global function after loading with gas-local', () => {
    const ctx = loadBundle();
    for (const name of names) {
      expect({ name, type: typeof ctx[name] }).toEqual({ name, type: 'function' });
    }
  });

  test('every entry point is a top-level function declaration Apps Script can list', () => {
    for (const name of names) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  test('the bundle parses as ES2019 (no ?., ??, class fields, top-level import/export)', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  test('the bundle names no global V8 in Apps Script lacks', () => {
    const ast = acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' });
    const used = new Set<string>();
    // A walk over every identifier in a read position: enough to catch `setTimeout(…)`, `new URL(…)`.
    const visit = (node: unknown, parentKey?: string, parent?: Record<string, unknown>): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n) => visit(n, parentKey, parent));
      const n = node as Record<string, unknown>;
      if (n.type === 'Identifier') {
        const isProperty =
          parent?.type === 'MemberExpression' && parentKey === 'property' && !parent.computed;
        const isKey = parent?.type === 'Property' && parentKey === 'key';
        if (!isProperty && !isKey) used.add(n.name as string);
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'type') visit(child, key, n);
    };
    visit(ast);
    expect(ABSENT.filter((name) => used.has(name))).toEqual([]);
  });

  test('the manifest: V8, Moscow time, Stackdriver logging, explicit minimal scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    const scopes: string[] = manifest.oauthScopes;
    const base = 'https://www.googleapis.com/auth/';
    for (const scope of [
      'spreadsheets.currentonly',
      'forms',
      'documents',
      'drive',
      'script.send_mail',
      'script.scriptapp',
      'script.container.ui',
      'userinfo.email',
    ]) {
      expect(scopes).toContain(base + scope);
    }
    expect(scopes.length).toBe(8);
  });
});
