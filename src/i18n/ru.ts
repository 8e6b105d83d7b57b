/**
 * The one Russian dictionary: every string a user sees, gathered from the per-area parts in
 * ./ru/ so wording is reviewed in one place. Identifiers stay English.
 */
import { UI_RU } from './ru/ui';
import { FORMS_RU } from './ru/forms';
import { DOMAIN_RU } from './ru/domain';
import { NOTE_RU, PLAN_RU } from './ru/note';
import { ANALYSIS_RU } from './ru/analysis';
import { SETTINGS_RU } from './ru/settings';
import { SETUP_RU } from './ru/setup';
import { JOURNAL_RU } from './ru/journal';
import { OUTPUTS_RU } from './ru/outputs';
import { DAILY_RU } from './ru/daily';
import { SIDEBAR_RU } from './ru/sidebar';
import { PLAN_UI_RU } from './ru/plan-ui';
import { ANNUAL_RU, ARCHIVE_RU, YEAR_CLOSE_RU } from './ru/yearClose';

export const RU = {
  ...UI_RU,
  forms: FORMS_RU,
  validation: DOMAIN_RU,
  note: NOTE_RU,
  analysis: ANALYSIS_RU,
  plan: PLAN_RU,
  settings: SETTINGS_RU,
  setup: SETUP_RU,
  journal: JOURNAL_RU,
  outputs: OUTPUTS_RU,
  daily: DAILY_RU,
  sidebar: SIDEBAR_RU,
  planUi: PLAN_UI_RU,
  yearClose: YEAR_CLOSE_RU,
  archive: ARCHIVE_RU,
  annual: ANNUAL_RU,
};
