/** Russian language helpers: plurals, numbers, dates, periods, ordering. */
export * from './plural';
export * from './numbers';
export * from './dates';
export * from './periods';
export * from './collation';
export * from './quotes';
