/**
 * Deterministic Russian ordering without Intl (localeCompare depends on the host's ICU):
 * case-insensitive, Russian alphabet order with ё right after е, digits before letters and runs
 * of digits compared as numbers («№ 5» before «№ 47»), Latin after Cyrillic.
 */

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

function charRank(ch: string): number {
  const idx = CYRILLIC.indexOf(ch);
  if (idx >= 0) return 2000 + idx;
  const code = ch.charCodeAt(0);
  if (code >= 97 && code <= 122) return 3000 + code; // a–z after Cyrillic
  return code; // spaces, punctuation and anything else first, by code
}

/** Compares two strings the Russian way; usable with Array.prototype.sort. */
export function compareRu(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charAt(i);
    const cy = y.charAt(j);
    const dx = cx >= '0' && cx <= '9';
    const dy = cy >= '0' && cy <= '9';
    if (dx && dy) {
      let ei = i;
      while (ei < x.length && x.charAt(ei) >= '0' && x.charAt(ei) <= '9') ei++;
      let ej = j;
      while (ej < y.length && y.charAt(ej) >= '0' && y.charAt(ej) <= '9') ej++;
      const nx = Number(x.slice(i, ei));
      const ny = Number(y.slice(j, ej));
      if (nx !== ny) return nx < ny ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (dx !== dy) return dx ? -1 : 1;
    const rx = charRank(cx);
    const ry = charRank(cy);
    if (rx !== ry) return rx < ry ? -1 : 1;
    i++;
    j++;
  }
  if (x.length - i !== y.length - j) return x.length - i < y.length - j ? -1 : 1;
  // Equal ignoring case: fall back to code order so the result is still total.
  return a < b ? -1 : a > b ? 1 : 0;
}
