/** Russian quotation marks: «ёлочки» outside, „лапки“ inside. */

/**
 * Quotes inside a text written within «…» become „…“, as Russian typography nests them: a
 * template writes «{{Мероприятие}}», and «фестиваль «Мы – команда»» would close twice.
 */
export function innerQuotes(text: string): string {
  return text.replace(/«/g, '„').replace(/»/g, '“');
}

/** A text in «…», its own quotes nested and a closing full stop left outside: «… сделано». */
export function quote(text: string): string {
  return `«${innerQuotes(text.trim().replace(/[.\s]+$/, ''))}»`;
}
