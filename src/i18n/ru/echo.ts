/** How a message quotes what someone typed: a short, clean excerpt in «ёлочки», never the whole text. */
import { excerpt } from '../../domain/text/clean';

/** «…» around at most a short one-line excerpt of the typed text. */
export const echo = (typed: unknown): string => `«${excerpt(typed)}»`;
