/**
 * The templates of the centre's documents as data (domain/documentTemplate.ts): the kinds and
 * their settings, the fields' values from «Настройки» (the approval block), what a template's
 * text becomes for one document — the lines whose fields are all empty vanish, a half of the
 * approval block without anyone goes whole, a table of empty fields goes — the look read from
 * the {{Текст документа}} paragraph and the sample table, and the loud errors: an unknown field
 * named with a suggestion, no place for the text, the place twice or shared with other text.
 */
import {
  DEFAULT_LOOK,
  DOCUMENT_KINDS,
  DOCUMENT_TEMPLATE_SETTING,
  defaultTemplate,
  documentFieldValues,
  planTemplate,
  type ParagraphLook,
  type TemplateBlock,
  type TemplateStructure,
} from '../../src/domain/documentTemplate';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../src/domain/settings';
import { emptiedByFill } from '../../src/domain/template';

const NONE: ParagraphLook = {
  fontFamily: null,
  fontSize: null,
  indentFirstLine: null,
  lineSpacing: null,
};

function p(text: string, look: Partial<ParagraphLook> = {}): TemplateBlock {
  return { type: 'paragraph', paragraph: { text, look: { ...NONE, ...look } } };
}

function cell(...lines: string[]) {
  return lines.map((text) => ({ text, look: NONE }));
}

/** The built-in template's text, as Documents.get would give it back. */
function builtIn(): TemplateStructure {
  const t = defaultTemplate('monthlyNote');
  return {
    header: t.header.map((l) => l.text),
    footer: t.footer.map((l) => l.text),
    normal: { fontFamily: null, fontSize: null },
    body: [
      {
        type: 'table',
        cells: [
          [
            cell(...t.approval.left.map((l) => l.text)),
            cell(...t.approval.right.map((l) => l.text)),
          ],
        ],
      },
      ...t.lines.map((l) =>
        p(l.text, {
          fontFamily: t.fontFamily,
          fontSize: l.fontSize,
          indentFirstLine: l.indent ?? 0,
          lineSpacing: 100,
        }),
      ),
      {
        type: 'table',
        cells: [
          [
            [
              {
                text: t.sampleTable.text,
                look: { ...NONE, fontFamily: 'Times New Roman', fontSize: 12 },
              },
            ],
          ],
        ],
      },
      p(''),
    ],
  };
}

const APPROVED = {
  ...DEFAULT_SETTINGS,
  centreName: 'Районный опорный центр',
  approverPosition: 'Заведующий ГБДОУ № 128 Невского района Санкт-Петербурга',
  approverName: 'Е. В. Французан',
  approvalOrderNumber: '24-ОД',
  approvalOrderDate: '28.06.2021',
  agreedPosition: 'Начальник отдела образования',
  agreedName: 'Л. И. Чалганская',
};

function values(settings = APPROVED) {
  return documentFieldValues({
    title: 'Аналитическая справка за октябрь 2021 г.',
    subtitle: 'Районный опорный центр, 2021/2022 учебный год',
    settings,
    date: new Date('2021-11-05T09:00:00+03:00'),
  });
}

describe('document kinds', () => {
  test('every kind has a setting for its template, and the settings list it', () => {
    expect(DOCUMENT_KINDS).toEqual(['monthlyNote', 'annualNote', 'planAnalysis']);
    for (const kind of DOCUMENT_KINDS)
      expect(SETTING_KEYS).toContain(DOCUMENT_TEMPLATE_SETTING[kind]);
  });

  test('the approval block takes who approves, the order number and its date from «Настройки»', () => {
    const v = values();
    expect(v['Должность утверждающего']).toBe(APPROVED.approverPosition);
    expect(v['ФИО утверждающего']).toBe('Е. В. Французан');
    expect(v['Номер приказа']).toBe('24-ОД');
    expect(v['Дата приказа']).toBe('28\u00a0июня 2021\u00a0г.');
    expect(v['ФИО согласующего']).toBe('Л. И. Чалганская');
    expect(v['Дата документа']).toBe('5\u00a0ноября 2021\u00a0г.');
  });
});

describe('planTemplate', () => {
  test('the built-in template: the text goes where {{Текст документа}} stands, the sample table goes, every field is filled', () => {
    const plan = planTemplate('monthlyNote', builtIn(), values());
    expect(plan.errors).toEqual([]);
    expect(plan.content).toBe(4);
    expect(plan.sampleTable).toBe(5);
    expect(plan.remove).toEqual([]);
    const filled = new Map(plan.body.map((f) => [f.raw, f.text]));
    expect(filled.get('{{ФИО утверждающего}}')).toBe('Е. В. Французан');
    expect(filled.get('{{Дата приказа}}')).toBe('28\u00a0июня 2021\u00a0г.');
    expect(filled.has('{{Текст документа}}')).toBe(false);
    expect(plan.header.map((f) => f.text)).toEqual(['Районный опорный центр']);
    expect(plan.footer.map((f) => f.text)).toEqual(['Аналитическая справка за октябрь 2021 г.']);
    expect(plan.look).toEqual(DEFAULT_LOOK);
  });

  test('without anyone to agree, the «СОГЛАСОВАНО» half goes; without an order, its line goes', () => {
    const plan = planTemplate(
      'planAnalysis',
      builtIn(),
      values({
        ...APPROVED,
        agreedPosition: '',
        agreedName: '',
        approvalOrderNumber: '',
        approvalOrderDate: '',
      }),
    );
    expect(plan.errors).toEqual([]);
    // The left cell loses its heading and lines (its last paragraph is emptied: a cell keeps one).
    expect(plan.remove).toEqual([
      { block: 0, row: 0, cell: 0, paragraph: 1 },
      { block: 0, row: 0, cell: 0, paragraph: 0 },
    ]);
    expect(plan.empty).toEqual([
      { block: 0, row: 0, cell: 0, paragraph: 2 },
      { block: 0, row: 0, cell: 1, paragraph: 3 },
    ]);
  });

  test('with no approval fields at all the whole block goes', () => {
    const plan = planTemplate('monthlyNote', builtIn(), values(DEFAULT_SETTINGS));
    expect(plan.remove).toEqual([{ block: 0 }]);
  });

  test('a line with only a field left empty vanishes, and so does a certificate’s «Дата проведения:»', () => {
    const filled = new Map([
      ['{{Дата мероприятия}}', ''],
      ['{{Номер приказа}}', '24-ОД'],
      ['{{Дата приказа}}', ''],
    ]);
    expect(emptiedByFill('Дата проведения: {{Дата мероприятия}}', filled)).toBe(true);
    expect(emptiedByFill('Приказ от {{Дата приказа}} № {{Номер приказа}}', filled)).toBe(false);
    expect(emptiedByFill('УТВЕРЖДАЮ', filled)).toBe(false);
  });

  test('an unknown field stops with its name and a suggestion', () => {
    const template = builtIn();
    template.body.splice(1, 0, p('Исполнитель: {{ФИО подписываюшего}}'));
    template.header.push('{{Назвние центра}}');
    const plan = planTemplate('monthlyNote', template, values());
    expect(plan.errors).toEqual([
      'Шаблон «Аналитическая справка за месяц»: неизвестное поле {{ФИО подписываюшего}} — возможно, {{ФИО подписывающего}}.',
      'Шаблон «Аналитическая справка за месяц»: неизвестное поле {{Назвние центра}} — возможно, {{Название центра}}.',
    ]);
  });

  test('the place of the text must be there, once, alone in its paragraph, in the body', () => {
    const name = 'Шаблон «Анализ выполнения плана работы»';
    const without = builtIn();
    without.body.splice(4, 1);
    expect(planTemplate('planAnalysis', without, values()).errors).toEqual([
      `${name}: нет поля {{Текст документа}} — на его место ставится текст документа. Впишите {{Текст документа}} отдельным абзацем.`,
    ]);
    const twice = builtIn();
    twice.body.push(p('{{Текст документа}}'));
    expect(planTemplate('planAnalysis', twice, values()).errors).toEqual([
      `${name}: поле {{Текст документа}} встречается несколько раз; оставьте одно.`,
    ]);
    const shared = builtIn();
    shared.body[4] = p('Текст: {{Текст документа}}');
    expect(planTemplate('planAnalysis', shared, values()).errors).toEqual([
      `${name}: поле {{Текст документа}} должно стоять в отдельном абзаце, без другого текста.`,
    ]);
    const inFooter = builtIn();
    inFooter.footer.push('{{Текст документа}}');
    expect(planTemplate('planAnalysis', inFooter, values()).errors[0]).toContain(
      'стоит в колонтитуле или в таблице',
    );
  });

  test('the look: the text’s from its paragraph, the tables’ from the sample; without a sample, two points less', () => {
    const template = builtIn();
    template.body[4] = p('{{Текст документа}}', {
      fontFamily: 'Arial',
      fontSize: 13,
      indentFirstLine: 28.35,
      lineSpacing: 115,
    });
    expect(planTemplate('monthlyNote', template, values()).look).toEqual({
      text: { fontFamily: 'Arial', fontSize: 13, indentFirstLine: 28.35, lineSpacing: 115 },
      table: { fontFamily: 'Times New Roman', fontSize: 12 },
    });
    template.body.splice(5, 1);
    expect(planTemplate('monthlyNote', template, values()).look.table).toEqual({
      fontFamily: 'Arial',
      fontSize: 11,
    });
    // A paragraph that sets nothing itself takes the document's normal style.
    template.body[4] = p('{{Текст документа}}');
    template.normal = { fontFamily: 'PT Serif', fontSize: 12 };
    expect(planTemplate('monthlyNote', template, values()).look.text).toMatchObject({
      fontFamily: 'PT Serif',
      fontSize: 12,
    });
  });
});
