/**
 * Lists, per emulated Apps Script class, the methods the emulator implements and how many of the
 * interface's methods throw "not implemented". Run: npm run coverage -w gas-emulator
 */
import { INTERFACE_METHODS } from '../core/interface-methods.generated';
import * as services from './coverage-classes';

/** The namespaces of the services the emulator implements (class names repeat across others). */
const EMULATED = new Set([
  'Base',
  'Cache',
  'Charts',
  'Document',
  'Drive',
  'Forms',
  'Gmail',
  'HTML',
  'Lock',
  'Mail',
  'Properties',
  'Script',
  'Spreadsheet',
  'URL_Fetch',
  'Utilities',
]);

const rows: string[] = [];
for (const [typeName, methods] of Object.entries(INTERFACE_METHODS).sort()) {
  if (!EMULATED.has(typeName.split('.')[0]!)) continue;
  const className = typeName.split('.').pop()!;
  // A class name two services share (Document.ListItem, Forms.ListItem) is listed qualified.
  const classes = services.CLASSES as Record<string, { prototype: object } | undefined>;
  const cls = classes[typeName] ?? classes[className];
  if (!cls) continue;
  const implemented: string[] = [];
  let stubbed = 0;
  for (const name of methods) {
    let proto: object | null = cls.prototype;
    let fn: unknown;
    while (proto && fn === undefined) {
      fn = Object.getOwnPropertyDescriptor(proto, name)?.value;
      proto = Object.getPrototypeOf(proto);
    }
    if (typeof fn === 'function' && fn.name !== 'unimplemented') implemented.push(name);
    else stubbed++;
  }
  rows.push(`| ${typeName} | ${implemented.length} | ${stubbed} | ${implemented.join(', ')} |`);
}
console.log('| class | implemented | throw | implemented methods |\n|---|---:|---:|---|');
console.log(rows.join('\n'));
