/**
 * Russian number formatting without Intl.
 *
 * Decision: the integer part is grouped by three digits with a non-breaking space (U+00A0) from
 * four digits up — «1 234,5», as DOMAIN.md shows. (Typographers such as Мильчин leave
 * four-digit numbers unsplit in running text, but tables mix them with larger numbers and a
 * single rule keeps every column aligned.) Decimal comma; negative numbers take the true minus
 * sign U+2212; a percent sign is separated by a non-breaking space (ГОСТ 8.417: «15,4 %»).
 * Years and numbers inside dates are never passed through these functions.
 */

/** Non-breaking space. */
export const NBSP = '\u00A0';
/** Typographic minus sign. */
export const MINUS = '\u2212';

/**
 * «№ 47», «№ 12-о», «от 05.10.2021 № 3»: the spaces after a number sign become one no-break space,
 * so «№» never ends a line apart from its number. For document text only — what a school or the
 * centre typed stays as typed in the tabs; a sign written without a space («№47») is left so.
 */
export function keepNumberSign(text: string): string {
  return text.replace(/№[ \t]+/g, '№' + NBSP);
}

/** Rounds half away from zero to `digits` decimals (Math.round alone rounds −2.5 to −2). */
export function roundTo(value: number, digits: number): number {
  const factor = Math.pow(10, digits);
  // The tiny nudge absorbs binary representation error: 1.005 * 100 = 100.49999…
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * 1e-12) / factor;
  return value < 0 ? -rounded : rounded;
}

/** Groups the digits of a non-negative integer string by three with NBSP (from 4 digits). */
function groupThousands(digits: string): string {
  if (digits.length < 4) return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NBSP;
    out += digits.charAt(i);
  }
  return out;
}

/** «1 234,5»: a number with `fractionDigits` fixed decimals, decimal comma, NBSP groups. */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!isFinite(value)) return '—';
  const rounded = roundTo(value, fractionDigits);
  const negative = rounded < 0;
  const fixed = Math.abs(rounded).toFixed(fractionDigits);
  const dot = fixed.indexOf('.');
  const intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  const fracPart = dot < 0 ? '' : fixed.slice(dot + 1);
  const body = groupThousands(intPart) + (fracPart ? ',' + fracPart : '');
  return (negative ? MINUS : '') + body;
}

/** A count or a decimal with at most `maxFractionDigits`, trailing zeros dropped: 2 → «2», 1.5 → «1,5». */
export function formatDecimal(value: number, maxFractionDigits = 1): string {
  const rounded = roundTo(value, maxFractionDigits);
  let digits = 0;
  while (digits < maxFractionDigits && roundTo(rounded, digits) !== rounded) digits++;
  return formatNumber(rounded, digits);
}

/** «15,4 %»: a percentage (already in percent units) with one decimal and NBSP before the sign. */
export function formatPercent(percent: number | null, fractionDigits = 1): string {
  if (percent === null || !isFinite(percent)) return '—';
  return formatNumber(percent, fractionDigits) + NBSP + '%';
}

/** «+12», «−5», «0»: a signed change, for dynamics tables. */
export function formatSignedNumber(value: number, fractionDigits = 0): string {
  const text = formatNumber(value, fractionDigits);
  return roundTo(value, fractionDigits) > 0 ? '+' + text : text;
}

/** «+19,7 %», «−8,1 %»: a signed percentage change. */
export function formatSignedPercent(percent: number | null, fractionDigits = 1): string {
  if (percent === null || !isFinite(percent)) return '—';
  return formatSignedNumber(percent, fractionDigits) + NBSP + '%';
}

/** Share `part / whole` in percent rounded to one decimal, or null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return roundTo((part / whole) * 100, 1);
}
