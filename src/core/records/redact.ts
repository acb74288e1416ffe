/**
 * Deleted records taken out of a copy that cannot be read as a journal: an archive file set aside as
 * damaged (often cut off mid-way, so not even JSON) or a value kept aside in globalState. Such a copy
 * is kept for the user to recover by hand, so it is rewritten, not removed: every object in a list
 * whose own "id" is a deleted one goes, and so does a session or rating of a deleted domain;
 * everything else stays as it was written. The tombstones
 * themselves (the "deleted" list) stay: they hold no text, and they say what was deleted.
 */

/** Deeper than any copy Small Wins writes: what lies below is kept as written, so a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** The text without the objects of deleted records; the same string when it holds none. Linear in the text. */
export function redactRecords(text: string, ids: ReadonlySet<string>): string {
  if (ids.size === 0) return text;
  const redactor = new Redactor(text, ids);
  const out = redactor.run();
  return redactor.removed ? out : text;
}

/** A value kept aside, without the objects of deleted records; the same value when it holds none (or when what is left would not read back). */
export function redactValue(value: unknown, ids: ReadonlySet<string>): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  const redacted = redactRecords(text, ids);
  if (redacted === text) return value;
  try {
    return JSON.parse(redacted) as unknown;
  } catch {
    return value;
  }
}

/** A value as it will be written; for an object, its id, and the domain it belongs to (a session's or a rating's). */
interface Read {
  text: string;
  id?: string;
  domainId?: string;
}

/**
 * A forgiving reader of JSON that writes back what it reads: it accepts a text cut off anywhere and
 * stray characters (copied as they are), and always moves forward, so it ends on any input.
 */
class Redactor {
  removed = false;
  #at = 0;
  readonly #text: string;
  readonly #ids: ReadonlySet<string>;

  constructor(text: string, ids: ReadonlySet<string>) {
    this.#text = text;
    this.#ids = ids;
  }

  run(): string {
    let out = '';
    while (this.#at < this.#text.length) out += this.#value(0).text;
    return out;
  }

  /** One value as it will be written, and the id it carries when it is an object with one. */
  #value(depth: number): Read {
    const start = this.#at;
    this.#space();
    const lead = this.#text.slice(start, this.#at);
    const c = this.#text[this.#at];
    if (c === undefined) return { text: lead };
    if (depth >= MAX_DEPTH) {
      const rest = this.#text.slice(this.#at);
      this.#at = this.#text.length;
      return { text: lead + rest };
    }
    if (c === '{') return this.#object(lead, depth);
    if (c === '[') return { text: lead + this.#array(undefined, depth) };
    if (c === '"') return { text: lead + this.#string() };
    // A number, true, false, null, or a stray character: up to the next delimiter, at least one character.
    const from = this.#at;
    this.#at++;
    while (this.#at < this.#text.length && !',:]}[{" \t\r\n'.includes(this.#text[this.#at] as string)) this.#at++;
    return { text: lead + this.#text.slice(from, this.#at) };
  }

  #object(lead: string, depth: number): Read {
    let out = `${lead}{`;
    let id: string | undefined;
    let domainId: string | undefined;
    let ofDomain = false;
    const read = (): Read => ({ text: out, ...(id !== undefined ? { id } : {}), ...(ofDomain && domainId !== undefined ? { domainId } : {}) });
    this.#at++;
    for (;;) {
      out += this.#spaces();
      const c = this.#text[this.#at];
      if (c === undefined) return read();
      if (c === '}' || c === ']') {
        // A "]" here is a stray one; the object ends at it either way.
        this.#at++;
        out += '}';
        return read();
      }
      if (c === ',' || c === ':') {
        out += c;
        this.#at++;
        continue;
      }
      if (c !== '"') {
        out += this.#value(depth + 1).text;
        continue;
      }
      const keyToken = this.#string();
      out += keyToken;
      out += this.#spaces();
      if (this.#text[this.#at] !== ':') continue;
      out += ':';
      this.#at++;
      const key = parsedString(keyToken);
      out += this.#spaces();
      if (this.#text[this.#at] === '[') out += this.#array(key, depth + 1);
      else {
        const value = this.#value(depth + 1);
        out += value.text;
        if (key === 'id') id = parsedString(value.text.trim());
        if (key === 'domainId') domainId = parsedString(value.text.trim());
        // A session (it starts) or a rating (it has a value) belongs to its domain; a model or encouragement only names one.
        if (key === 'startedAt' || key === 'value') ofDomain = true;
      }
    }
  }

  /** A list, written without the objects of deleted records (and the commas that separated them). */
  #array(under: string | undefined, depth: number): string {
    this.#at++;
    const kept: string[] = [];
    for (;;) {
      const before = this.#spaces();
      const c = this.#text[this.#at];
      if (c === undefined) return `[${kept.join(',')}${before}`;
      if (c === ']' || c === '}') {
        this.#at++;
        return `[${kept.join(',')}${before}]`;
      }
      if (c === ',') {
        this.#at++;
        continue;
      }
      const element = this.#value(depth + 1);
      const gone = (id: string | undefined) => id !== undefined && this.#ids.has(id);
      const deleted = under !== 'deleted' && (gone(element.id) || gone(element.domainId));
      if (deleted) this.removed = true;
      else kept.push(before + element.text);
    }
  }

  /** A string token as written, ending at its closing quote or at the end of the text. */
  #string(): string {
    const from = this.#at;
    this.#at++;
    while (this.#at < this.#text.length) {
      const c = this.#text[this.#at];
      this.#at += c === '\\' ? 2 : 1;
      if (c === '"') break;
    }
    this.#at = Math.min(this.#at, this.#text.length);
    return this.#text.slice(from, this.#at);
  }

  #space(): void {
    while (this.#at < this.#text.length && ' \t\r\n'.includes(this.#text[this.#at] as string)) this.#at++;
  }

  #spaces(): string {
    const from = this.#at;
    this.#space();
    return this.#text.slice(from, this.#at);
  }
}

/** A complete string token's value; undefined for anything else (a cut-off token, a number). */
function parsedString(token: string): string | undefined {
  if (token.length < 2 || !token.startsWith('"') || !token.endsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
