/**
 * The one Russian dictionary: every string a user sees, gathered from the per-area parts in
 * ./ru/ so wording is reviewed in one place. Identifiers stay English.
 */
import { UI_RU } from './ru/ui';

export const RU = {
  ...UI_RU,
};
