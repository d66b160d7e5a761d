import { describe, expect, it } from 'vitest';
import { detectCards } from './card.js';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { detectEmails } from './email.js';
import { detectInternalHosts } from './network.js';
import { detectNationalIds } from './national-id.js';
import { detectPhones } from './phone.js';
import { cyrillicPasswords, polishPasswords } from './secret-polish-cyrillic-passwords.js';
import { detectSpoken } from './spoken.js';
import { loadNameLexicon } from './name-lexicon.js';
import { detectSensitiveUrls } from './url.js';
import { detectPlates } from './plate.js';

const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));
const phones = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));
const hosts = (text: string) => detectInternalHosts(text).map((span) => text.slice(span.start, span.end));
const urls = (text: string) => detectSensitiveUrls(text).map((span) => text.slice(span.start, span.end));
const cards = (text: string) => detectCards(text).map((span) => text.slice(span.start, span.end));
const spoken = (text: string) =>
  detectSpoken(text).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
const emails = (text: string) => detectEmails(text).map((span) => text.slice(span.start, span.end));
const lexicon = await loadNameLexicon();
const plates = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('round 13b plate labels', () => {
  it('reads a plate after its label in Norwegian, Finnish, Serbian, Malay, Urdu and Chinese', () => {
    expect(plates('bilnummer EL 48213.')).toEqual(['EL 48213']);
    expect(plates('rekisterinumero KLM-482.')).toEqual(['KLM-482']);
    expect(plates('registracija BG 482-KT.')).toEqual(['BG 482-KT']);
    expect(plates('no. pendaftaran WXY 4821.')).toEqual(['WXY 4821']);
    expect(plates('گاڑی نمبر LEA-4821۔')).toEqual(['LEA-4821']);
    expect(plates('張家豪先生的車牌 ABC-1234，明天保養。')).toEqual(['ABC-1234']);
  });

  it('takes an Azerbaijani plate anywhere, not after a reference word', () => {
    expect(plates('Sığorta müraciəti: tel. +994 55 448 21 90, nömrə 10-AB-482.')).toEqual(['10-AB-482']);
    expect(plates('Invoice 10-AB-482')).toEqual([]);
    expect(plates('code 00-AB-482 or 10-AB-4821')).toEqual([]);
  });

  it('takes no version number for a plate, but a plate before a full stop', () => {
    expect(plates('switch core-sw-01, IOS-XE 17.9.4a; owner Network Ops.')).toEqual([]);
    expect(plates('Lieferwagen B-MW 1234.')).toEqual(['B-MW 1234']);
  });

  it('takes no number without letters after a label', () => {
    expect(plates('bilnummer 48213.')).toEqual([]);
    expect(plates('rekisterinumero 2024.')).toEqual([]);
    expect(plates('pendaftaran dibuka esok.')).toEqual([]);
  });
});

describe('round 13b identity numbers', () => {
  it('leaves a value whose later label has its own value after a word (`WA 12345, PESEL kierowcy …`)', () => {
    expect(ids('Rejestracja WA 12345, PESEL kierowcy 02270815537')).toEqual(['02270815537']);
    expect(ids('run PR-2026-11 fine, NINO JT 48 27 61 C')).toEqual(['JT 48 27 61 C']);
  });

  it('still takes a value whose label follows it without its own', () => {
    expect(ids('206724329 is het BSN van de klant')).toEqual(['206724329']);
  });

  it('takes an Israeli ID after ת.ז. with its check, and an Egyptian national number after its label', () => {
    expect(ids('ת.ז. 123456782 של אבי כהן')).toEqual(['123456782']);
    expect(ids('ת.ז. 123456783 של אבי כהן')).toEqual([]);
    expect(ids('المبلّغ أحمد، الرقم القومي 28905142101735، العنوان')).toEqual(['28905142101735']);
    expect(ids('رقم الطلب 28905142101735')).toEqual([]);
  });

  it('takes a Canadian SIN in spaced threes in a record line with a Canadian postcode', () => {
    const row = '"Kalani Akana","728 304 155","1820 Pemberton Ave, North Vancouver, BC V7P 2S2"';
    expect(ids(row)).toEqual(['728 304 155']);
    expect(ids(row.replace('155', '156'))).toEqual([]);
    expect(ids('"Kalani Akana","728 304 155","Payroll Clerk"')).toEqual([]);
    expect(ids('call 416 728 304 155, BC V7P 2S2')).toEqual([]);
  });

  it('takes no payroll run named by its month after `run`', () => {
    expect(ids('paid twice in run PR-2026-11; recover next cycle')).toEqual([]);
    expect(ids('RUN 12.345.678-5')).toEqual(['12.345.678-5']);
  });
});

describe('round 13b Israeli plates', () => {
  it('reads seven or eight digits after the vehicle word, not as a listed phone', () => {
    const claim = 'טלפון 052-448-1907, רכב 48-291-07.';
    expect(plates(claim)).toEqual(['48-291-07']);
    expect(phones(claim)).toEqual(['052-448-1907']);
    expect(plates('מספר רכב 123-45-678')).toEqual(['123-45-678']);
  });

  it('takes no digits without the vehicle word, and still lists a second phone', () => {
    expect(plates('טלפון 48-291-07')).toEqual([]);
    expect(plates('רכב 4829107')).toEqual([]);
    expect(phones('call 0803 456 7890 or 0805 123 4567')).toEqual(['0803 456 7890', '0805 123 4567']);
  });
});

describe('round 13b internal hosts', () => {
  it('takes internationalised labels and the .intra zone', () => {
    expect(hosts('Server srv-nas02.büro.local nicht erreichbar')).toEqual(['srv-nas02.büro.local']);
    expect(hosts('cannot join wifi-ctrl.lojafeliz.intra today')).toEqual(['wifi-ctrl.lojafeliz.intra']);
  });

  it('takes no public name, nor a dotfile, nor `.intra` inside a longer name', () => {
    expect(hosts('Besuchen Sie www.bäckerei-müller.de')).toEqual([]);
    expect(hosts('edit .intra then reload')).toEqual([]);
    expect(hosts('see docs.intranetwork.com')).toEqual([]);
  });
});

describe('round 13b fleet machine names', () => {
  it('takes a hyphenated name with a server role ending in a number', () => {
    expect(hosts('SSH in via bastion then billing-worker-07; creds in vault')).toEqual(['billing-worker-07']);
    expect(hosts('サーバー db-tky-replica2 のパスワードは')).toEqual(['db-tky-replica2']);
  });

  it('takes no log tag in brackets, no name without a number and no role inside a word', () => {
    expect(hosts('deploy log: [ci-runner-4] pulling from origin')).toEqual([]);
    expect(hosts('the k8s-node-pool is up')).toEqual([]);
    expect(hosts('a grand-dbx-nodes-2 case')).toEqual([]);
    expect(hosts('see /srv/billing-worker-07/logs')).toEqual([]);
  });
});

describe('round 13b profile links', () => {
  it("takes a profile on a country's subdomain, with letters beyond ASCII", () => {
    expect(urls('LinkedIn: https://de.linkedin.com/in/jürgen-obermaier-4b2a1')).toEqual([
      'https://de.linkedin.com/in/jürgen-obermaier-4b2a1',
    ]);
  });

  it('takes a Confluence page titled with a name, not one titled with words', () => {
    const names = 'https://confluence.acme.com/display/CS/Onboarding+Jiale+Wu';
    expect(detectSensitiveUrls(`see ${names}`, undefined, lexicon).length).toBe(1);
    expect(
      detectSensitiveUrls(
        'see https://confluence.acme.com/display/CS/Onboarding+Checklist',
        undefined,
        lexicon,
      ),
    ).toEqual([]);
  });

  it("takes no site page on a country's subdomain, nor another site's subdomain", () => {
    expect(urls('see https://de.linkedin.com/help/ for that')).toEqual([]);
    expect(urls('see https://de.example.com/in/jurgen')).toEqual([]);
  });
});

describe('round 13b dates of birth', () => {
  const dobs = (text: string) =>
    detectBirthDatesInAnyForm(text).map((span) => text.slice(span.start, span.end));

  it('takes the birth-date field of an SSR DOCS record, not its expiry', () => {
    expect(dobs('SSR DOCS HK1/P/IND/Z1234567/IND/03MAR88/F/22OCT33/IYER/LAKSHMI')).toEqual(['03MAR88']);
    expect(dobs('FLIGHT AI 101 03MAR88 22OCT33')).toEqual([]);
  });

  it('takes a Japanese era date with its birth cue only', () => {
    expect(dobs('高橋さん（昭和58年4月2日生）、主治医')).toEqual(['昭和58年4月2日']);
    expect(dobs('生年月日：平成元年1月8日')).toEqual(['平成元年1月8日']);
    expect(dobs('令和5年4月1日から施行')).toEqual([]);
  });

  it('takes Persian and Arabic written dates after a birth cue', () => {
    expect(dobs('متقاضی، تاریخ تولد ۲۲ بهمن ۱۳۶۸، تلفن')).toEqual(['۲۲ بهمن ۱۳۶۸']);
    expect(dobs('المستفيدة من عمّان، مواليد السابع من تموز ١٩٩٢.')).toEqual(['السابع من تموز ١٩٩٢']);
    expect(dobs('تاریخ قرارداد ۲۲ بهمن ۱۴۰۲')).toEqual([]);
    expect(dobs('الاجتماع في السابع من تموز ٢٠٢٤')).toEqual([]);
  });

  it('takes a date after the Amharic `date of birth`, not after a bare `day`', () => {
    expect(dobs('የትውልድ ቀን 12/05/1990')).toEqual(['12/05/1990']);
    expect(dobs('ቀን 12/05/1990')).toEqual([]);
  });

  it('takes an Italian date read out after `nato il`', () => {
    expect(dobs('sono nato il quindici agosto millenovecentottantadue')).toEqual([
      'quindici agosto millenovecentottantadue',
    ]);
    expect(dobs('la riunione è il quindici agosto duemilaventisei')).toEqual([]);
  });
});

describe('round 13b phones', () => {
  it('takes a number joined to a Hebrew preposition by a hyphen', () => {
    expect(phones('היא ביקשה שנחזור אליה ב-052-555-7431')).toEqual(['052-555-7431']);
  });

  it('takes no number joined to a Latin code by a hyphen', () => {
    expect(phones('ref AB-052-555-7431')).toEqual([]);
  });
});

describe('round 13b cards', () => {
  it('takes a card read digit by digit, and a Troy card after the Turkish card word', () => {
    expect(cards('Customer: 4 5 7 7 4 6 3 7 0 6 4 3 3 0 4 7. Agent: thanks')).toEqual([
      '4 5 7 7 4 6 3 7 0 6 4 3 3 0 4 7',
    ]);
    expect(cards('Elif Hanım kart numarasını verdi: 9792 0710 1234 5678')).toEqual(['9792 0710 1234 5678']);
  });

  it('takes no single digits failing the check, nor a 9-prefixed number without a card word', () => {
    expect(cards('seats 4 5 7 7 4 6 3 7 0 6 4 3 3 0 4 8 left')).toEqual([]);
    expect(cards('ticket 9712 0710 1234 5675')).toEqual([]);
  });
});

describe('round 13b numbers read out', () => {
  it('reads `double-zero` joined by a hyphen', () => {
    expect(
      spoken('your mobile: zero seven seven double-zero, nine eight three, four one two — right?'),
    ).toEqual(['PHONE:zero seven seven double-zero, nine eight three, four one two']);
  });

  it("takes sixteen digits on a card issuer's prefix with a valid check, even without the card word", () => {
    expect(
      spoken('the number: two two two one, seven nine one seven, zero two three six, five zero eight four?'),
    ).toEqual(['CARD:two two two one, seven nine one seven, zero two three six, five zero eight four']);
  });

  it("takes no sixteen digits failing the check or off an issuer's prefix without the card word", () => {
    expect(
      spoken('the number: two two two one, seven nine one seven, zero two three six, five zero eight five'),
    ).toEqual([]);
    expect(
      spoken('order: one two two one, seven nine one seven, zero two three six, five zero eight six'),
    ).toEqual([]);
  });
});

describe('round 13b e-mail addresses said in other languages', () => {
  it('takes an address said in French or Spanish from its word for @', () => {
    expect(emails("euh, mon mail c'est margaux point leroy arobase orange point fr")).toEqual([
      'margaux point leroy arobase orange point fr',
    ]);
    expect(emails('escribe a juan punto perez arroba gmail punto com hoy')).toEqual([
      'juan punto perez arroba gmail punto com',
    ]);
  });

  it('takes no word for @ without a spelled domain after it', () => {
    expect(emails('la arroba es un símbolo')).toEqual([]);
    expect(emails("l'arobase point de vue")).toEqual([]);
  });
});

describe('round 13b German numbers read out', () => {
  it('takes a phone number read out in German after a phone word', () => {
    expect(spoken('Meine Nummer ist null eins fünf sieben, drei drei zwei, vier vier acht null.')).toEqual([
      'PHONE:null eins fünf sieben, drei drei zwei, vier vier acht null',
    ]);
    expect(spoken('Handy: null eins sieben doppel drei, vier vier acht null eins')).toEqual([
      'PHONE:null eins sieben doppel drei, vier vier acht null eins',
    ]);
  });

  it('takes no few digit words, nor digit words without a phone word', () => {
    expect(spoken('Nummer eins ist zwei drei')).toEqual([]);
    expect(spoken('null eins fünf sieben drei drei zwei vier vier acht null')).toEqual([]);
  });
});

describe('round 13b IBANs read out', () => {
  const said = 'G B two nine N W B K six zero one six one three three one nine two six eight one nine';

  it('takes an IBAN read out letter by letter and digit by digit when its check passes', () => {
    expect(spoken(`the eye bank is ${said}`)).toEqual([`IBAN:${said}`]);
  });

  it('takes no run failing the mod-97 check', () => {
    expect(spoken(`the eye bank is ${said.replace(/nine$/, 'eight')}`)).toEqual([]);
  });
});

describe('round 13b Polish passwords', () => {
  const secrets = (text: string) => polishPasswords(text).map((span) => text.slice(span.start, span.end));

  it('takes a value with letters and digits after hasło … to / jest', () => {
    expect(secrets('hasło do VPN użytkownika Krzysztofa Zielińskiego to Zima2026!Kraków, zmienić')).toEqual([
      'Zima2026!Kraków',
    ]);
    expect(secrets('Twoje hasło jest Lato2024#.')).toEqual(['Lato2024#']);
  });

  it('takes no word without digits, nor a value without the password word', () => {
    expect(secrets('hasło to jest trudne 2024')).toEqual([]);
    expect(secrets('numer to Zima2026!Kraków')).toEqual([]);
  });
});

describe('Russian and Ukrainian passwords (round 13)', () => {
  const secrets = (text: string) => cyrillicPasswords(text).map((span) => text.slice(span.start, span.end));

  it('reads a value with letters and digits after the password word in any case', () => {
    expect(secrets('утверждает, что пароль wwXTkX0LYbMaEb был изменён')).toEqual(['wwXTkX0LYbMaEb']);
    expect(secrets('новий пароль: Kyiv2026!')).toEqual(['Kyiv2026!']);
  });

  it('leaves a password word without a value alone', () => {
    expect(secrets('пароль изменён вчера')).toEqual([]);
    expect(secrets('смена пароля 12 марта')).toEqual([]);
  });
});
