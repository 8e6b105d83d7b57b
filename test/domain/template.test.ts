/** The document template engine: fields, cases, gender choice and the loud errors. */
import {
  fillText,
  fillTokens,
  parseTemplate,
  type TemplateData,
  type TemplateField,
} from '../../src/domain/template';
import { parsePersonName, genderOf } from '../../src/domain/text/names';

const FIELDS: TemplateField[] = [
  { name: 'Фамилия Имя', person: true },
  { name: 'ФИО наставника', person: true },
  { name: 'ОУ' },
  { name: 'Мероприятие' },
  { name: 'Место' },
];

function personValue(full: string) {
  const person = parsePersonName(full);
  return { person, gender: genderOf(person) };
}

function data(child: string, mentor: string): TemplateData {
  const value = personValue(child);
  return {
    values: {
      'Фамилия Имя': value,
      'ФИО наставника': personValue(mentor),
      ОУ: 'ГБОУ СОШ № 47',
      Мероприятие: 'Районный этап KidSkills',
      Место: '1 место',
    },
    gender: value.gender,
  };
}

function fill(texts: string[], d: TemplateData): string[] {
  const parsed = parseTemplate(texts, FIELDS);
  expect(parsed.errors).toEqual([]);
  const filled = fillTokens(parsed.tokens, d);
  return texts.map((t) => fillText(t, filled));
}

describe('parseTemplate', () => {
  test('finds each distinct field once, with its case, and gender choices', () => {
    const parsed = parseTemplate(
      [
        'Награждается {{Фамилия Имя}}',
        '{{ученик/ученица}} {{ОУ}}, {{Фамилия Имя}}',
        'Наставнику {{ФИО наставника:дательный}}',
      ],
      FIELDS,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.tokens).toEqual([
      {
        type: 'field',
        raw: '{{Фамилия Имя}}',
        field: 'Фамилия Имя',
        grammaticalCase: 'nominative',
      },
      { type: 'gender', raw: '{{ученик/ученица}}', male: 'ученик', female: 'ученица' },
      { type: 'field', raw: '{{ОУ}}', field: 'ОУ', grammaticalCase: 'nominative' },
      {
        type: 'field',
        raw: '{{ФИО наставника:дательный}}',
        field: 'ФИО наставника',
        grammaticalCase: 'dative',
      },
    ]);
  });

  test('forgives spaces, letter case and ё inside the braces, keeping the raw text to replace', () => {
    const parsed = parseTemplate(['{{ фамилия  имя : Дательный }}'], FIELDS);
    expect(parsed.errors).toEqual([]);
    expect(parsed.tokens[0]).toMatchObject({
      raw: '{{ фамилия  имя : Дательный }}',
      field: 'Фамилия Имя',
      grammaticalCase: 'dative',
    });
  });

  test('a misspelled field is named exactly, with a suggestion', () => {
    const parsed = parseTemplate(['Награждается {{Фамлия Имя}}'], FIELDS);
    expect(parsed.tokens).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        raw: '{{Фамлия Имя}}',
        problem: 'unknown-field',
        suggestion: '{{Фамилия Имя}}',
        message: 'неизвестное поле {{Фамлия Имя}} — возможно, {{Фамилия Имя}}.',
      },
    ]);
  });

  test('the suggestion keeps the case the author wrote', () => {
    const parsed = parseTemplate(['{{ФИО наставникаа:дательный}}'], FIELDS);
    expect(parsed.errors[0]!.suggestion).toBe('{{ФИО наставника:дательный}}');
  });

  test('a field with no close match lists the fields that exist', () => {
    const parsed = parseTemplate(['{{Номер приказа}}'], FIELDS);
    expect(parsed.errors[0]!.problem).toBe('unknown-field');
    expect(parsed.errors[0]!.message).toContain('{{Фамилия Имя}}, {{ФИО наставника}}');
  });

  test('an unknown case is named with the closest case', () => {
    const parsed = parseTemplate(['{{Фамилия Имя:дательній}}'], FIELDS);
    expect(parsed.errors[0]).toMatchObject({
      problem: 'unknown-case',
      suggestion: '{{Фамилия Имя:дательный}}',
    });
    expect(parsed.errors[0]!.message).toBe(
      'неизвестный падеж в поле {{Фамилия Имя:дательній}} — возможно, {{Фамилия Имя:дательный}}.',
    );
  });

  test('a case on a field that is not a name, a field of another document, bad choices', () => {
    const parsed = parseTemplate(
      ['{{ОУ:родительный}} {{Компетенция}} {{а/б/в}} {{/ученице}} {{}}'],
      FIELDS,
      ['Компетенция'],
    );
    expect(parsed.errors.map((e) => [e.raw, e.problem])).toEqual([
      ['{{ОУ:родительный}}', 'case-not-allowed'],
      ['{{Компетенция}}', 'not-for-this-document'],
      ['{{а/б/в}}', 'bad-choice'],
      ['{{/ученице}}', 'bad-choice'],
      ['{{}}', 'empty'],
    ]);
  });

  test('an unclosed field is an error, not silently printed', () => {
    const parsed = parseTemplate(['Награждается {{Фамилия Имя}', 'и {{ОУ}}'], FIELDS);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.problem).toBe('unclosed');
    expect(parsed.errors[0]!.message).toContain('{{Фамилия Имя}');
    expect(parsed.tokens.map((t) => t.raw)).toEqual(['{{ОУ}}']);
  });
});

describe('fillTokens', () => {
  test('names in the requested case and the word of the addressee’s gender', () => {
    const texts = [
      'Награждается {{Фамилия Имя}}, {{ученик/ученица}} {{ОУ}}',
      'Диплом вручается {{Фамилия Имя:дательный}} за {{Место}}',
      'Благодарность {{ФИО наставника:дательный}} (от имени {{ФИО наставника:родительный}})',
    ];
    expect(fill(texts, data('Орлова Ирина', 'Кузьмич Олег Иванович'))).toEqual([
      'Награждается Орлова Ирина, ученица ГБОУ СОШ № 47',
      'Диплом вручается Орловой Ирине за 1 место',
      'Благодарность Кузьмичу Олегу Ивановичу (от имени Кузьмича Олега Ивановича)',
    ]);
    expect(fill(texts, data('Сорокин Илья', 'Орлова Ирина Петровна'))[0]).toBe(
      'Награждается Сорокин Илья, ученик ГБОУ СОШ № 47',
    );
  });

  test('an undeterminable gender keeps the nominative and both words, marked unresolved', () => {
    const parsed = parseTemplate(
      ['{{Фамилия Имя:дательный}} {{ученику/ученице}} {{Фамилия Имя}}'],
      FIELDS,
    );
    const filled = fillTokens(parsed.tokens, data('Белых Саша', 'Кузьмич Олег Иванович'));
    expect(filled).toEqual([
      { raw: '{{Фамилия Имя:дательный}}', text: 'Белых Саша', unresolved: true },
      { raw: '{{ученику/ученице}}', text: 'ученику/ученице', unresolved: true },
      { raw: '{{Фамилия Имя}}', text: 'Белых Саша', unresolved: false },
    ]);
  });

  test('a field without a value is a programming error, not an empty string', () => {
    const parsed = parseTemplate(['{{Место}}'], FIELDS);
    expect(() => fillTokens(parsed.tokens, { values: {}, gender: null })).toThrow(/Место/);
  });
});
