/** The pure parts of the reliability work: the mail queue's order, the registry check, names. */
import {
  isBadAddress,
  letterOf,
  moscowDay,
  schoolsMailedOn,
  sendingOrder,
  splitLetter,
  type LedgerEntry,
} from '../../src/domain/mail';
import { checkRegistry } from '../../src/domain/registry';
import { foldToDominantScript, hasMixedScriptWord, asText } from '../../src/domain/text/clean';
import { normalizePersonName } from '../../src/domain/text/names';
import type { School } from '../../src/domain/model';

function entry(
  id: string,
  kind: LedgerEntry['kind'],
  status: LedgerEntry['status'] = 'queued',
): LedgerEntry {
  return {
    id,
    kind,
    to: `${id}@x.example`,
    subject: id,
    body: '',
    queuedAt: new Date(0),
    status,
    updatedAt: null,
    error: '',
  };
}

describe('mail queue', () => {
  test('letters go by priority (alert, summary, reminder, school, notice), then in queue order; only queued ones', () => {
    const order = sendingOrder([
      entry('n1', 'notice'),
      entry('r1', 'reminder'),
      entry('s1', 'summary'),
      entry('r2', 'reminder'),
      entry('x', 'summary', 'sent'),
      entry('a1', 'alert'),
      entry('u', 'reminder', 'unknown'),
      entry('sc', 'school'),
    ]).map((e) => e.id);
    expect(order).toEqual(['a1', 's1', 'r1', 'r2', 'sc', 'n1']);
  });

  test('a letter to many is split into one per address, ids by address, duplicates once', () => {
    const letters = splitLetter(
      { id: 'summary:2021-10', kind: 'summary', subject: 's', body: 'b' },
      ['A@x.example', 'b@x.example', 'a@x.example '],
    );
    expect(letters.map((l) => [l.id, l.to])).toEqual([
      ['summary:2021-10:a@x.example', 'a@x.example'],
      ['summary:2021-10:b@x.example', 'b@x.example'],
    ]);
  });

  test('an ОУ sent a letter today (Moscow day) is named with that letter; its other addresses may follow', () => {
    const at = (iso: string): Date => new Date(iso);
    const letter = (
      id: string,
      to: string,
      schoolKey: string,
      status: LedgerEntry['status'],
      updatedAt: Date | null,
    ): LedgerEntry => ({
      ...entry(id, 'school', status),
      id: `${id}:${to}`,
      to,
      schoolKey,
      updatedAt,
    });
    const entries = [
      // Sent at 23:30 Moscow on the 4th: the day before.
      letter(
        'reminder:2021-10:ДОУ-21:r',
        'd21@x.example',
        'ДОУ-21',
        'sent',
        at('2021-11-04T20:30:00Z'),
      ),
      letter(
        'school:2021-10:ШКОЛА-47',
        'a@x.example',
        'ШКОЛА-47',
        'sent',
        at('2021-11-05T04:00:00Z'),
      ),
      letter('school:2021-10:ШКОЛА-47', 'b@x.example', 'ШКОЛА-47', 'queued', null),
      letter(
        'school:2021-10:ШКОЛА-51',
        's51@x.example',
        'ШКОЛА-51',
        'unknown',
        at('2021-11-05T05:00:00Z'),
      ),
      letter(
        'school:2021-10:ДОУ-106',
        'd106@x.example',
        'ДОУ-106',
        'failed',
        at('2021-11-05T05:00:00Z'),
      ),
    ];
    const mailed = schoolsMailedOn(entries, moscowDay(at('2021-11-05T09:00:00Z')));
    expect([...mailed.entries()]).toEqual([
      ['ШКОЛА-47', 'school:2021-10:ШКОЛА-47'],
      ['ШКОЛА-51', 'school:2021-10:ШКОЛА-51'],
    ]);
    expect(letterOf(entries[2]!)).toBe('school:2021-10:ШКОЛА-47');
    expect(moscowDay(at('2021-11-04T21:00:00Z'))).toBe('2021-11-05');
  });

  test('a refused address is told from a failing service', () => {
    expect(isBadAddress('Invalid email: доу 21@@school')).toBe(true);
    expect(isBadAddress('Service unavailable: Gmail')).toBe(false);
  });
});

const base: School = {
  key: '',
  type: '' as School['type'],
  number: '',
  officialName: '',
  shortName: '',
  district: '',
  emails: ['ou@school.example'],
  responsible: '',
  aliases: [],
};

describe('registry check', () => {
  test('a name-only row gets key, type and number; typed cells are never overwritten', () => {
    const check = checkRegistry([
      { row: 2, record: { ...base, officialName: 'ГБОУ СОШ № 47 имени Д.С. Лихачева' } },
      { row: 3, record: { ...base, shortName: 'ГБДОУ № 21', type: 'ДОУ', number: '21а' } },
    ]);
    expect(check.schools.map((s) => [s.key, s.type, s.number])).toEqual([
      ['ШКОЛА-47', 'школа', '47'],
      ['ДОУ-21', 'ДОУ', '21а'],
    ]);
    expect(check.fills).toEqual([
      { row: 2, field: 'key', value: 'ШКОЛА-47' },
      { row: 2, field: 'type', value: 'школа' },
      { row: 2, field: 'number', value: '47' },
      { row: 3, field: 'key', value: 'ДОУ-21' },
    ]);
    expect(check.issues).toEqual([]);
  });

  test('underivable rows, duplicate keys, competencies without a programme and refused addresses are queued', () => {
    const check = checkRegistry(
      [
        { row: 2, record: { ...base, key: 'ШКОЛА-47', emails: ['bad@@x'] } },
        { row: 3, record: { ...base, key: 'школа-47' } },
        { row: 4, record: { ...base, officialName: 'Центр творчества' } },
      ],
      [
        {
          row: 5,
          record: {
            name: 'Флористика',
            programme: '',
            ageCategories: [],
            active: true,
            aliases: [],
          },
        },
      ],
      [{ schoolKey: 'ШКОЛА-47', address: 'bad@@x', error: 'Invalid email: bad@@x' }],
    );
    expect(check.schools.map((s) => s.key)).toEqual(['ШКОЛА-47']);
    expect(check.issues.map((i) => [i.responseId, i.field])).toEqual([
      ['ОУ-2', 'Email'],
      ['ОУ-3', 'Ключ'],
      ['ОУ-4', 'Ключ'],
      ['КОМП-5', 'Программа'],
    ]);
  });

  test('an ОУ without an address is queued once, by its row: no letter can reach it', () => {
    const rows = [
      { row: 2, record: { ...base, key: 'ШКОЛА-47', shortName: 'ГБОУ СОШ № 47', emails: [] } },
      { row: 3, record: { ...base, key: 'ШКОЛА-51' } },
      { row: 4, record: { ...base, key: 'школа-47', emails: [] } }, // a repeat: only «Ключ»
    ];
    const check = checkRegistry(rows);
    expect(check.issues.map((i) => [i.responseId, i.field, i.value])).toEqual([
      ['ОУ-2', 'Email', 'ГБОУ СОШ № 47'],
      ['ОУ-4', 'Ключ', 'школа-47'],
    ]);
    expect(check.issues[0]!.problem).toContain('не указан адрес электронной почты');
    // The same row, the same line: a rerun does not queue it again.
    expect(checkRegistry(rows).issues[0]!.key).toBe(check.issues[0]!.key);
    expect(check.schools.map((s) => s.key)).toEqual(['ШКОЛА-47', 'ШКОЛА-51']);
  });
});

describe('text kept as typed', () => {
  test('each word goes to its dominant script; a real mix is told', () => {
    expect(foldToDominantScript('Ивaнова')).toBe('Иванова'); // Latin «a» in a Cyrillic word
    expect(foldToDominantScript('Johns\u043en')).toBe('Johnson'); // Cyrillic «о» in a Latin word
    expect(normalizePersonName('smith')).toBe('Smith');
    expect(hasMixedScriptWord(foldToDominantScript('Ивanова'))).toBe(true);
    expect(hasMixedScriptWord('Мария Smith')).toBe(false);
  });

  test('a leading apostrophe gets a second one so the sheet keeps it; formulas stay text', () => {
    expect(asText("'Робофест'")).toBe("''Робофест'");
    expect(asText('=A1')).toBe("'=A1");
    expect(asText('обычный текст')).toBe('обычный текст');
  });
});
