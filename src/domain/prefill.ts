/**
 * Links that open a form with answers already filled in, as Google's «Get pre-filled link» makes
 * them: `…/viewform?usp=pp_url&entry.<n>=<value>`. FormApp names the `entry` numbers only through
 * FormResponse.toPrefilledUrl(), so the adapter asks once per question for a link with a known
 * value and this module finds the question's entry in it; every ОУ's link is then built here
 * without a service call per ОУ. Pure.
 */

/** The questions a letter fills in: the ОУ, the event, the reporting month. */
export type PrefillField = 'school' | 'event' | 'month';

/** A form's respondent link and the `entry` parameter of each question it can fill. */
export interface PrefillTemplate {
  /** `https://docs.google.com/forms/d/e/<id>/viewform` */
  formUrl: string;
  entries: Partial<Record<PrefillField, string>>;
}

/** A query value as Google's servers encode it (Java's URLEncoder: a space is `+`). */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

function decodeQueryValue(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The form link and the `entry.<n>` parameter holding `value` in a prefilled link, or null when the
 * link is not a Google Forms link or no entry holds that value.
 */
export function findPrefillEntry(
  prefilledUrl: string,
  value: string,
): { formUrl: string; entry: string } | null {
  const found = /^(https:\/\/docs\.google\.com\/forms\/[^?#]+\/viewform)\?([^#]*)$/.exec(
    prefilledUrl,
  );
  if (!found) return null;
  for (const pair of found[2]!.split('&')) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    if (!/^entry\.\d+$/.test(name)) continue;
    if (decodeQueryValue(pair.slice(at + 1)) === value) return { formUrl: found[1]!, entry: name };
  }
  return null;
}

/**
 * The form's link with `values` filled in (only the fields the template knows; none gives the
 * plain form link). Values come from the registry and «Мероприятия» and are always encoded.
 */
export function prefilledLink(
  template: PrefillTemplate,
  values: Partial<Record<PrefillField, string>>,
): string {
  const params: string[] = [];
  for (const field of ['school', 'event', 'month'] as const) {
    const entry = template.entries[field];
    const value = values[field];
    if (entry && value) params.push(`${entry}=${encodeQueryValue(value)}`);
  }
  return params.length === 0
    ? template.formUrl
    : `${template.formUrl}?usp=pp_url&${params.join('&')}`;
}
