/**
 * The forms' dropdown choices and the reference tabs as the emulator holds them: what the district
 * generator needs. Shared by `npm start` (scripts/start.ts) and `npm run bench` (scripts/bench).
 */
import type { Workspace } from '@opc/gas-emulator';
import { AGE_CATEGORIES_TAB, COMPETENCIES_TAB, EVENTS_TAB } from '../../src/domain/schema';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import type { Choices } from './generate';

/**
 * Reads the choices school `i` of `shortNames` answers with (label i is school i's). An event
 * staff left without a date is offered by the form too; the generator learns when it was really
 * held from `hiddenDates` (events without one there are not answered for).
 */
export function readChoices(
  ws: Workspace,
  shortNames: string[],
  hiddenDates: ReadonlyMap<string, { start: Date; end: Date }> = new Map(),
): Choices {
  const titles = FORMS_RU.titles;
  const forms = ws.forms();
  const item = (form: string, title: string): string[] =>
    forms
      .filter((f) => f.title === form)
      .pop()
      ?.items.find((i) => i.title === title)?.choices ?? [];
  const q = FORMS_RU.questions;
  const offered = item(titles.registration, q.school);
  const exact = new Set(offered);
  // The registry order matters (school i answers as label i): map each school to its dropdown label.
  const schoolLabels = shortNames.map((n) =>
    exact.has(n) ? n : (offered.find((l) => l.includes(n)) ?? offered[0]!),
  );
  const eventNames = new Set(item(titles.registration, q.event));
  const asDate = (v: unknown): Date | null =>
    v instanceof Date ? v : v ? new Date(String(v)) : null;
  const events = ws
    .sheetValues(EVENTS_TAB)
    .slice(1)
    .filter((r) => eventNames.has(String(r[0])))
    .map((r) => {
      const hidden = hiddenDates.get(String(r[0]));
      const start = asDate(r[4]) ?? hidden?.start ?? null;
      return {
        name: String(r[0]),
        programme: String(r[1] ?? ''),
        start: start!,
        end: asDate(r[5]) ?? hidden?.end ?? start!,
        registrationUntil: asDate(r[6]),
      };
    })
    .filter((e) => e.start && !Number.isNaN(e.start.getTime()));
  const compNames = new Set(item(titles.registration, q.competency));
  const cats = new Set(item(titles.registration, q.ageCategory));
  const competencies = ws
    .sheetValues(COMPETENCIES_TAB)
    .slice(1)
    .filter((r) => compNames.has(String(r[0])))
    .map((r) => ({
      name: String(r[0]),
      programme: String(r[1] ?? ''),
      ageCategories: String(r[2] ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter((c) => cats.has(c)),
    }))
    .filter((c) => c.ageCategories.length > 0);
  const ageCategories = ws
    .sheetValues(AGE_CATEGORIES_TAB)
    .slice(1)
    .filter((r) => cats.has(String(r[0])))
    .map((r) => ({
      name: String(r[0]),
      programme: String(r[1] ?? ''),
      bounds: String(r[2] ?? ''),
    }));
  const settings = ws.sheetValues('Настройки');
  const deadline = Number(settings.find((r) => r[2] === 'reportDeadlineDay')?.[1]) || 5;
  return {
    schoolLabels,
    events,
    competencies,
    ageCategories,
    months: item(titles.report, q.month),
    resultKinds: item(titles.results, q.result),
    reportDeadlineDay: deadline,
  };
}
