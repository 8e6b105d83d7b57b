/**
 * The monthly report form's projector: one report per ОУ and month, a corrected report replacing
 * the content.
 */
import type { MonthlyReport } from '../model';
import type { RawResponse } from '../responses';
import type { IntakeOptions } from '../intake';
import { toMonthlyReport, validateMonthlyReport } from '../validation';
import { byRow, submittedAt, type ContextAt, type Flag, type ProjectionRun } from '../projection';

export function projectReportForm(responses: RawResponse[], run: ProjectionRun): void {
  run.reports = projectReports(responses, run.options, run.contextAt, run.flag);
}

function projectReports(
  responses: RawResponse[],
  options: IntakeOptions,
  contextAt: ContextAt,
  flag: Flag,
): MonthlyReport[] {
  const byKey = new Map<string, MonthlyReport>();
  for (const response of byRow(responses)) {
    const checked = validateMonthlyReport(response.answers, contextAt(response));
    flag(response, 'report', checked.issues, checked.draft.school);
    if (!checked.ok || !checked.draft.school) continue;
    const report = toMonthlyReport(
      checked.draft,
      { responseId: response.id, submittedAt: submittedAt(response) },
      options.reportDeadlineDay,
    );
    const key = `${report.schoolKey}|${report.period}`;
    const earlier = byKey.get(key);
    // A corrected report replaces the content; it stays on time if the first one was.
    if (earlier) report.onTime = report.onTime || earlier.onTime;
    byKey.set(key, report);
  }
  return [...byKey.values()];
}
