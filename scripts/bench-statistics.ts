/**
 * CPU benchmark of the pure statistics over a city-sized year (2,000 ОУ, 50,000 participants).
 * Not a timed test: run `npx tsx scripts/bench-statistics.ts` and read the figure.
 */
import { computeStatistics, type StatisticsInput } from '../src/domain/statistics';
import { DEFAULT_COMPETENCIES, SAMPLE_EVENTS, RESULT_KINDS } from '../src/domain/reference';
import type { Participant, ParticipantResult, School } from '../src/domain/model';
import { moscowMidnight } from '../src/domain/text/dates';

const SCHOOLS = 2000;
const PARTICIPANTS = 50000;

function build(): StatisticsInput {
  const schools: School[] = Array.from({ length: SCHOOLS }, (_, i) => ({
    key: `ШКОЛА-${i + 1}`,
    type: i % 3 === 0 ? 'ДОУ' : 'школа',
    number: String(i + 1),
    officialName: `ГБОУ СОШ № ${i + 1}`,
    shortName: `ГБОУ СОШ № ${i + 1}`,
    district: 'Невский',
    emails: [],
    responsible: '',
    aliases: [],
  }));
  const participants: Participant[] = [];
  const results: ParticipantResult[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const competency = DEFAULT_COMPETENCIES[i % DEFAULT_COMPETENCIES.length]!;
    const event = SAMPLE_EVENTS[i % SAMPLE_EVENTS.length]!;
    const month = 9 + (i % 9);
    const registeredAt = moscowMidnight(
      month > 12 ? 2022 : 2021,
      month > 12 ? month - 12 : month,
      1 + (i % 27),
    );
    const id = `P-${i}`;
    const schoolKey = `ШКОЛА-${(i % SCHOOLS) + 1}`;
    participants.push({
      id,
      surname: `Фамилия${i}`,
      name: 'Имя',
      schoolKey,
      classOrGroup: '5 А',
      ageCategory: competency.ageCategories[0] ?? '',
      competency: competency.name,
      event: event.name,
      team: '',
      mentor: '',
      consent: true,
      registeredAt,
      orderStatus: i % 4 ? 'есть' : 'нет',
      result: '',
      sourceResponseId: `REG-${i}`,
    });
    if (i % 5 === 0) {
      results.push({
        participantId: id,
        schoolKey,
        event: event.name,
        competency: competency.name,
        participantName: '',
        result: RESULT_KINDS[i % RESULT_KINDS.length]!.kind,
        score: 80,
        confirmed: true,
        confirmedAs: '',
        submittedAt: registeredAt,
        sourceResponseId: `RES-${i}`,
      });
    }
  }
  return { schools, participants, results, reports: [], orders: [], events: [...SAMPLE_EVENTS] };
}

const input = build();
const started = process.cpuUsage();
const t0 = Date.now();
const stats = computeStatistics(input, '2022-03');
const cpu = process.cpuUsage(started);
console.log(
  `computeStatistics: ${PARTICIPANTS} participants, ${SCHOOLS} ОУ — ${Date.now() - t0} ms wall, ` +
    `${Math.round((cpu.user + cpu.system) / 1000)} ms CPU; year-to-date participants ${stats.yearToDate.participants}`,
);
