import { describe, expect, it } from 'vitest';
import { detectLoginNames } from './name-logins.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  detectLoginNames(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('login names and handles made of a name', () => {
  it('reads a name joined to an initial or a family name by a dot or an underscore', () => {
    expect(found('user t.nakamura logged in from 10.2.0.4')).toEqual(['t.nakamura']);
    expect(found('priyanka_s: who has the key? devon.k: no idea')).toEqual(['priyanka_s', 'devon.k']);
    expect(found('slack dm from @alexei.volkov: can u reset my vpn')).toEqual(['alexei.volkov']);
    expect(found('@mike.t can you check the 502s?')).toEqual(['mike.t']);
  });

  it('reads an initial glued to a family name where the text says it is a login', () => {
    expect(found('File "/home/mgarcia/projects/app.py", line 88')).toEqual(['mgarcia']);
    expect(found('rdp in with user belmont\\rpatel and the usual password')).toEqual(['rpatel']);
    expect(found("312 failed logins against mthompson's account overnight")).toEqual(['mthompson']);
  });

  it('reads the speakers of a chat log with time stamps', () => {
    expect(found('[09:14] tash: anyone seen the charger [09:15] olly: nah')).toEqual(['tash', 'olly']);
  });

  it('leaves file names, abbreviations, e-mail addresses and service accounts alone', () => {
    expect(found('see config.yaml and app.py, e.g. node.js, i.e. max.min')).toEqual([]);
    expect(found('write to john.smith@example.com')).toEqual([]);
    expect(found('user etl_svc ran the job; login admin failed; /home/deploy/app')).toEqual([]);
  });
});

describe('handles joined by a hyphen', () => {
  it('reads one after @ only', () => {
    expect(found('Venmo: @haylee-brooks for the party')).toEqual(['haylee-brooks']);
    expect(found('the well-known e-mail')).toEqual([]);
  });
});
