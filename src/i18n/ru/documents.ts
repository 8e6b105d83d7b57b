/**
 * Russian strings of the document templates (monthly note, annual note, plan analysis): the
 * kinds, the fields staff write in a template (a contract with the templates they edit), the
 * default template's wording, and the messages of a template that cannot be used.
 */
import type { DocumentKind } from '../../domain/documentTemplate';

export const DOCUMENTS_RU = {
  kinds: {
    monthlyNote: 'Аналитическая справка за месяц',
    annualNote: 'Аналитическая справка за учебный год',
    planAnalysis: 'Анализ выполнения плана работы',
  } as Record<DocumentKind, string>,

  /** Field names as staff write them between double braces. */
  fields: {
    title: 'Название документа',
    subtitle: 'Подзаголовок',
    content: 'Текст документа',
    sampleTable: 'Образец таблицы',
    centre: 'Название центра',
    district: 'Район',
    date: 'Дата документа',
    approverPosition: 'Должность утверждающего',
    approverName: 'ФИО утверждающего',
    orderNumber: 'Номер приказа',
    orderDate: 'Дата приказа',
    agreedPosition: 'Должность согласующего',
    agreedName: 'ФИО согласующего',
    signatoryPosition: 'Должность подписывающего',
    signatoryName: 'ФИО подписывающего',
  },

  /** The default template, top to bottom. */
  defaults: {
    agreed: 'СОГЛАСОВАНО',
    approved: 'УТВЕРЖДАЮ',
    // A no-break space: «№» stays on the line of the order's number.
    order: 'Приказ от {{Дата приказа}} №\u00A0{{Номер приказа}}',
    sampleTable:
      '{{Образец таблицы}} — шрифт и размер этой ячейки получат таблицы документа; сама таблица в документ не попадает',
  },

  templateName: (kind: string) => `Шаблон: ${kind}`,

  noContent: (template: string, field: string) =>
    `Шаблон «${template}»: нет поля ${field} — на его место ставится текст документа. Впишите ${field} отдельным абзацем.`,
  contentTwice: (template: string, field: string) =>
    `Шаблон «${template}»: поле ${field} встречается несколько раз; оставьте одно.`,
  contentNotAlone: (template: string, field: string) =>
    `Шаблон «${template}»: поле ${field} должно стоять в отдельном абзаце, без другого текста.`,
  contentOutsideBody: (template: string, field: string) =>
    `Шаблон «${template}»: поле ${field} стоит в колонтитуле или в таблице; перенесите его в отдельный абзац текста.`,
  unreadable: (template: string, reference: string) =>
    `Шаблон «${template}» не удалось открыть (${reference}): проверьте ссылку на вкладке «Настройки» и доступ к документу.`,
  figureAsTable: (caption: string, error: string) =>
    `${caption}: диаграмму нарисовать не удалось (${error}), в документе вместо неё таблица данных.`,
  job: 'Шаблоны документов',
};
