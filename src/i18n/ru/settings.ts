/** Russian strings of the settings: row captions and validation messages. */
import type { SettingKey } from '../../domain/settings';

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
    templateMonthlyNote: 'Шаблон аналитической справки за месяц (ссылка на Google Документ)',
    templateAnnualNote: 'Шаблон аналитической справки за учебный год (ссылка на Google Документ)',
    templatePlanAnalysis: 'Шаблон анализа выполнения плана (ссылка на Google Документ)',
  } as Record<SettingKey, string>,
  header: ['Параметр', 'Значение', 'Ключ'],
  required: (label: string) => `«${label}»: заполните это поле.`,
  tooLong: (label: string) => `«${label}»: не больше 200 символов.`,
  badEmails: (label: string, bad: string[]) =>
    `«${label}»: не похоже на адрес электронной почты: ${bad.join(', ')}. Укажите адреса через запятую.`,
  badDay: (label: string, value: string) => `«${label}»: «${value}» — укажите число от 1 до 28.`,
  badTemplate: (label: string, value: string) =>
    `«${label}»: «${value}» — не похоже на ссылку на Google Документ. Откройте шаблон в Google Документах и скопируйте ссылку из адресной строки.`,
  badDate: (label: string, value: string) =>
    `«${label}»: «${value}» — не похоже на дату; укажите её как ДД.ММ.ГГГГ, например 28.06.2021.`,
  badYesNo: (label: string, value: string) => `«${label}»: «${value}» — укажите «да» или «нет».`,
};
