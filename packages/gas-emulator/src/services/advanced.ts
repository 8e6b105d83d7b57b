/**
 * Advanced Google services: present in a project's context only when its manifest enables them
 * (appsscript.json `dependencies.enabledAdvancedServices`, each with `userSymbol`, `serviceId`,
 * `version`), as on Google. The Docs API v1 (documents/docs-api.ts) and the Sheets API v4
 * (sheets-api.ts) are implemented; any other enabled service is a global whose every member
 * throws the emulator's «not implemented».
 */
import * as fs from 'fs';
import * as path from 'path';
import { notImplemented } from '../core/errors';
import type { Ctx } from '../core/world';
import { createDocsService } from './documents/docs-api';
import { createSheetsService } from './sheets-api';

/** One entry of `dependencies.enabledAdvancedServices`. */
export interface AdvancedServiceEntry {
  userSymbol: string;
  serviceId: string;
  version: string;
}

/** The advanced services a project folder's appsscript.json enables ([] without a manifest). */
export function enabledAdvancedServices(dir: string): AdvancedServiceEntry[] {
  const file = path.join(dir, 'appsscript.json');
  if (!fs.existsSync(file)) return [];
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    dependencies?: { enabledAdvancedServices?: Partial<AdvancedServiceEntry>[] };
  };
  return (manifest.dependencies?.enabledAdvancedServices ?? [])
    .filter((s) => s.userSymbol && s.serviceId)
    .map((s) => ({ userSymbol: s.userSymbol!, serviceId: s.serviceId!, version: s.version ?? '' }));
}

/** A service the emulator does not have: every member throws «not implemented». */
function unimplementedService(entry: AdvancedServiceEntry): object {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== 'string') return undefined;
        return notImplemented(`${entry.userSymbol} (${entry.serviceId} ${entry.version})`, prop);
      },
    },
  );
}

/** Globals for the advanced services `dir`'s manifest enables, by their user symbol. */
export function advancedServiceGlobals(dir: string, ctx: Ctx): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const entry of enabledAdvancedServices(dir)) {
    globals[entry.userSymbol] =
      entry.serviceId === 'docs' && entry.version === 'v1'
        ? createDocsService(ctx.world)
        : entry.serviceId === 'sheets' && entry.version === 'v4'
          ? createSheetsService(ctx)
          : unimplementedService(entry);
  }
  return globals;
}
