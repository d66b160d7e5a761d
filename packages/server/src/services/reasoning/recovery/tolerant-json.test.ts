import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTolerant } from './tolerant-json.js';

const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => JSON.stringify(value) !== undefined);
const objects = fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 5 });

/**
 * Every value in `part` is one in `whole`: objects may lose keys, arrays may lose trailing items
 * only when `shorterArrays` (a stop sequence swallowed their brackets), nothing else may change.
 */
function isSubValue(part: unknown, whole: unknown, shorterArrays: boolean): boolean {
  if (Array.isArray(part)) {
    if (!shorterArrays) return JSON.stringify(part) === JSON.stringify(whole);
    return (
      Array.isArray(whole) &&
      part.length <= whole.length &&
      part.every((item, index) => isSubValue(item, whole[index], shorterArrays))
    );
  }
  if (part !== null && typeof part === 'object') {
    if (whole === null || typeof whole !== 'object' || Array.isArray(whole)) return false;
    return Object.entries(part).every(
      ([key, value]) =>
        Object.hasOwn(whole, key) &&
        isSubValue(value, (whole as Record<string, unknown>)[key], shorterArrays),
    );
  }
  return Object.is(part, whole) || (part === 0 && whole === 0);
}

describe('parseTolerant', () => {
  it('reads plain JSON as JSON.parse does, with no repair', () => {
    fc.assert(
      fc.property(json, (value) => {
        // A number touching the end of the reply counts as cut, so the reply ends with a newline.
        const text = `${JSON.stringify(value, null, 1)}\n`;
        const parsed = parseTolerant(text, { atReplyEnd: true, mode: 'stop', prefix: false });
        expect(parsed).toMatchObject({ ok: true, repairs: [], truncated: false });
        if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps a "__proto__" key as an own member, as JSON.parse does', () => {
    const text = '{"__proto__": {"admin": true}, "a": 1}\n';
    const parsed = parseTolerant(text, { atReplyEnd: true, mode: 'stop', prefix: false });
    if (!parsed.ok) throw new Error('not parsed');
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
  });

  it('reads every cut by the token limit, never completing or altering a value', () => {
    fc.assert(
      fc.property(objects, fc.nat(), (value, cutAt) => {
        const text = JSON.stringify(value);
        const prefix = text.slice(0, 1 + (cutAt % text.length));
        const parsed = parseTolerant(prefix, { atReplyEnd: true, mode: 'length', prefix: false });
        // An object cut anywhere keeps its complete members: the parse must succeed.
        if (!parsed.ok) throw new Error(`${JSON.stringify(prefix)} was refused: ${parsed.error}`);
        expect(isSubValue(parsed.value, value, false)).toBe(true);
      }),
    );
  });

  it('closes the brackets a stop sequence swallowed, giving back the value exactly', () => {
    fc.assert(
      fc.property(objects, (value) => {
        const cut = JSON.stringify(value).replace(/[\]}]+$/, '');
        // After a string, the last value is complete (a number touching the end may be cut).
        fc.pre(cut.endsWith('"'));
        const parsed = parseTolerant(cut, { atReplyEnd: true, mode: 'stop', prefix: false });
        if (!parsed.ok) throw new Error(`${JSON.stringify(cut)} was refused: ${parsed.error}`);
        expect(parsed.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('only closes brackets for a stop sequence, after a complete value', () => {
    fc.assert(
      fc.property(objects, fc.nat(), (value, cutAt) => {
        const text = JSON.stringify(value);
        const prefix = text.slice(0, cutAt % (text.length + 1));
        const parsed = parseTolerant(prefix, { atReplyEnd: true, mode: 'stop', prefix: false });
        if (parsed.ok) expect(isSubValue(parsed.value, value, true)).toBe(true);
      }),
    );
  });

  it('treats a cut outside the reply end as a syntax error', () => {
    expect(parseTolerant('{"a":"b', { atReplyEnd: false, mode: 'length', prefix: false })).toMatchObject({
      ok: false,
    });
    expect(parseTolerant('{"a":1', { atReplyEnd: false, mode: 'stop', prefix: false })).toMatchObject({
      ok: false,
    });
  });

  it('stops after the first value in prefix mode and says where', () => {
    const parsed = parseTolerant('x {"a":1} tail', { atReplyEnd: true, mode: 'stop', prefix: true }, 2);
    expect(parsed).toMatchObject({ ok: true, value: { a: 1 }, end: 9 });
  });
});
