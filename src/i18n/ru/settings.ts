/** Russian strings of the settings: row captions and validation messages. */
import type { SettingKey } from '../../domain/settings';
import { echo } from './echo';

export const SETTINGS_RU = {
  labels: {
    districtName: 'Район (в родительном падеже, например «Невского»)',
    centreName: 'Название опорного центра',
    recipients: 'Получатели ежемесячной сводки',
    staff: 'Сотрудники центра (доступ к панели)',
    noteDay: 'День месяца для справки за прошлый месяц',
    reportDeadlineDay: 'Срок ежемесячного отчёта ОУ (число месяца)',
    rootFolderName: 'Папка на Google Диске',
    signaturePosition: 'Должность подписывающего',
    signatureName: 'ФИО подписывающего',
    approverPosition: 'Утверждает: должность (блок «УТВЕРЖДАЮ» справок и анализа плана)',
    approverName: 'Утверждает: ФИО',
    approvalOrderNumber: 'Приказ об утверждении: номер',
    approvalOrderDate: 'Приказ об утверждении: дата (ДД.ММ.ГГГГ)',
    agreedPosition: 'Согласует: должность (блок «СОГЛАСОВАНО»)',
    agreedName: 'Согласует: ФИО',
    nameWinners: 'Называть победителей в документах (есть согласие на распространение)',
    checkSender:
      'Проверять отправителя (формы собирают адреса; ответ с адреса, не указанного для ОУ, отмечается)',
    templateWinner: 'Шаблон диплома победителя (ссылка на Google Документ)',
    templatePrize: 'Шаблон диплома призёра (ссылка на Google Документ)',
    templateParticipant: 'Шаблон сертификата участника (ссылка на Google Документ)',
    templateMentor: 'Шаблон благодарственного письма (ссылка на Google Документ)',
    schoolLetters:
      'Письма ОУ: в день справки каждому ОУ — его показатели рядом с районными, чего не хватает, ближайшие мероприятия',
    schoolLettersCopy: 'Копия писем ОУ (адрес центра; пусто — без копии)',
    centreContact: 'Контакты центра для писем ОУ (телефон, адрес электронной почты)',
    certificatesToSchools:
      'Отправлять грамоты в ОУ (письмо со ссылкой на папку ОУ после изготовления)',
    templateMonthlyNote: 'Шаблон аналитической справки за месяц (ссылка на Google Документ)',
    templateAnnualNote: 'Шаблон аналитической справки за учебный год (ссылка на Google Документ)',
    templatePlanAnalysis: 'Шаблон анализа выполнения плана (ссылка на Google Документ)',
  } as Record<SettingKey, string>,
  header: ['Параметр', 'Значение', 'Ключ'],
  required: (label: string) => `«${label}»: заполните это поле.`,
  tooLong: (label: string, max: number) => `«${label}»: не больше ${max} символов.`,
  oneLine: (label: string) =>
    `«${label}»: одной строкой — без переносов строк, табуляции и других управляющих символов.`,
  folderPath: (label: string, value: string) =>
    `«${label}»: ${echo(value)} — укажите имя одной папки, без «/». Приложение находит свою папку по её id, поэтому, чтобы положить её внутрь другой папки, просто переместите её на Google Диске.`,
  listTooLong: (label: string, count: number, max: number) =>
    `«${label}»: список слишком длинный (адресов: ${count}) — в настройках помещается не больше ${max} символов. Оставьте только нужные адреса.`,
  badEmails: (label: string, bad: string[]) =>
    `«${label}»: не похоже на адрес электронной почты: ${bad.slice(0, 3).map(echo).join(', ')}${bad.length > 3 ? ` и ещё ${bad.length - 3}` : ''}. Укажите адреса через запятую.`,
  staffEmptyShared: (label: string) =>
    `«${label}»: укажите хотя бы один адрес. У таблицы на общем диске нет владельца, и без списка сотрудников никто не сможет работать в панели.`,
  badDay: (label: string, value: string) =>
    `«${label}»: ${echo(value)} — укажите число от 1 до 28 одними цифрами.`,
  badTemplate: (label: string, value: string) =>
    `«${label}»: ${echo(value)} — не похоже на ссылку на Google Документ. Откройте шаблон в Google Документах и скопируйте ссылку из адресной строки.`,
  badDate: (label: string, value: string) =>
    `«${label}»: ${echo(value)} — не похоже на дату; укажите её как ДД.ММ.ГГГГ, например 28.06.2021.`,
  badYesNo: (label: string, value: string) =>
    `«${label}»: ${echo(value)} — укажите «да» или «нет».`,
  /** A value in the tab that the app does not accept: the default is used until it is fixed. */
  tabValueRefused: (problem: string) =>
    `Значение на вкладке «Настройки» не принято, пока действует значение по умолчанию. ${problem}`,
};
