/**
 * `npm run deploy` (development target) and `npm run deploy:prod`: nothing is pushed unless the
 * code typechecks, lints and passes every test (which also builds build/). The target's script id
 * lives in .clasp-dev.json / .clasp-prod.json; `--dry-run` prints the steps without running them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { dev: '.clasp-dev.json', prod: '.clasp-prod.json' };

const target = process.argv[2] ?? 'dev';
const dryRun = process.argv.includes('--dry-run');
const projectFile = TARGETS[target];
if (!projectFile) {
  console.error(`Неизвестная цель «${target}»: dev или prod.`);
  process.exit(2);
}
const project = JSON.parse(fs.readFileSync(path.join(ROOT, projectFile), 'utf8'));
if (!/^[\w-]{20,}$/.test(project.scriptId ?? '') || /REPLACE/.test(project.scriptId)) {
  console.error(
    `В ${projectFile} не указан идентификатор скрипта (scriptId): возьмите его в «Настройках проекта» Apps Script.`,
  );
  process.exit(2);
}

const steps = [
  ['npm', ['run', 'typecheck']],
  ['npm', ['run', 'lint']],
  ['npm', ['test']],
  ['npx', ['clasp', '-P', projectFile, 'push', '-f']],
];
for (const [command, args] of steps) {
  console.log(`> ${command} ${args.join(' ')}`);
  if (dryRun) continue;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `Остановлено: «${command} ${args.join(' ')}» не прошёл, в Apps Script ничего не отправлено.`,
    );
    process.exit(result.status ?? 1);
  }
}
