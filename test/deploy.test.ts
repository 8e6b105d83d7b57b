/** `npm run deploy`: refuses without a script id, and never pushes before typecheck, lint and tests. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** A copy of the deploy script beside the given .clasp files, run with `args`. */
function run(files: Record<string, object>, args: string[]): { status: number; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.join(ROOT, 'scripts/deploy.mjs'), path.join(dir, 'scripts/deploy.mjs'));
  for (const [name, body] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), JSON.stringify(body));
  const r = spawnSync('node', [path.join(dir, 'scripts/deploy.mjs'), ...args], {
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, out: r.stdout + r.stderr };
}

test('the committed targets have placeholders: deploy refuses and names the file', () => {
  for (const [target, file] of [
    ['dev', '.clasp-dev.json'],
    ['prod', '.clasp-prod.json'],
  ] as const) {
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    expect(project.rootDir).toBe('build');
    const r = run({ [file]: project }, [target, '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.out).toContain(file);
  }
});

test('with a script id, the steps are typecheck, lint, test (which builds), then clasp push to that target', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
  const r = run({ '.clasp-prod.json': { scriptId: id, rootDir: 'build' } }, ['prod', '--dry-run']);
  expect(r.status).toBe(0);
  expect(r.out.trim().split('\n')).toEqual([
    '> npm run typecheck',
    '> npm run lint',
    '> npm test',
    '> npx clasp -P .clasp-prod.json push -f',
  ]);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.pretest).toBe('npm run build');
  expect(pkg.scripts.deploy).toBe('node scripts/deploy.mjs dev');
  expect(pkg.scripts['deploy:prod']).toBe('node scripts/deploy.mjs prod');
});

test('an unknown target is refused', () => {
  expect(run({}, ['staging', '--dry-run']).status).toBe(2);
});
