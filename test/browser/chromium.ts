/**
 * The Chromium that the browser tests drive through playwright-core, found in this order:
 * 1. `CHROMIUM_PATH`, when set (and then only it: a path asked for is never swapped for another);
 * 2. Debian's `/usr/bin/chromium`, when it exists (CI installs it with apt);
 * 3. the chrome-headless-shell that the devDependency `@sparticuz/chromium` carries in its registry
 *    package (x64 Linux): unpacked once into `node_modules/.cache/`, with the NSS libraries and
 *    the fonts it ships beside it, so a machine with Node alone can run the tests.
 * When none of them launches, `launchChromium` throws with what was tried and why it failed: the
 * browser tests fail, they are never skipped.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { pipeline } from 'stream/promises';
import zlib from 'zlib';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags every browser test launches with, whichever Chromium was found. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A Chromium to launch: its binary, the environment it needs, and where it came from. */
export interface ChromiumCandidate {
  /** Where it came from, for messages: `CHROMIUM_PATH`, `Debian` or `@sparticuz/chromium <version>`. */
  readonly source: string;
  /** The browser's binary. */
  readonly executablePath: string;
  /** Variables added to the test process's environment for the browser process. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Unpacks the Chromium of `@sparticuz/chromium` (once per version) and returns how to launch it:
 * `chromium.br` becomes the binary, `al2023.tar.br` the NSS libraries put on `LD_LIBRARY_PATH`
 * (the package itself unpacks them only on Amazon Linux), `fonts.tar.br` Open Sans, added to the
 * machine's own fontconfig setup so that text renders where the machine has no fonts.
 * `swiftshader.tar.br` is left packed: the tests run with `--disable-gpu`.
 * Throws when the package is not installed or carries no binary for this machine.
 */
export async function packagedChromium(): Promise<ChromiumCandidate> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `it carries a Chromium for x64 Linux only, this is ${process.platform}/${process.arch}`,
    );
  }
  const pkg = packageDir('@sparticuz/chromium');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  const bin = path.join(pkg, 'bin');
  const cache = path.join(pkg, '..', '..', '.cache', `sparticuz-chromium-${version}`);
  if (!fs.existsSync(path.join(cache, 'chromium'))) await unpack(bin, cache);
  return {
    source: `@sparticuz/chromium ${version}`,
    executablePath: path.join(cache, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [path.join(cache, 'lib'), process.env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(':'),
      FONTCONFIG_FILE: path.join(cache, 'fonts.conf'),
    },
  };
}

/**
 * The candidates in the order of the module's comment, each to be found only when asked for (so
 * the packaged one is unpacked only when Debian's is missing or fails): only the one
 * `CHROMIUM_PATH` names when it is set, else Debian's when it exists, then the packaged one.
 */
export function chromiumCandidates(): {
  source: string;
  find: () => Promise<ChromiumCandidate>;
}[] {
  const named = (source: string, executablePath: string) => ({
    source,
    find: async (): Promise<ChromiumCandidate> => ({ source, executablePath, env: {} }),
  });
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return [named('CHROMIUM_PATH', fromEnv)];
  const packaged = { source: '@sparticuz/chromium', find: packagedChromium };
  return fs.existsSync(DEBIAN_CHROMIUM) ? [named('Debian', DEBIAN_CHROMIUM), packaged] : [packaged];
}

/**
 * Launches the first candidate that starts, with `CHROMIUM_ARGS`. Throws, naming each candidate
 * tried and its failure, when none does.
 */
export async function launchChromium(): Promise<Browser> {
  const failures: string[] = [];
  for (const { source: name, find } of chromiumCandidates()) {
    let candidate: ChromiumCandidate;
    try {
      candidate = await find();
    } catch (error) {
      failures.push(`${name}: ${message(error)}`);
      continue;
    }
    const { source, executablePath, env } = candidate;
    try {
      if (!fs.existsSync(executablePath)) throw new Error('no such file');
      return await chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
        env: { ...stringEnv(process.env), ...env },
      });
    } catch (error) {
      failures.push(`${source} (${executablePath}): ${message(error)}`);
    }
  }
  throw new Error(
    [
      'No Chromium could be launched for the browser tests, which cannot be skipped. Tried:',
      ...failures.map((f) => `  - ${f}`),
      process.env.CHROMIUM_PATH
        ? "Fix CHROMIUM_PATH, or unset it to use Debian's or the packaged Chromium."
        : "Run `npm ci` (it installs @sparticuz/chromium), install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.",
    ].join('\n'),
  );
}

/** The folder of an installed package (its `exports` hide package.json from require.resolve). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !isPackage(dir, name)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${name} resolved, but its package.json was not found`);
    dir = parent;
  }
  return dir;
}

function isPackage(dir: string, name: string): boolean {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name?: string;
  };
  return json.name === name;
}

/** Unpacks into a private folder and renames it into place, so a half-done unpack is never used. */
async function unpack(bin: string, cache: string): Promise<void> {
  for (const file of ['chromium.br', 'al2023.tar.br', 'fonts.tar.br']) {
    if (!fs.existsSync(path.join(bin, file))) throw new Error(`${file} is missing from ${bin}`);
  }
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const work = fs.mkdtempSync(`${cache}.unpacking-`);
  try {
    await pipeline(
      fs.createReadStream(path.join(bin, 'chromium.br')),
      zlib.createBrotliDecompress(),
      fs.createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }),
    );
    // al2023.tar.br holds lib/libnss3.so, lib/libnspr4.so, …; fonts.tar.br fonts.conf and fonts/.
    untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'al2023.tar.br'))), work);
    untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'fonts.tar.br'))), work);
    // The package's fonts.conf names Lambda's folders; ours names the unpacked fonts and keeps
    // whatever the machine has.
    fs.writeFileSync(
      path.join(work, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${path.join(cache, 'fonts')}</dir>`,
        `  <cachedir>${path.join(os.tmpdir(), 'sparticuz-chromium-fontconfig')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    try {
      fs.renameSync(work, cache);
    } catch (error) {
      // Another test process got there first: its copy is as good as ours.
      if (!fs.existsSync(path.join(cache, 'chromium'))) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes the regular files and folders of a tar archive (ustar or GNU, as the package ships) under
 * `dest`; any other kind of entry, or a name reaching outside `dest`, is an error.
 */
function untar(archive: Buffer, dest: string): void {
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const target = path.resolve(dest, name);
    if (target !== dest && !target.startsWith(dest + path.sep)) {
      throw new Error(`tar entry ${name} would be written outside ${dest}`);
    }
    const body = offset + 512;
    if (type === '5') {
      fs.mkdirSync(target, { recursive: true });
    } else if (type === '0' || type === '\0') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, archive.subarray(body, body + size), {
        mode: parseInt(field(100, 8).trim() || '644', 8) & 0o777,
      });
    } else {
      throw new Error(`tar entry ${name} has type ${JSON.stringify(type)}, which is not unpacked`);
    }
    offset = body + Math.ceil(size / 512) * 512;
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
