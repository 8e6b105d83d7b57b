/**
 * The staff-owned reference tabs forgive and speak. A row of «ОУ» with only the official (or
 * short) name gets its key, type and number by the DOMAIN.md recipe — in memory at once, and in
 * the tab's empty cells by the next full run (never over what staff typed). What cannot be
 * derived, a key used twice (two schools would merge), an ОУ without an address (no letter reaches
 * it), a competency without a programme and an address the mail service refused each become a line
 * of «Требует проверки» saying what to fill.
 * Pure: the adapter reads the rows and writes the fills.
 */
import type { Competency, QualityIssue, School } from './model';
import { parseSchoolKey, schoolKey } from './text/schools';
import { matchKey } from './text/clean';
import { sha256, toHex } from './hash';
import { REGISTRY_RU } from '../i18n/ru/registry';

/** A row of a reference tab with its sheet row (1-based). */
export interface SheetRow<T> {
  row: number;
  record: T;
}

/** A cell of «ОУ» the app fills because staff left it empty. */
export interface RegistryFill {
  row: number;
  field: 'key' | 'type' | 'number';
  value: string;
}

/** What the check found: the schools as the app uses them, the cells to fill, the problems. */
export interface RegistryCheck {
  schools: School[];
  fills: RegistryFill[];
  issues: QualityIssue[];
}

/** Response-id prefixes of the reference tabs' lines in «Требует проверки» (after the forms'). */
export const SCHOOLS_ISSUE_PREFIX = 'ОУ';
export const COMPETENCIES_ISSUE_PREFIX = 'КОМП';

function issue(
  prefix: string,
  tab: string,
  row: number,
  field: string,
  value: string,
  rule: string,
  problem: string,
  suggestion: string,
): QualityIssue {
  const responseId = `${prefix}-${row}`;
  return {
    key: `Q-${toHex(sha256([responseId, field, rule, value].join('\u0001'))).slice(0, 12)}`,
    detectedAt: null,
    responseId,
    form: REGISTRY_RU.tab(tab),
    field,
    value,
    problem,
    suggestion,
    status: REGISTRY_RU.statusNew,
  };
}

/**
 * Completes and checks the rows of «ОУ» (rows without any name or key are ignored), the
 * competencies, and the addresses the mail service refused (`badAddresses`, by ОУ key).
 */
export function checkRegistry(
  rows: readonly SheetRow<School>[],
  competencies: readonly SheetRow<Competency>[] = [],
  badAddresses: readonly { schoolKey: string; address: string; error: string }[] = [],
): RegistryCheck {
  const schools: School[] = [];
  const fills: RegistryFill[] = [];
  const issues: QualityIssue[] = [];
  const firstRowOfKey = new Map<string, number>();
  const RU = REGISTRY_RU;
  for (const { row, record } of rows) {
    const school = { ...record };
    const named = school.officialName || school.shortName;
    if (!school.key && !named) continue;
    if (!school.key) {
      const derived = schoolKey(named);
      if (!derived.ok) {
        issues.push(
          issue(
            SCHOOLS_ISSUE_PREFIX,
            'ОУ',
            row,
            RU.keyColumn,
            named,
            'registry-no-key',
            RU.noKey(named, derived.message),
            RU.noKeySuggestion,
          ),
        );
        continue;
      }
      school.key = derived.key;
      fills.push({ row, field: 'key', value: derived.key });
      if (!school.type) {
        school.type = derived.type;
        fills.push({ row, field: 'type', value: derived.type });
      }
      if (!school.number && derived.number) {
        school.number = derived.number;
        fills.push({ row, field: 'number', value: derived.number });
      }
    } else {
      const parsed = parseSchoolKey(school.key);
      if (parsed && !school.type) {
        school.type = parsed.type;
        fills.push({ row, field: 'type', value: parsed.type });
      }
      if (parsed && !school.number && /^\d+$/.test(parsed.suffix)) {
        school.number = parsed.suffix;
        fills.push({ row, field: 'number', value: parsed.suffix });
      }
    }
    const id = matchKey(school.key);
    const first = firstRowOfKey.get(id);
    if (first !== undefined) {
      issues.push(
        issue(
          SCHOOLS_ISSUE_PREFIX,
          'ОУ',
          row,
          RU.keyColumn,
          school.key,
          'registry-duplicate-key',
          RU.duplicateKey(school.key, first),
          RU.duplicateKeySuggestion,
        ),
      );
      continue; // the first row of a key stands; the second would merge two schools silently
    }
    firstRowOfKey.set(id, row);
    if (school.emails.length === 0) {
      issues.push(
        issue(
          SCHOOLS_ISSUE_PREFIX,
          'ОУ',
          row,
          RU.emailColumn,
          named || school.key,
          'registry-no-email',
          RU.noEmail,
          RU.noEmailSuggestion,
        ),
      );
    }
    for (const bad of badAddresses) {
      if (bad.schoolKey !== school.key) continue;
      if (!school.emails.some((e) => e.trim().toLowerCase() === bad.address)) continue;
      issues.push(
        issue(
          SCHOOLS_ISSUE_PREFIX,
          'ОУ',
          row,
          RU.emailColumn,
          bad.address,
          'registry-bad-address',
          RU.badAddress(bad.address, bad.error),
          RU.badAddressSuggestion,
        ),
      );
    }
    schools.push(school);
  }
  for (const { row, record } of competencies) {
    if (record.name && !record.programme) {
      issues.push(
        issue(
          COMPETENCIES_ISSUE_PREFIX,
          'Компетенции',
          row,
          RU.programmeColumn,
          record.name,
          'registry-no-programme',
          RU.noProgramme(record.name),
          RU.noProgrammeSuggestion,
        ),
      );
    }
  }
  return { schools, fills, issues };
}
