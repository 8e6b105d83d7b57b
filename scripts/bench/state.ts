/**
 * The states `npm run bench` measures: a master spreadsheet after a season of answers from the
 * synthetic generator (scripts/district/generate.ts), stored with ws.seedResponses instead of one
 * form-submit trigger per answer, so a city-sized season builds in seconds rather than hours.
 */
import * as path from 'path';
import { createWorkspace, type Workspace } from '@opc/gas-emulator';
import type { BundleApp } from '@opc/gas-emulator';
import type { School } from '../../src/domain/model';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import {
  generateRegistry,
  generateSeason,
  type Choices,
  type GeneratedAnswer,
} from '../district/generate';
import { readChoices } from '../district/choices';
import { setSetting } from '../district/settings';

/** One measured scale. */
export interface Scenario {
  name: string;
  title: string;
  schools: number;
  participants: number;
  /**
   * The generator draws one district's school numbers (№ 1–700), so a city is built from
   * `districts` generated registries, each renamed to its own district: one master holds them all.
   */
  districts: number;
  seed: number;
  /** The season seeded: registrations, orders, results and reports from `from` to `to`. */
  from: string;
  to: string;
  /** The month the note and the summary are for. */
  period: string;
  /** The goal for one form submit's modelled time (issue 19: 1 s in a district, the default; 2 s in a city). */
  submitGoalMs?: number;
  /** Deadline day: this many submits from as many ОУ within `deadlineMinutes` (ws.burst). */
  deadlineSubmits?: number;
  deadlineMinutes?: number;
}

/** The season ends on 2 December: the next morning's daily run is an ordinary one (before noteDay). */
const SEASON = { from: '2021-09-01', to: '2021-12-02', period: '2021-11' };

export const SCENARIOS: Record<string, Scenario> = {
  district: {
    name: 'district',
    title: 'район: 100 ОУ, 3 000 участников',
    schools: 100,
    participants: 3000,
    districts: 1,
    seed: 2021,
    ...SEASON,
    submitGoalMs: 1000,
  },
  large: {
    name: 'large',
    title: 'крупный район: 200 ОУ, 6 000 участников',
    schools: 200,
    participants: 6000,
    districts: 1,
    seed: 2022,
    ...SEASON,
    submitGoalMs: 1000,
    deadlineSubmits: 200,
    deadlineMinutes: 10,
  },
  city: {
    name: 'city',
    title: 'город: 2 000 ОУ, 50 000 участников, один мастер',
    schools: 2000,
    participants: 50000,
    districts: 10,
    seed: 2023,
    ...SEASON,
    submitGoalMs: 2000,
  },
};

const DISTRICTS = [
  ['Невский', 'Невского'],
  ['Адмиралтейский', 'Адмиралтейского'],
  ['Василеостровский', 'Василеостровского'],
  ['Выборгский', 'Выборгского'],
  ['Калининский', 'Калининского'],
  ['Кировский', 'Кировского'],
  ['Колпинский', 'Колпинского'],
  ['Красногвардейский', 'Красногвардейского'],
  ['Красносельский', 'Красносельского'],
  ['Московский', 'Московского'],
] as const;

/**
 * The registry of a scenario: the generator's district as is, or several generated districts
 * renamed so that keys, labels and aliases stay unique across the city.
 */
export function scenarioRegistry(s: Scenario): School[] {
  if (s.districts <= 1) return generateRegistry(s.seed, s.schools);
  const per = Math.ceil(s.schools / s.districts);
  const out: School[] = [];
  for (let d = 0; d < s.districts && out.length < s.schools; d++) {
    const [name, genitive] = DISTRICTS[d % DISTRICTS.length]!;
    const suffix = d === 0 ? '' : `-${d + 1}`;
    const tag = d === 0 ? '' : ` (${name})`;
    for (const school of generateRegistry(s.seed + d, Math.min(per, s.schools - out.length))) {
      out.push({
        ...school,
        key: school.key + suffix,
        district: name,
        officialName: school.officialName.replace(/Невского/g, genitive),
        shortName: school.shortName.replace(/Невского/g, genitive) + tag,
        aliases: school.aliases.map((a) => a.replace(/Невского/g, genitive) + tag),
        emails: school.emails.map((e) => e.replace('@', `${suffix}@`)),
      });
    }
  }
  return out;
}

/** A built state: the workspace, the loaded bundle and what was seeded. */
export interface BenchState {
  ws: Workspace;
  app: BundleApp;
  registry: School[];
  choices: Choices;
  answers: GeneratedAnswer[];
  seeded: Record<GeneratedAnswer['form'], number>;
  rejected: number;
  /** Wall milliseconds: generating the answers, seeding them. */
  generateMs: number;
  seedMs: number;
}

const FORM_TITLE: Record<GeneratedAnswer['form'], string> = FORMS_RU.titles;

/** Sets up the system, pastes the registry and seeds the season's answers (no trigger fires). */
export function buildState(
  s: Scenario,
  bundleDir: string,
  log: (line: string) => void = () => undefined,
): BenchState {
  const ws = createWorkspace({
    now: `${s.to}T21:00:00+03:00`,
    timeZone: 'Europe/Moscow',
    user: 'metodist@center.example',
    triggerErrors: 'record',
  });
  const app = ws.loadBundle(path.resolve(bundleDir));
  app.call('setupSystem');
  const registry = scenarioRegistry(s);
  const tab = ws.spreadsheet().getSheetByName('ОУ')!;
  // Staff pasting 2,000 rows get the rows Sheets adds for a paste.
  if (tab.getMaxRows() < registry.length + 1)
    tab.insertRowsAfter(tab.getMaxRows(), registry.length + 1 - tab.getMaxRows());
  tab
    .getRange(2, 1, registry.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(registry.map((x) => toRow(SCHOOLS_SCHEMA, x)) as never);
  app.call('setupSystem'); // refreshes the dropdowns from the registry
  ws.uploadFileItem(FORM_TITLE.order, FORMS_RU.questions.orderFile);
  setSetting(ws, 'recipients', 'director@center.example, zam@center.example');

  let started = Date.now();
  const choices = readChoices(
    ws,
    registry.map((x) => x.shortName),
  );
  const answers = generateSeason(registry, choices, s);
  const generateMs = Date.now() - started;
  log(`  ответы сгенерированы: ${answers.length} за ${(generateMs / 1000).toFixed(1)} с`);

  started = Date.now();
  const seeded = { registration: 0, report: 0, order: 0, results: 0 };
  let rejected = 0;
  for (const form of Object.keys(seeded) as GeneratedAnswer['form'][]) {
    const items = answers
      .filter((a) => a.form === form)
      .map((a) => ({ answers: a.answers, respondent: a.respondent, at: a.at }));
    const r = ws.seedResponses(FORM_TITLE[form], items, { invalid: 'skip' });
    seeded[form] = r.seeded;
    rejected += r.rejected;
  }
  const seedMs = Date.now() - started;
  log(
    `  ответы записаны в листы ответов: ${JSON.stringify(seeded)}, отклонено формами: ${rejected}, ${(seedMs / 1000).toFixed(1)} с`,
  );
  ws.resetCosts(); // set-up is not what is measured
  return { ws, app, registry, choices, answers, seeded, rejected, generateMs, seedMs };
}
