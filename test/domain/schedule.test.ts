import {
  dueJobs,
  parsePending,
  serializePending,
  type DailyJob,
  type DueJob,
} from '../../src/domain/schedule';

const none = () => false;
const ids = (jobs: DueJob[]) => jobs.map((j) => `${j.job}.${j.period}`);

function due(day: number, options: Partial<Parameters<typeof dueJobs>[0]> = {}) {
  return dueJobs({
    today: { year: 2021, month: 11, day },
    noteDay: 5,
    reportDeadlineDay: 5,
    pending: [],
    isDone: none,
    ...options,
  });
}

describe('dueJobs', () => {
  it('runs only the catch-up jobs for the current month before the note day', () => {
    expect(ids(due(3))).toEqual(['intake.2021-11', 'choices.2021-11', 'statistics.2021-11']);
  });

  it('adds the previous month note, summary and letters to ОУ on the note day, reminders only after the deadline', () => {
    expect(ids(due(5))).toEqual([
      'intake.2021-11',
      'choices.2021-11',
      'statistics.2021-11',
      'note.2021-10',
      'summary.2021-10',
      'letters.2021-10',
    ]);
    expect(ids(due(6))).toContain('reminders.2021-10');
    expect(ids(due(5))).not.toContain('reminders.2021-10');
  });

  it('owes nothing for months before the school year the system was set up in', () => {
    const jobs = dueJobs({
      today: { year: 2021, month: 9, day: 6 },
      noteDay: 5,
      reportDeadlineDay: 5,
      pending: [{ job: 'note', period: '2021-07' }],
      isDone: none,
      firstPeriod: '2021-09',
    });
    expect(jobs.map((j) => j.job)).toEqual(['intake', 'choices', 'statistics']);
  });

  it('catches up a missed monthly job later in the month, and not once it is done', () => {
    expect(ids(due(20))).toEqual(expect.arrayContaining(['note.2021-10', 'reminders.2021-10']));
    const done = (job: DailyJob, period: string) => period === '2021-10';
    expect(ids(due(20, { isDone: done }))).toEqual([
      'intake.2021-11',
      'choices.2021-11',
      'statistics.2021-11',
    ]);
  });

  it('keeps pending jobs of older periods, deduplicated and in run order: oldest month first', () => {
    const pending: DueJob[] = [
      { job: 'reminders', period: '2021-09' },
      { job: 'note', period: '2021-10' },
      { job: 'note', period: '2021-09' },
    ];
    expect(ids(due(6, { pending }))).toEqual([
      'intake.2021-11',
      'choices.2021-11',
      'statistics.2021-11',
      'note.2021-09',
      'reminders.2021-09',
      'note.2021-10',
      'summary.2021-10',
      'letters.2021-10',
      'reminders.2021-10',
    ]);
  });

  it('after an outage owes every missed month since the system was installed, oldest first, each job once', () => {
    const done = (job: DailyJob, period: string) => period < '2021-09';
    expect(ids(due(13, { since: '2021-08', isDone: done }))).toEqual([
      'intake.2021-11',
      'choices.2021-11',
      'statistics.2021-11',
      'note.2021-09',
      'summary.2021-09',
      'reminders.2021-09',
      'note.2021-10',
      'summary.2021-10',
      'letters.2021-10',
      'reminders.2021-10',
    ]);
    // What was done is not owed again; nothing older than a year is looked at.
    const septemberDone = (job: DailyJob, period: string) => period <= '2021-09';
    expect(ids(due(13, { since: '2021-08', isDone: septemberDone }))).not.toContain('note.2021-09');
    expect(ids(due(13, { since: '2015-01' })).filter((id) => id.startsWith('note.'))).toHaveLength(
      12,
    );
  });

  it('never owes a month under way or to come, whatever the pending list says', () => {
    const pending: DueJob[] = [
      { job: 'summary', period: '2021-11' },
      { job: 'note', period: '2022-05' },
    ];
    expect(
      ids(due(20, { pending })).filter((id) => id.includes('2021-11.') || id.endsWith('2022-05')),
    ).toEqual([]);
    expect(ids(due(20, { pending }))).not.toContain('summary.2021-11');
  });

  it('reminders fall due the day after the deadline, even when that day is not in February', () => {
    const jobs = dueJobs({
      today: { year: 2022, month: 3, day: 1 },
      noteDay: 5,
      reportDeadlineDay: 28,
      pending: [],
      isDone: none,
      since: '2022-01',
    });
    expect(ids(jobs)).toContain('reminders.2022-01');
    expect(ids(jobs)).not.toContain('reminders.2022-02');
  });

  it('crosses the year boundary: in January the previous month is December', () => {
    const jobs = dueJobs({
      today: { year: 2022, month: 1, day: 10 },
      noteDay: 5,
      reportDeadlineDay: 5,
      pending: [],
      isDone: none,
    });
    expect(ids(jobs)).toContain('note.2021-12');
    expect(ids(jobs)).toContain('statistics.2022-01');
  });
});

describe('pending record', () => {
  it('round-trips monthly jobs only and drops junk', () => {
    const json = serializePending([
      { job: 'intake', period: '2021-11' },
      { job: 'reminders', period: '2021-10' },
    ]);
    expect(parsePending(json)).toEqual([{ job: 'reminders', period: '2021-10' }]);
    expect(parsePending('not json')).toEqual([]);
    expect(
      parsePending('[{"job":"rm -rf","period":"2021-10"},{"job":"note","period":"2021-13"}]'),
    ).toEqual([]);
    expect(parsePending(null)).toEqual([]);
  });
});
