/** The pure parts of the reliability work: the mail queue's order, the registry check, names. */
import { isBadAddress, sendingOrder, splitLetter, type LedgerEntry } from '../../src/domain/mail';
import { checkRegistry } from '../../src/domain/registry';
import { foldToDominantScript, hasMixedScriptWord, asText } from '../../src/domain/normalize/text';
import { normalizePersonName } from '../../src/domain/normalize/person';
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
  emails: [],
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
