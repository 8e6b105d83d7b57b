/** The deadline-day burst of `npm run bench` on a tiny district: every answer accounted for. */
import * as path from 'path';
import { runBench, formatReport } from '../scripts/bench';
import type { Scenario } from '../scripts/bench/state';

const TINY: Scenario = {
  name: 'tiny-deadline',
  title: 'маленький район, день сдачи',
  schools: 12,
  participants: 120,
  districts: 1,
  seed: 19,
  from: '2021-09-01',
  to: '2021-12-02',
  period: '2021-11',
  deadlineSubmits: 12,
  deadlineMinutes: 1,
};

test('the burst is reported: placed by their own submit or waiting, with the goals', () => {
  const report = runBench({
    scenarios: [TINY],
    bundleDir: path.resolve(__dirname, '..', 'build'),
  });
  const d = report.scenarios[0]!.deadline!;
  expect(d.submits).toBe(12);
  expect(d.executions).toBe(12);
  expect(d.placedByOwnSubmit + d.waitForCatchUp).toBe(12);
  // Twelve submits in one minute, each well under a second: none finds the table busy.
  expect(d.placedByOwnSubmit).toBe(12);
  expect(d.maxCalls).toBeLessThanOrEqual(10);
  expect(d.maxModelledMs).toBeGreaterThan(0);
  expect(d.targets.every((t) => t.pass)).toBe(true);
  const text = formatReport(report);
  expect(text).toContain('день сдачи: 12 регистраций');
  expect(text).toContain('PASS все ответы размещены своей отправкой');
}, 120000);
