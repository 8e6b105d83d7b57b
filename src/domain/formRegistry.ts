/**
 * The form registry: what each form is (its definition — title, questions, response-id prefix),
 * which family it projects with and which grouped tabs its answers fill. The generic code — the
 * projection (domain/intake.ts), the index of answers, the master's reads and writes, a submit and
 * the full intake — iterates over this table instead of naming forms. Each form's own logic stays
 * in its modules: its definition in forms.ts, its rules in validation.ts (or its projector's
 * module), its projector (and a new form's tab schema) in domain/projectors/. How to add a form:
 * README, «Как добавить форму».
 */
import { FORMS, type FormDefinition, type FormKind } from './forms';
import type { Projection } from './intake';
import type { RawResponse } from './responses';
import type { Projector } from './projection';
import { projectRegistrations } from './projectors/registration';
import { projectOrderForm } from './projectors/order';
import { projectReportForm } from './projectors/report';
import { projectResultForm } from './projectors/results';
import {
  FIXED_TABS,
  layout,
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  type TabLayout,
  type TabSchema,
} from './schema';

/** A record of a grouped tab: one block of rows per ОУ (workspace/groupedTabs.ts). */
export interface Grouped {
  schoolKey: string;
  sourceResponseId: string;
}

/** A grouped derived tab and the list of the projection that fills it. */
export interface GroupedTab {
  schema: TabSchema<Grouped>;
  records: (projection: Projection) => Grouped[];
}

const grouped = <R extends Grouped>(
  schema: TabSchema<R>,
  records: (projection: Projection) => R[],
): GroupedTab => ({ schema: schema as unknown as TabSchema<Grouped>, records });

/**
 * The grouped tabs, in the order of the index's block columns (domain/responseIndex.ts): the
 * order is part of the index's layout, so a new tab goes at the end.
 */
export const GROUPED_TABS: readonly GroupedTab[] = [
  grouped(PARTICIPANTS_SCHEMA, (p) => p.participants),
  grouped(ORDERS_SCHEMA, (p) => p.orders),
  grouped(REPORTS_SCHEMA, (p) => p.reports),
  grouped(RESULTS_SCHEMA, (p) => p.results),
];

export const GROUPED_SCHEMAS: readonly TabSchema<Grouped>[] = GROUPED_TABS.map((t) => t.schema);

/**
 * Every tab with a fixed header, in the order `setupSystem()` lays them out: the forms' tabs
 * (GROUPED_TABS), then the rest (schema.ts FIXED_TABS). Setup, protections and the source check
 * walk this list, so a form's own tab needs no other line.
 */
export const TABS: readonly TabLayout[] = [...GROUPED_SCHEMAS.map((s) => layout(s)), ...FIXED_TABS];

/**
 * The grouped tab of a form that brings its own (a line at the end of GROUPED_TABS; its record
 * type and schema beside its projector): its projector adds its records to `run.grouped` under
 * the tab's name, so neither the projection, its writers, setup nor the index change.
 */
export function ownTab<R extends Grouped>(schema: TabSchema<R>): GroupedTab {
  return grouped(schema, (p) => (p.grouped.get(schema.name) ?? []) as R[]);
}

/**
 * Forms whose answers depend on each other project together: participants carry their order
 * status and best result, orders and results are matched to participants; monthly reports stand
 * alone. A submit reads and rewrites only its family's sheets and tabs.
 */
export type FamilyName = 'participants' | 'reports';

export interface FormEntry {
  definition: FormDefinition;
  family: FamilyName;
  /**
   * Where its answers' rows stand in the derived tabs and «Требует проверки» (domain/intake.ts
   * `canonicalPosition`): lower first.
   */
  position: number;
  /** Its answers into the run's records (domain/projectors/*.ts). */
  project: Projector;
  /** The grouped tabs this form's answers fill, by name. */
  tabs: readonly string[];
}

const entry = (
  kind: FormKind,
  family: FamilyName,
  position: number,
  project: Projector,
  tabs: string[],
): FormEntry => ({
  definition: FORMS.find((f) => f.kind === kind)!,
  family,
  position,
  project,
  tabs,
});

/**
 * Every form, in the order of FORMS (the index's columns of rows, setup's order); the projection
 * runs the projectors in this order, so the registration, whose participants the others match,
 * comes first.
 */
export const FORM_REGISTRY: readonly FormEntry[] = [
  entry('registration', 'participants', 0, projectRegistrations, [PARTICIPANTS_SCHEMA.name]),
  entry('report', 'reports', 2, projectReportForm, [REPORTS_SCHEMA.name]),
  entry('order', 'participants', 1, projectOrderForm, [ORDERS_SCHEMA.name]),
  entry('results', 'participants', 3, projectResultForm, [RESULTS_SCHEMA.name]),
];

/** Response-id prefixes in the order of their rows (`position`). */
export const RESPONSE_ORDER: readonly string[] = [...FORM_REGISTRY]
  .sort((a, b) => a.position - b.position)
  .map((e) => e.definition.idPrefix);

/** The form a response id (`REG-5`) belongs to. */
export function formOfResponseId(responseId: string): FormDefinition | undefined {
  const prefix = responseId.split('-')[0];
  return FORM_REGISTRY.find((e) => e.definition.idPrefix === prefix)?.definition;
}

/** A family: its forms (registry order) and the grouped tabs they fill (index order). */
export interface Family {
  forms: FormKind[];
  tabs: string[];
}

/** The families, in the order of their first form. */
export const FAMILIES: readonly Family[] = FORM_REGISTRY.map((e) => e.family)
  .filter((name, i, all) => all.indexOf(name) === i)
  .map((name) => {
    const members = FORM_REGISTRY.filter((e) => e.family === name);
    const tabs = new Set(members.flatMap((e) => e.tabs));
    return {
      forms: members.map((e) => e.definition.kind),
      tabs: GROUPED_SCHEMAS.map((s) => s.name).filter((t) => tabs.has(t)),
    };
  });

/** The family of a form. */
export function familyOf(kind: FormKind): Family {
  return FAMILIES.find((f) => f.forms.includes(kind))!;
}

/** The raw responses of every form, by kind. */
export type RawForms = Record<FormKind, RawResponse[]>;

/** A RawForms with each form's responses mapped (in registry order). */
export function mapForms(
  map: (kind: FormKind, definition: FormDefinition) => RawResponse[],
): RawForms {
  const out = {} as RawForms;
  for (const { definition } of FORM_REGISTRY)
    out[definition.kind] = map(definition.kind, definition);
  return out;
}
