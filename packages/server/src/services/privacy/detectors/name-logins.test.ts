import { describe, expect, it } from 'vitest';
import { detectAll } from './index.js';
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

describe('accounts where only accounts stand (round 12)', () => {
  it('reads the owner of a home folder, a Windows event account and an access log user', () => {
    expect(found("open '/Users/sofiacosta/Documents/clients/invoices-2026.xlsx'")).toEqual(['sofiacosta']);
    expect(found('C:\\Users\\j.mwangi\\AppData\\Local\\Temp\\setup.log: access denied')).toEqual([
      'j.mwangi',
    ]);
    expect(found('An account failed to log on. Account Name: BPARKER Workstation: FIN-WS-0042')).toEqual([
      'BPARKER',
    ]);
    expect(found('198.51.100.23 - jwilson [02/Mar/2026:10:15:32 +0000] "GET /admin HTTP/1.1" 200')).toEqual([
      'jwilson',
    ]);
  });

  it('reads a handle of a given name and an initial, and a labelled speaker with a name among its parts', () => {
    expect(found("@sarahk it's in the meeting room")).toEqual(['sarahk']);
    expect(found('[10:07] dev_ollie: ok standup in 5')).toEqual(['dev_ollie']);
  });

  it('reads the user of a failed or accepted ssh login, of an ssh command and after login', () => {
    expect(found('Failed password for amaral from 89.180.44.213 port 50122 ssh2')).toEqual(['amaral']);
    expect(found('ssh raquel@bastion.ops.example.lan -i ~/.ssh/id_ed25519')).toEqual(['raquel']);
    expect(found('laptop for Ifeoluwa Adesanya; login iadesanya, temp password on paper')).toEqual([
      'iadesanya',
    ]);
  });

  it('leaves service accounts, shared folders and machine accounts alone', () => {
    expect(
      found('Failed password for invalid user etl_svc from 10.0.0.1; ssh backup-bot@build-7.office.local'),
    ).toEqual([]);
    expect(found('the login page and the login: admin')).toEqual([]);
    expect(found('C:\\Users\\Public\\Documents and /Users/shared/x and /home/runner/work')).toEqual([]);
    expect(found('Account Name: SYSTEM Account Name: FIN-WS-0042$')).toEqual([]);
    expect(found('10.0.0.1 - - [02/Mar/2026:10:15:32 +0000] "GET / HTTP/1.1" 200')).toEqual([]);
  });
});

describe('a person’s login before a host (round 12)', () => {
  it('splits a personal login from the host, keeps a service login with it', () => {
    const typed = (text: string) =>
      detectAll(text, lexicon).map((span) => `${span.type} ${text.slice(span.start, span.end)}`);
    expect(typed('ssh dvasquez@build-runner-07.ci.example.internal -i key')).toEqual([
      'PERSON dvasquez',
      'HOST build-runner-07.ci.example.internal',
    ]);
    expect(typed('ssh deploy@build-7.office.local and restart')).toEqual([
      'HOST deploy@build-7.office.local',
    ]);
  });
});

describe('handles of a given name and a surname the lists lack', () => {
  it('reads them anywhere, with the digits a handle ends in, and after an upper-case or German label', () => {
    expect(found('reply from faisal.alharbi: mine lasts 2 days')).toEqual(['faisal.alharbi']);
    expect(found('please delete my old username sara_lindberg_91 and the phone')).toEqual([
      'sara_lindberg_91',
    ]);
    expect(found('GET /u/maria.gonzalez/invoices HTTP/1.1')).toEqual(['maria.gonzalez']);
    expect(found('USER: ZHOU, WEI / USERNAME: wzhou88 / LAST IP')).toEqual(['wzhou88']);
  });

  it('leaves files, modules and ordinary words', () => {
    expect(found('the file maria.txt and report.pdf')).toEqual([]);
    expect(found('import numpy.linalg; see config.json and data.frame')).toEqual([]);
  });
});

describe('handles of three parts, after @ or DM, and logins after a German label', () => {
  it('reads them', () => {
    expect(found('lol @kofi_mensah_gh you still owe me jollof')).toEqual(['kofi_mensah_gh']);
    expect(found('@priya.k.sharma congrats on the new job!!')).toEqual(['priya.k.sharma']);
    expect(found('if found pls DM kayla_ortiz_ thanks')).toEqual(['kayla_ortiz_']);
    expect(found('Benutzer jmeier, Passwort folgt')).toEqual(['jmeier']);
  });

  it('leaves DM before a pronoun', () => {
    expect(found('DM me later about it')).toEqual([]);
  });
});
