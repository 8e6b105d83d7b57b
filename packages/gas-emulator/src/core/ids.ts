/** Deterministic ids for Drive files, forms, responses and triggers, shaped like Google's. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class IdFactory {
  private counter = 0;

  /** A 44-character id like a Drive file id, unique within the workspace. */
  next(prefix = '1'): string {
    this.counter += 1;
    let n = this.counter * 2654435761;
    let body = '';
    for (let i = 0; i < 43 - prefix.length; i++) {
      body += ALPHABET[(n + i * 7) % ALPHABET.length];
      n = Math.floor(n / 3) + this.counter;
    }
    return `${prefix}${body}${this.counter.toString(36)}`.slice(
      0,
      44 + String(this.counter).length,
    );
  }

  /** A short numeric id (triggers' unique ids are numeric strings). */
  nextNumeric(): string {
    this.counter += 1;
    return String(1000000 + this.counter);
  }
}
