// Bundles src/index.ts into build/Code.js for Apps Script and copies the manifest and sidebar HTML.
//
// Apps Script only sees top-level `function` declarations, so after the IIFE bundle (global `App`)
// we append one real function per export of src/index.ts. The export names come from the
// metafile of a probe ESM build, so nothing is listed by hand and nothing can be tree-shaken away.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'build');
const entry = path.join(root, 'src/index.ts');
const GLOBAL = 'App';
const TARGET = 'es2019';

/** Names exported by src/index.ts, read from an ESM probe build's metafile. */
async function exportedNames() {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: TARGET,
    write: false,
    metafile: true,
    outdir: path.join(outDir, 'probe'),
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error('build: the probe build produced no entry output');
  return output.exports.filter((name) => name !== 'default');
}

/** Bundles the sidebar client (src/ui/client/*.ts) into the HTML shells in src/ui/*.html. */
async function buildHtml() {
  const uiDir = path.join(root, 'src/ui');
  if (!fs.existsSync(uiDir)) return [];
  const written = [];
  for (const file of fs.readdirSync(uiDir).filter((f) => f.endsWith('.html'))) {
    let html = fs.readFileSync(path.join(uiDir, file), 'utf8');
    const marker = /<!-- bundle: ([\w./-]+) -->/g;
    for (const match of [...html.matchAll(marker)]) {
      const clientEntry = path.join(uiDir, match[1]);
      const result = await build({
        entryPoints: [clientEntry],
        bundle: true,
        format: 'iife',
        target: TARGET,
        write: false,
        minify: false,
        logLevel: 'silent',
      });
      // `</script` inside the bundle would end the tag early.
      const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = html.replace(match[0], () => `<script>\n${js}</script>`);
    }
    fs.writeFileSync(path.join(outDir, file), html);
    written.push(file);
  }
  return written;
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const names = await exportedNames();
  if (names.length === 0) throw new Error('build: src/index.ts exports no entry points');

  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: TARGET,
    platform: 'neutral',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const body = bundle.outputFiles[0].text;

  // Every export must be a function, or Apps Script would get a global it cannot call.
  const sandbox = {};
  vm.runInNewContext(`${body}\nthis.__app = ${GLOBAL};`, sandbox);
  const notFunctions = names.filter((name) => typeof sandbox.__app[name] !== 'function');
  if (notFunctions.length > 0) {
    throw new Error(
      `build: src/index.ts must export only functions; not a function: ${notFunctions.join(', ')}`,
    );
  }

  const footer = names
    .map(
      (name) =>
        `/** Entry point for Apps Script: delegates to ${GLOBAL}.${name}. */\n` +
        `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`,
    )
    .join('\n');
  fs.writeFileSync(path.join(outDir, 'Code.js'), `${body}\n${footer}\n`);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
  const html = await buildHtml();
  console.log(
    `build: build/Code.js (${names.length} entry points: ${names.join(', ')})` +
      (html.length ? `, ${html.join(', ')}` : ''),
  );
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
