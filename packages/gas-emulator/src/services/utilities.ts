/**
 * Utilities, Session, Logger and console of one project
 * (developers.google.com/apps-script/reference/utilities/utilities, …/base/session, …/base/logger).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import * as crypto from 'crypto';
import { makeEnum } from '../core/enums';
import { asGas, Fake, notImplemented, stubInterface } from '../core/errors';
import { isDate } from '../core/realm';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { newBlob } from './blob';
import { formatDate } from './format-date';
import { userOf } from './protection';

/** Utilities.DigestAlgorithm. */
export const DigestAlgorithm = makeEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
] as const);
/** Utilities.Charset. */
export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
/** Utilities.MacAlgorithm. */
export const MacAlgorithm = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Java bytes: signed −128..127, as every Apps Script Byte[] is. */
export function signedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: string | number[], charset?: unknown): Buffer {
  if (typeof value === 'string')
    return Buffer.from(value, String(charset ?? 'UTF_8') === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(Uint8Array.from(value, (b) => b & 0xff));
}

/** Utilities for one project. */
export class Utilities implements Fake<GoogleAppsScript.Utilities.Utilities, Utilities> {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly ctx: Ctx) {}

  /** Java SimpleDateFormat in an explicit time zone (utilities#formatdatedate,-timezone,-format). */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    record(this.ctx, 'Utilities.formatDate');
    if (!isDate(date))
      throw new Error(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    return formatDate(date, timeZone, format);
  }

  /** sprintf-style %s, %d, %f, %%. */
  formatString(template: string, ...args: any[]): string {
    record(this.ctx, 'Utilities.formatString');
    let i = 0;
    return template.replace(
      /%(\.\d+)?([sdif%])/g,
      (_m, precision: string | undefined, kind: string) => {
        if (kind === '%') return '%';
        const v = args[i++];
        if (kind === 'd' || kind === 'i') return String(Math.trunc(Number(v)));
        if (kind === 'f')
          return precision ? Number(v).toFixed(Number(precision.slice(1))) : String(Number(v));
        return String(v);
      },
    );
  }

  /** Pauses: adds modelled time to the execution; nothing else moves (utilities#sleepmilliseconds). */
  sleep(milliseconds: number): void {
    record(this.ctx, 'Utilities.sleep');
    if (milliseconds > 300000) throw new Error('Invalid argument: milliseconds');
    this.ctx.world.tracker.addTime(milliseconds);
  }

  /** A v4-shaped UUID, deterministic per workspace. */
  getUuid(): string {
    record(this.ctx, 'Utilities.getUuid');
    this.ctx.world.uuidCounter += 1;
    const hex = crypto
      .createHash('sha256')
      .update(`uuid:${this.ctx.world.uuidCounter}`)
      .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A new Blob (from the shared Blob implementation). */
  newBlob(
    data: string | number[],
    contentType?: string,
    name?: string,
  ): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'Utilities.newBlob');
    return asGas(newBlob(data, contentType, name, this.ctx.world.tracker));
  }

  /** Digest as signed bytes (utilities#computedigestalgorithm,-value,-charset). */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    record(this.ctx, 'Utilities.computeDigest');
    const name = NODE_DIGEST[String(algorithm)];
    if (!name) return notImplemented('Utilities', `computeDigest(${String(algorithm)})`);
    return signedBytes(crypto.createHash(name).update(toBuffer(value, charset)).digest());
  }

  /** HMAC-SHA256 as signed bytes. */
  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    record(this.ctx, 'Utilities.computeHmacSha256Signature');
    return signedBytes(
      crypto.createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }

  /** Base64 of a string (UTF-8) or bytes. */
  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    record(this.ctx, 'Utilities.base64Encode');
    return toBuffer(data, charset).toString('base64');
  }

  /** URL-safe Base64 ('-' and '_', padding kept, as Java's encoder does). */
  base64EncodeWebSafe(
    data: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    record(this.ctx, 'Utilities.base64EncodeWebSafe');
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** Bytes (signed) of a Base64 string. */
  base64Decode(encoded: string): number[] {
    record(this.ctx, 'Utilities.base64Decode');
    return signedBytes(Buffer.from(encoded, 'base64'));
  }

  /** Bytes (signed) of a URL-safe Base64 string. */
  base64DecodeWebSafe(encoded: string): number[] {
    record(this.ctx, 'Utilities.base64DecodeWebSafe');
    return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  /** RFC 4180 CSV into a 2-D array of strings. */
  parseCsv(csv: string, delimiter = ','): string[][] {
    record(this.ctx, 'Utilities.parseCsv');
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i]!;
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(cell);
        cell = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      } else cell += ch;
    }
    if (cell !== '' || row.length > 0) {
      row.push(cell);
      rows.push(row);
    }
    return rows;
  }
}
stubInterface(Utilities, 'Utilities.Utilities');

/** Session for one project: the single modelled user is both active and effective user. */
export class Session implements Fake<GoogleAppsScript.Base.Session, Session> {
  constructor(private readonly ctx: Ctx) {}

  /** The user running the script. */
  getActiveUser(): GoogleAppsScript.Base.User {
    record(this.ctx, 'Session.getActiveUser');
    return asGas(userOf(this.ctx.world.user));
  }

  /** The user whose authority the script runs with (same user here). */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    record(this.ctx, 'Session.getEffectiveUser');
    return asGas(userOf(this.ctx.world.user));
  }

  /** The script's time zone (appsscript.json). */
  getScriptTimeZone(): string {
    record(this.ctx, 'Session.getScriptTimeZone');
    return this.ctx.world.timeZone;
  }

  /** The user's language. */
  getActiveUserLocale(): string {
    record(this.ctx, 'Session.getActiveUserLocale');
    return this.ctx.world.locale.split('_')[0]!;
  }

  /** A key stable for this user and script, opaque. */
  getTemporaryActiveUserKey(): string {
    record(this.ctx, 'Session.getTemporaryActiveUserKey');
    return crypto
      .createHash('sha256')
      .update(`${this.ctx.project.id}:${this.ctx.world.user}`)
      .digest('base64')
      .slice(0, 43);
  }
}
stubInterface(Session, 'Base.Session');

/** How the two logs print a Date: Logger as Java's Date.toString, console as JavaScript's. */
const DATE_TEXT = {
  logger: "EEE MMM dd HH:mm:ss 'GMT'XXX yyyy",
  console: "EEE MMM dd yyyy HH:mm:ss 'GMT'Z (zzzz)",
} as const;

/**
 * One logged value as Apps Script writes it: strings as they are, errors as "Name: message",
 * dates as text in the script's time zone, other objects as JSON.
 */
function renderValue(value: unknown, timeZone: string, dates: keyof typeof DATE_TEXT): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return formatDate(value, timeZone, DATE_TEXT[dates]);
  if (Object.prototype.toString.call(value) === '[object Error]') {
    const e = value as Error;
    return `${e.name}: ${e.message}`;
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** A log line: a format string with %s %d %f, or the values joined by spaces. */
function render(args: unknown[], timeZone: string, dates: keyof typeof DATE_TEXT): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdf]/.test(first)) {
    let i = 0;
    return first.replace(/%[sdf]/g, () => renderValue(rest[i++], timeZone, dates));
  }
  return args.map((a) => renderValue(a, timeZone, dates)).join(' ');
}

/** Logger: lines go to the project's logs. */
export class Logger implements Fake<GoogleAppsScript.Base.Logger, Logger> {
  constructor(private readonly ctx: Ctx) {}

  /** Logs a line (format string with %s allowed). */
  log(data: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    record(this.ctx, 'Logger.log');
    this.ctx.project.logs.push(render([data, ...values], this.ctx.world.timeZone, 'logger'));
    return asGas(this);
  }

  /** The log of this project. */
  getLog(): string {
    return this.ctx.project.logs.join('\n');
  }

  /** Clears the log. */
  clear(): void {
    this.ctx.project.logs.length = 0;
  }
}
stubInterface(Logger, 'Base.Logger');

/** console of the bundle: log/info/warn/error into the project's logs, tagged by level. */
export function makeConsole(
  ctx: Ctx,
): Record<'log' | 'info' | 'warn' | 'error', (...args: unknown[]) => void> {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      record(ctx, `console.${level}`);
      const line = render(args, ctx.world.timeZone, 'console');
      ctx.project.logs.push(level === 'log' ? line : `[${level}] ${line}`);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
