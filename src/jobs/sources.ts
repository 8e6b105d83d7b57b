/**
 * The daily look at every source of the projection: each form exists, is linked to this
 * spreadsheet, has its response sheet and every question it had at set-up (by item id). What is
 * missing stops that form's projection (jobs/intake.ts leaves its tabs alone), is journaled once,
 * shown in red in the sidebar's health and mailed to staff; set-up repairs it.
 */
import { FORMS } from '../domain/forms';
import { checkFormSources } from '../workspace/forms';
import {
  formIdOf,
  recordMissingSources,
  recordQuestionIds,
  responseSheet,
  spreadsheetIdOf,
  type MissingSource,
} from '../workspace/sources';
import type { JournalEntry } from '../workspace/journal';
import { describeMissing } from './intake';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import type { Settings } from '../domain/settings';
import { splitLetter } from '../domain/mail';
import { staffOf } from '../workspace/access';
import { enqueueLetters } from '../workspace/mailQueue';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the check found: everything missing now, what is newly missing, journal entries. */
export interface SourceCheck {
  missing: MissingSource[];
  added: MissingSource[];
  entries: JournalEntry[];
}

/** Checks every form's sources and records the result; the caller holds the lock. */
export function checkSources(spreadsheet: Spreadsheet): SourceCheck {
  const now: Omit<MissingSource, 'since'>[] = [];
  const spreadsheetId = spreadsheetIdOf(spreadsheet);
  for (const definition of FORMS) {
    const { missing, renamed } = checkFormSources(spreadsheetId, definition);
    now.push(...missing);
    if (Object.keys(renamed).length > 0) recordQuestionIds({ [definition.kind]: renamed });
    if (
      missing.length === 0 &&
      !responseSheet(spreadsheet, definition, formIdOf(definition.kind))
    ) {
      now.push({ kind: definition.kind, what: 'sheet', detail: definition.title });
    }
  }
  const { added, all } = recordMissingSources(now);
  const entries: JournalEntry[] = added.map((m) => ({
    at: new Date(),
    job: 'sources',
    outcome: 'error',
    details: RELIABILITY_RU.sources.stopped(describeMissing([m])),
  }));
  return { missing: all, added, entries };
}

/** Queues one letter per staff member about sources newly found missing (sent by the drain). */
export function alertStaff(
  spreadsheet: Spreadsheet,
  settings: Settings,
  added: readonly MissingSource[],
): number {
  const staff = staffOf(settings);
  if (staff.length === 0 || added.length === 0) return 0;
  const problems = describeMissing(added);
  const id = `alert:sources:${added.map((m) => `${m.kind}.${m.what}.${m.since}`).join(',')}`;
  return enqueueLetters(
    spreadsheet,
    splitLetter(
      {
        id,
        kind: 'alert',
        subject: RELIABILITY_RU.sources.alertSubject,
        body: RELIABILITY_RU.sources.alertBody(problems, spreadsheet.getUrl()),
        senderName: settings.centreName,
      },
      staff,
    ),
  );
}
