/** `npm run bench` on a tiny city (two generated districts in one master): every job reported. */
import * as path from 'path';
import { runBench, formatReport, type BenchReport } from '../scripts/bench';
import { JOBS } from '../scripts/bench/bounds';
import { scenarioRegistry, type Scenario } from '../scripts/bench/state';

const TINY: Scenario = {
  name: 'tiny',
  title: 'два маленьких района',
  schools: 10,
  participants: 100,
  districts: 2,
  seed: 11,
  from: '2021-09-01',
  to: '2021-12-02',
  period: '2021-11',
};

let report: BenchReport;

beforeAll(() => {
  report = runBench({ scenarios: [TINY], bundleDir: path.resolve(__dirname, '..', 'build') });
}, 60000);

test('every job is measured with calls, modelled time, a bound and targets', () => {
  const s = report.scenarios[0]!;
  expect(s.answers).toBeGreaterThan(100);
  expect(s.seeded.registration).toBeGreaterThan(0);
  expect(s.jobs.map((j) => j.job)).toEqual([...JOBS]);
  for (const j of s.jobs) {
    expect(j.status).toBe('ok');
    expect(j.calls).toBeGreaterThan(0);
    expect(j.modelledMs).toBeGreaterThan(0);
    expect(j.bound).toBeGreaterThan(0);
    expect(j.callsPerBound).toBeCloseTo(j.calls / j.bound, 1);
    expect(j.targets.length).toBeGreaterThan(0);
    expect(j.peakRssMb).toBeGreaterThan(0);
  }
  const submit = s.jobs.find((j) => j.job === 'submit')!;
  expect(submit.executions).toContain('handleFormSubmit');
  expect(submit.targets.map((t) => t.target)).toContain('вызовов ≤ 10');
  expect(s.jobs.find((j) => j.job === 'daily')!.executions).toContain('runDailyJobs');
});

test('the text table lists every job and the JSON round-trips', () => {
  const text = formatReport(report);
  for (const j of report.scenarios[0]!.jobs) expect(text).toContain(j.title);
  expect(text).toMatch(/PASS|MISS/);
  const parsed = JSON.parse(JSON.stringify(report)) as BenchReport;
  expect(parsed.scenarios[0]!.jobs).toHaveLength(JOBS.length);
  expect(parsed.scenarios[0]!.jobs[0]!.callsByKind).toEqual(
    report.scenarios[0]!.jobs[0]!.callsByKind,
  );
});

test('a city registry keeps keys and dropdown labels unique across districts', () => {
  const schools = scenarioRegistry({ ...TINY, schools: 600, districts: 3 });
  expect(schools).toHaveLength(600);
  expect(new Set(schools.map((s) => s.key)).size).toBe(600);
  expect(new Set(schools.map((s) => s.shortName)).size).toBe(600);
  expect(new Set(schools.map((s) => s.district)).size).toBe(3);
});
