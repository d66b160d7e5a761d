/**
 * A JSON parser that accepts the syntax slips models make but never changes a value
 * (shared/reasoning-rules.md, rules 3–5). It is deliberately not a general "repair" tool:
 * anything it cannot read without guessing is an error.
 */

export type TruncationMode = 'length' | 'stop';

export interface TolerantOptions {
  /** The text ends where the model's reply ends: running out of text is a cut, not a syntax error. */
  atReplyEnd: boolean;
  /** `length`: cut values are dropped and open objects kept. `stop`: only missing closing brackets may be added. */
  mode: TruncationMode;
  /** Stop after the first value (an object embedded in prose); otherwise only whitespace and comments may follow. */
  prefix: boolean;
}

export type TolerantResult =
  | {
      ok: true;
      value: unknown;
      /** Index just after the value. */
      end: number;
      /** Repairs applied, by name (empty when the text was plain JSON). */
      repairs: string[];
      /** The text ended before the value closed. */
      truncated: boolean;
      /** Paths of values dropped because the cut fell inside them. */
      dropped: string[];
    }
  | { ok: false; error: string };

const MAX_DEPTH = 64;
const LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };
const PYTHON_LITERALS: Record<string, boolean | null> = { True: true, False: false, None: null };
const NOT_NUMBERS = new Set(['NaN', 'Infinity', 'undefined']);
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_RUN = /[-+0-9.eE]/;
const WORD_START = /[A-Za-z_$]/;
const WORD_CHAR = /[\w$]/;
const KEY_CHAR = /[\w$-]/;
const OPENING_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”' };
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  "'": "'",
};

/** The reply ended inside a value. */
class Cut extends Error {
  constructor() {
    super('the reply ends inside a value');
  }
}

class Syntax extends Error {}

type Parsed =
  { state: 'complete'; value: unknown } | { state: 'open'; value: unknown; kind: 'object' | 'array' };

/** Parses one JSON value starting at `start` (leading whitespace and comments allowed). */
export function parseTolerant(text: string, options: TolerantOptions, start = 0): TolerantResult {
  const parser = new TolerantParser(text, options, start);
  try {
    return parser.run();
  } catch (error) {
    if (error instanceof Syntax) return { ok: false, error: error.message };
    if (error instanceof Cut) return { ok: false, error: 'the reply ends inside a value' };
    throw error;
  }
}

class TolerantParser {
  readonly #text: string;
  readonly #options: TolerantOptions;
  #pos: number;
  #depth = 0;
  readonly #repairs = new Set<string>();
  readonly #dropped: string[] = [];

  constructor(text: string, options: TolerantOptions, start: number) {
    this.#text = text;
    this.#options = options;
    this.#pos = start;
  }

  run(): TolerantResult {
    this.#skipTrivia();
    if (this.#eof()) throw new Syntax('no JSON value found');
    const parsed = this.#value('$');
    if (parsed === undefined) throw new Syntax('the reply ends inside a value');
    const end = this.#pos;
    if (parsed.state === 'complete' && !this.#options.prefix) {
      this.#skipTrivia();
      if (!this.#eof()) throw new Syntax(`unexpected text after the value at character ${this.#pos}`);
    }
    return {
      ok: true,
      value: parsed.value,
      end,
      repairs: [...this.#repairs],
      truncated: parsed.state === 'open',
      dropped: this.#dropped,
    };
  }

  #eof(): boolean {
    return this.#pos >= this.#text.length;
  }

  #peek(offset = 0): string {
    return this.#text.charAt(this.#pos + offset);
  }

  /** Running out of text: a cut when this is the end of the reply, a syntax error otherwise. */
  #endOfText(): Cut | Syntax {
    return this.#options.atReplyEnd ? new Cut() : new Syntax('the text ends inside a value');
  }

  #skipTrivia(): void {
    for (;;) {
      const c = this.#peek();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\ufeff') {
        this.#pos += 1;
      } else if (c === '/' && this.#peek(1) === '/') {
        this.#repairs.add('comment');
        const newline = this.#text.indexOf('\n', this.#pos);
        this.#pos = newline < 0 ? this.#text.length : newline + 1;
      } else if (c === '/' && this.#peek(1) === '*') {
        this.#repairs.add('comment');
        const close = this.#text.indexOf('*/', this.#pos + 2);
        if (close < 0) {
          if (!this.#options.atReplyEnd) throw new Syntax('unclosed comment');
          this.#pos = this.#text.length;
        } else {
          this.#pos = close + 2;
        }
      } else {
        return;
      }
    }
  }

  /** One value; undefined when the reply ends inside a scalar (length mode: the caller drops it). */
  #value(path: string): Parsed | undefined {
    const c = this.#peek();
    if (c === '{' || c === '[') {
      this.#depth += 1;
      if (this.#depth > MAX_DEPTH) throw new Syntax('nesting is too deep');
      const parsed = c === '{' ? this.#object(path) : this.#array(path);
      this.#depth -= 1;
      return parsed;
    }
    try {
      return { state: 'complete', value: this.#scalar() };
    } catch (error) {
      if (error instanceof Cut && this.#options.mode === 'length') {
        this.#dropped.push(path);
        return undefined;
      }
      throw error;
    }
  }

  #scalar(): unknown {
    const c = this.#peek();
    if (c in OPENING_QUOTES) return this.#string();
    if (c === '-' || (c >= '0' && c <= '9') || c === '+' || c === '.') return this.#number();
    if (WORD_START.test(c)) return this.#literal();
    throw new Syntax(`unexpected character ${JSON.stringify(c)} at character ${this.#pos}`);
  }

  #object(path: string): Parsed {
    this.#pos += 1;
    const result: Record<string, unknown> = {};
    let afterMember = false;
    let afterComma = false;
    for (;;) {
      this.#skipTrivia();
      if (this.#eof()) return this.#openAtEnd(result, 'object', afterMember);
      const c = this.#peek();
      if (c === '}') {
        this.#pos += 1;
        if (afterComma) this.#repairs.add('trailing comma');
        return { state: 'complete', value: result };
      }
      if (c === ',') {
        if (!afterMember) throw new Syntax(`unexpected comma at character ${this.#pos}`);
        this.#pos += 1;
        afterMember = false;
        afterComma = true;
        continue;
      }
      if (afterMember) {
        if (!(c in OPENING_QUOTES) && !WORD_START.test(c)) {
          throw new Syntax(`expected , or } at character ${this.#pos}`);
        }
        this.#repairs.add('missing comma');
      }
      const key = this.#key();
      if (key === undefined) return this.#openAtEnd(result, 'object', false);
      this.#skipTrivia();
      if (this.#eof()) return this.#openAtEnd(result, 'object', false);
      if (this.#peek() !== ':') throw new Syntax(`expected : after a key at character ${this.#pos}`);
      this.#pos += 1;
      this.#skipTrivia();
      if (this.#eof()) return this.#openAtEnd(result, 'object', false);
      const memberPath = `${path}.${key}`;
      const member = this.#value(memberPath);
      if (member === undefined) return this.#openAtEnd(result, 'object', false);
      if (member.state === 'open') {
        if (member.kind === 'object') setMember(result, key, member.value);
        else this.#dropped.push(memberPath);
        return { state: 'open', value: result, kind: 'object' };
      }
      setMember(result, key, member.value);
      afterMember = true;
      afterComma = false;
    }
  }

  #array(path: string): Parsed {
    this.#pos += 1;
    const result: unknown[] = [];
    let afterItem = false;
    let afterComma = false;
    for (;;) {
      this.#skipTrivia();
      if (this.#eof()) return this.#openAtEnd(result, 'array', afterItem);
      const c = this.#peek();
      if (c === ']') {
        this.#pos += 1;
        if (afterComma) this.#repairs.add('trailing comma');
        return { state: 'complete', value: result };
      }
      if (c === ',') {
        if (!afterItem) throw new Syntax(`unexpected comma at character ${this.#pos}`);
        this.#pos += 1;
        afterItem = false;
        afterComma = true;
        continue;
      }
      if (afterItem) {
        if (!(c in OPENING_QUOTES) && c !== '{' && c !== '[')
          throw new Syntax(`expected , or ] at character ${this.#pos}`);
        this.#repairs.add('missing comma');
      }
      const item = this.#value(`${path}[${result.length}]`);
      if (item === undefined) return this.#openAtEnd(result, 'array', false);
      if (item.state === 'open') {
        // An open array is dropped by its parent anyway; keep the items for a root-level report.
        return { state: 'open', value: result, kind: 'array' };
      }
      result.push(item.value);
      afterItem = true;
      afterComma = false;
    }
  }

  /**
   * The text ended inside a container. `stop`: only closing brackets may be missing, after a
   * complete value. `length`: the container stays open and its complete members are kept.
   */
  #openAtEnd(
    value: Record<string, unknown> | unknown[],
    kind: 'object' | 'array',
    afterValue: boolean,
  ): Parsed {
    if (!this.#options.atReplyEnd) throw new Syntax(`the text ends inside an ${kind}`);
    if (this.#options.mode === 'length') return { state: 'open', value, kind };
    if (!afterValue) throw new Cut();
    this.#repairs.add('closing brackets');
    return { state: 'complete', value };
  }

  /** A member name; undefined when the reply ends inside it. */
  #key(): string | undefined {
    const c = this.#peek();
    try {
      if (c in OPENING_QUOTES) return this.#string();
    } catch (error) {
      if (error instanceof Cut && this.#options.mode === 'length') return undefined;
      throw error;
    }
    if (!WORD_START.test(c)) throw new Syntax(`expected a key at character ${this.#pos}`);
    const start = this.#pos;
    while (!this.#eof() && KEY_CHAR.test(this.#peek())) this.#pos += 1;
    if (this.#eof()) {
      if (this.#options.mode === 'length' && this.#options.atReplyEnd) return undefined;
      throw this.#endOfText();
    }
    this.#repairs.add('unquoted key');
    return this.#text.slice(start, this.#pos);
  }

  #string(): string {
    const open = this.#peek();
    const close = OPENING_QUOTES[open] ?? '"';
    if (open !== '"') this.#repairs.add(open === "'" ? 'single quotes' : 'typographic quotes');
    this.#pos += 1;
    let out = '';
    for (;;) {
      if (this.#eof()) throw this.#endOfText();
      const c = this.#peek();
      if (c === close && (close === '"' || this.#closesString())) {
        this.#pos += 1;
        return out;
      }
      if (c === '\\') {
        out += this.#escape();
        continue;
      }
      if (c < ' ') this.#repairs.add('raw control character in string');
      out += c;
      this.#pos += 1;
    }
  }

  /** A single or typographic quote ends its string only where a delimiter follows; otherwise it is content. */
  #closesString(): boolean {
    let look = this.#pos + 1;
    let newline = false;
    while (look < this.#text.length && /\s/.test(this.#text.charAt(look))) {
      if (this.#text.charAt(look) === '\n') newline = true;
      look += 1;
    }
    if (look >= this.#text.length) return true;
    const next = this.#text.charAt(look);
    if (next === ',' || next === ':' || next === '}' || next === ']' || next === '/') return true;
    // A member on the next line after a missing comma.
    return newline && (next in OPENING_QUOTES || WORD_START.test(next));
  }

  #escape(): string {
    const letter = this.#text.charAt(this.#pos + 1);
    if (letter === '') throw this.#endOfText();
    if (letter === 'u') {
      const hex = this.#text.slice(this.#pos + 2, this.#pos + 6);
      if (hex.length < 4 && this.#pos + 2 + hex.length >= this.#text.length && /^[0-9a-fA-F]*$/.test(hex)) {
        throw this.#endOfText();
      }
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Syntax(`bad \\u escape at character ${this.#pos}`);
      this.#pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = ESCAPES[letter];
    if (decoded === undefined) throw new Syntax(`unknown escape \\${letter} at character ${this.#pos}`);
    this.#pos += 2;
    return decoded;
  }

  #number(): number {
    const start = this.#pos;
    while (!this.#eof() && NUMBER_RUN.test(this.#peek())) this.#pos += 1;
    // `12` might have been `120`, and `0.` is never `0`: a number touching the end of the reply is cut.
    if (this.#eof() && this.#options.atReplyEnd) throw new Cut();
    const raw = this.#text.slice(start, this.#pos);
    if (!JSON_NUMBER.test(raw)) {
      if (WORD_START.test(this.#peek()) || raw === '-' || raw === '+') {
        const word = raw + this.#readWord();
        throw new Syntax(`${word} is not a JSON number`);
      }
      throw new Syntax(`${raw} is not a JSON number`);
    }
    return Number(raw);
  }

  #readWord(): string {
    const start = this.#pos;
    while (!this.#eof() && WORD_CHAR.test(this.#peek())) this.#pos += 1;
    return this.#text.slice(start, this.#pos);
  }

  #literal(): boolean | null {
    const start = this.#pos;
    const word = this.#readWord();
    if (word in LITERALS) return LITERALS[word] ?? null;
    if (word in PYTHON_LITERALS) {
      this.#repairs.add('python literal');
      return PYTHON_LITERALS[word] ?? null;
    }
    // A word touching the end of the reply was cut (`nu`); what it would have been is a guess.
    if (this.#eof() && this.#options.atReplyEnd) throw new Cut();
    if (NOT_NUMBERS.has(word)) throw new Syntax(`${word} is not a JSON value (at character ${start})`);
    throw new Syntax(`unexpected word ${JSON.stringify(word.slice(0, 40))} at character ${start}`);
  }
}

/** An own property, as JSON.parse makes it: `"__proto__"` is a key, never the prototype. */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
