/**
 * Every built-in global of Apps Script in the bundle's context: the services the emulator
 * implements, and for the rest an object whose methods throw "emulator: X.y is not implemented"
 * (never a ReferenceError); every enum a service carries (DriveApp.Access,
 * SpreadsheetApp.Dimension, …) is present with its values, from the generated tables.
 */
import { makeEnum, type EnumValue } from './enums';
import { notImplemented } from './errors';
import { ENUMS, GLOBAL_SERVICES, INTERFACE_ENUMS } from './globals.generated';
import { INTERFACE_METHODS } from './interface-methods.generated';

/**
 * Names the typings declare that a script does not have: typing artefacts (Date2, top-level
 * Charset and the algorithm enums live under Utilities) and retired services (ScriptProperties
 * and UserProperties were removed for PropertiesService; the Contacts service and classic Sites
 * were turned down).
 */
const NOT_GLOBALS = new Set([
  'Date2',
  'Charset',
  'DigestAlgorithm',
  'MacAlgorithm',
  'RsaAlgorithm',
  'ScriptProperties',
  'UserProperties',
  'ContactsApp',
  'SitesApp',
]);

/** One frozen enum object per enum type, shared by every service that exposes it. */
const enumObjects = new Map<string, Record<string, EnumValue>>();

function enumObject(type: string): Record<string, EnumValue> | undefined {
  const values = ENUMS[type];
  if (!values) return undefined;
  let e = enumObjects.get(type);
  if (!e) {
    e = makeEnum(values);
    enumObjects.set(type, e);
  }
  return e;
}

/** Adds to `service` the methods (throwing) and enums of `type` it lacks. */
function complete(service: object, name: string, type: string): void {
  const target = service as Record<string, unknown>;
  for (const method of INTERFACE_METHODS[type] ?? []) {
    if (method in target) continue;
    Object.defineProperty(target, method, {
      value: function unimplemented(): never {
        return notImplemented(name, method);
      },
      configurable: true,
      writable: true,
    });
  }
  for (const [prop, enumType] of Object.entries(INTERFACE_ENUMS[type] ?? {})) {
    if (prop in target) continue;
    const value = enumObject(enumType);
    if (value) Object.defineProperty(target, prop, { value, enumerable: true, configurable: true });
  }
}

/** The built-in global names of Apps Script (retired services and typing artefacts left out). */
export function appsScriptGlobalNames(): string[] {
  return Object.keys(GLOBAL_SERVICES).filter((n) => !NOT_GLOBALS.has(n));
}

/**
 * The bundle's globals: `implemented` (services the emulator has) completed with every other
 * built-in service as a stub object, and every service's missing methods and enums.
 */
export function appsScriptGlobals(implemented: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...implemented };
  for (const name of appsScriptGlobalNames()) {
    const type = GLOBAL_SERVICES[name]!;
    if (!(name in out)) out[name] = {};
    const service = out[name];
    if (typeof service === 'object' && service !== null) complete(service, name, type);
  }
  return out;
}
