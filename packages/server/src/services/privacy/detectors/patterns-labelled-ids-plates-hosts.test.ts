import { describe, expect, it } from 'vitest';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { detectEmails } from './email.js';
import { detectNationalIds } from './national-id.js';
import { detectInternalHosts, detectIps } from './network.js';
import { nhiValid } from './national-id-saudi-nhi-mongolia.js';
import { detectPlates } from './plate.js';
import { detectSecrets } from './secret.js';
import { loadNameLexicon } from './name-lexicon.js';
import { detectSensitiveUrls } from './url.js';

const plates = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));
const dobs = (text: string) =>
  detectBirthDatesInAnyForm(text).map((span) => text.slice(span.start, span.end));
const hosts = (text: string) => detectInternalHosts(text).map((span) => text.slice(span.start, span.end));
const emails = (text: string) => detectEmails(text).map((span) => text.slice(span.start, span.end));
// Each value once: an older rule may read the same one.
const secrets = (text: string) => [
  ...new Set(detectSecrets(text).map((span) => text.slice(span.start, span.end))),
];
const names = await loadNameLexicon();
const urls = (text: string) =>
  detectSensitiveUrls(text, undefined, names).map((span) => text.slice(span.start, span.end));
const ips = (text: string) => detectIps(text).map((span) => text.slice(span.start, span.end));
const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('round 13 identity numbers', () => {
  it('takes a Saudi national ID or iqama with its Luhn check after an Arabic label', () => {
    expect(ids('رقم الهوية الوطنية 1048213761، تاريخ الميلاد')).toEqual(['1048213761']);
    expect(ids('رقم هوية محمد العتيبي هو 1732021520 والآيبان')).toEqual(['1732021520']);
    expect(ids('تم تجديد الهوية، والمبلغ 1732021520 ريال')).toEqual(['1732021520']);
    expect(ids('تم تجديد الهوية، والمبلغ 1732021521 ريال')).toEqual([]);
    expect(ids('رقم الطلب 1048213761')).toEqual([]);
  });

  it('takes an Israeli ID after מספר (ה)זהות with its check', () => {
    expect(ids('מספר הזהות של נועה לוי הוא 034821371, טלפון')).toEqual(['034821371']);
    expect(ids('מספר הזהות של נועה לוי הוא 034821372, טלפון')).toEqual(['034821372']);
    expect(ids('מספר ההזמנה של נועה הוא 034821371')).toEqual([]);
  });

  it('reads the Sinhala NIC label with its virama and the Bengali NID label', () => {
    expect(ids('නිමල් මහතාගේ ජාතික හැඳුනුම්පත් අංකය 198820401482.')).toEqual(['198820401482']);
    expect(ids('রহিম উদ্দিন-এর জাতীয় পরিচয়পত্র নম্বর 1992 4816 3327, মোবাইল')).toEqual(['1992 4816 3327']);
    expect(ids('রহিম উদ্দিন-এর অর্ডার নম্বর 1992 4816 3327')).toEqual([]);
  });

  it("checks New Zealand's NHI and takes it after its label", () => {
    expect(nhiValid('ZKM4829')).toBe(true);
    expect(nhiValid('ZKM4828')).toBe(false);
    expect(nhiValid('ZIM4829')).toBe(false);
    expect(ids('Mr Tevita Fifita, NHI ZKM4829, discharged')).toEqual(['ZKM4829']);
    expect(ids('Mr Tevita Fifita, NHI ZKM4828, discharged')).toEqual([]);
    expect(ids('Ticket ZKM4829 closed')).toEqual([]);
  });

  it('takes a Danish CPR with a birth date after the acronym earlier on the line', () => {
    expect(ids('CPR på Rasmus Nielsen er 180392-9150, reg. nr.')).toEqual(['180392-9150']);
    expect(ids('CPR på Rasmus Nielsen er 184392-9150')).toEqual([]);
    expect(ids('ordre 180392-9150 er sendt')).toEqual([]);
  });

  it("takes Colombia's cédula after C.C. with its dots", () => {
    expect(ids('arrendatario Luis Fernando Arango, C.C. 79.845.112, inmueble')).toEqual(['79.845.112']);
    expect(ids('Reply-all, cc 79845112 recipients')).toEqual([]);
  });

  it("takes Mongolia's register number with a birth date after its label", () => {
    expect(ids('Виз: Батбаяр, регистрийн дугаар УБ90021473, утас 9911 4821.')).toEqual(['УБ90021473']);
    expect(ids('РД: УБ05220473')).toEqual(['УБ05220473']);
    expect(ids('регистрийн дугаар УБ90341473')).toEqual([]);
    expect(ids('захиалга УБ90021473')).toEqual([]);
  });

  it('leaves a trunk phone number before a later ID label to the phone', () => {
    expect(ids('nọmba Funmilayo ni 0803 456 7890, NIN rẹ ni 48291736502.')).toEqual(['48291736502']);
  });
});

describe('round 13 plates', () => {
  it("reads a UAE plate's Arabic code letter, not the conjunction و", () => {
    expect(plates('لوحة السيارة دبي ي 48213 مسجلة')).toEqual(['دبي ي 48213']);
    expect(plates('سافرت إلى دبي و 3 أيام')).toEqual([]);
  });

  it('takes a Thai plate with its province', () => {
    expect(plates('ทะเบียนรถ กข 4821 กรุงเทพมหานคร ของคุณวิภาวรรณ')).toEqual(['กข 4821 กรุงเทพมหานคร']);
    expect(plates('ทะเบียนรถ 2กต 8817 ของคุณวิภาวรรณ')).toEqual(['2กต 8817']);
    expect(plates('ราคา 4821 บาท ที่กรุงเทพมหานคร')).toEqual([]);
  });

  it('reads Polish plates after nr rej. and a tractor unit', () => {
    expect(plates('Warszawa; nr rej. WA 48213.')).toEqual(['WA 48213']);
    expect(plates('ciągnik WA 71842, naczepa WGM 4H12')).toEqual(['WA 71842', 'WGM 4H12']);
    expect(plates('rejected 48213 items')).toEqual([]);
  });

  it('takes a Bangladeshi plate typed in capitals', () => {
    expect(plates('plate DHAKA METRO GA 12-3456 — parcel')).toEqual(['DHAKA METRO GA 12-3456']);
    expect(plates('DHAKA METRO office, room 12-3456')).toEqual([]);
  });

  it('takes a Slovak plate after the car word', () => {
    expect(plates('Auto BA-482KL patrí pánovi')).toEqual(['BA-482KL']);
    expect(plates('Model BA-482KL')).toEqual([]);
  });
});

describe('round 13 dates of birth', () => {
  it('reads a Russian date said in words after a birth cue', () => {
    expect(dobs('Назовите дату рождения. Клиент: двенадцатое марта восемьдесят седьмого года.')).toEqual([
      'двенадцатое марта восемьдесят седьмого года',
    ]);
    expect(dobs('родился двадцать первого мая тысяча девятьсот девяностого года')).toEqual([
      'двадцать первого мая тысяча девятьсот девяностого года',
    ]);
    expect(dobs('Встреча назначена на двенадцатое марта восемьдесят седьмого года')).toEqual([]);
  });

  it('reads a Hindi date said in words after जन्म', () => {
    expect(dobs('मेरी जन्मतिथि पाँच जून उन्नीस सौ बानवे है।')).toEqual(['पाँच जून उन्नीस सौ बानवे']);
    expect(dobs('बैठक पाँच जून उन्नीस सौ बानवे को हुई थी।')).toEqual([]);
  });

  it('reads Punjabi and Kazakh months, the Hindi जन्मतिथि, the Amharic era and the Somali cue', () => {
    expect(dobs('ਜਨਮ ਮਿਤੀ 11 ਮਾਰਚ 1990।')).toEqual(['11 ਮਾਰਚ 1990']);
    expect(dobs('और जन्मतिथि 15 अगस्त 1985।')).toEqual(['15 अगस्त 1985']);
    expect(dobs('የልደት ቀን፡ መስከረም 12 ቀን 1983 ዓ.ም. — ዳዊት')).toEqual(['መስከረም 12 ቀን 1983 ዓ.ም.']);
    expect(dobs('Айгерім туған күні 1991 жылғы 14 наурыз; телефоны')).toEqual(['1991 жылғы 14 наурыз']);
    expect(dobs('taariikhda dhalashada 12/03/1990.')).toEqual(['12/03/1990']);
    expect(dobs('Shirka wuxuu dhacay 12/03/1990.')).toEqual([]);
    expect(dobs('Кездесу 1991 жылғы 14 наурыз өтті')).toEqual([]);
  });

  it('takes a birthday without its year right after the cue', () => {
    expect(dobs("cousin Rudo's bday is 23 Nov she turns 30")).toEqual(['23 Nov']);
    expect(dobs('her birthday: March 4th, remember')).toEqual(['March 4th']);
    expect(dobs('bday party on 23 Nov at the hall')).toEqual([]);
    expect(dobs('birthday cake ordered, pick up 23 Nov')).toEqual([]);
  });
});

describe('round 13 hosts', () => {
  it('reads a domain whose organisation label ends in an internal zone', () => {
    expect(hosts('connected from 113.161.72.45 to erp.vinatex-int.vn.')).toEqual(['erp.vinatex-int.vn']);
    expect(hosts('ssh deploy@bastion01.ops.acme-int.net -i ~/.ssh/id_ed25519')).toEqual([
      'bastion01.ops.acme-int.net',
    ]);
    expect(emails('ssh deploy@bastion01.ops.acme-int.net -i ~/.ssh/id_ed25519')).toEqual([]);
    expect(emails('write to deploy@bastion01.ops.acme-int.net')).toEqual([
      'deploy@bastion01.ops.acme-int.net',
    ]);
    expect(hosts('write to deploy@bastion01.ops.acme-int.net')).toEqual([]);
    expect(hosts('see www.acme-corp.com and the point-int. note')).toEqual([]);
  });

  it("takes a DHCP client's name after its MAC", () => {
    expect(hosts('dhcpd: DHCPACK on 10.0.14.203 to a4:83:e7:2b:91:0c (lap-okeke-02) via eth0')).toEqual([
      'lap-okeke-02',
    ]);
    expect(hosts('dnsmasq-dhcp: DHCPACK(br0) 192.168.1.47 3c:22:fb:8a:19:d4 Amaras-iPhone')).toEqual([
      'Amaras-iPhone',
    ]);
    expect(hosts('DHCP lease: a4:83:e7:2b:91:0c (reception) via eth0')).toEqual([]);
    expect(hosts('Switch learned a4:83:e7:2b:91:0c (lap-okeke-02) on port 4')).toEqual([]);
  });

  it("reads Windows' default machine names and capitalised asset names", () => {
    expect(hosts('Intune inventory: device DESKTOP-AWEK482 owned by Awentia')).toEqual(['DESKTOP-AWEK482']);
    expect(hosts("that's Hemi Walker's laptop, LT-HWALKER-01.")).toEqual(['LT-HWALKER-01']);
    expect(hosts('the DESKTOP-APPS team and the LT-HWALKER memo')).toEqual([]);
  });

  it("reads a URL's user name as no machine", () => {
    expect(hosts('mqtt://sensor01:Gr33nh0use#7@192.168.50.10:1883')).toEqual([]);
    expect(hosts('mqtt://sensor01:1883/telemetry')).toEqual(['sensor01']);
  });

  it("leaves an object store's bucket alone", () => {
    expect(hosts('artifacts uploaded to s3://build-artifacts/release/.')).toEqual([]);
    expect(hosts('open http://monitor-02:3000/d/abc')).toEqual(['monitor-02']);
  });
});

describe('round 13 secrets', () => {
  it("takes a password after a login's name and pass", () => {
    expect(secrets('Rawiri: user admin / pass K0ru-Stg-9931, rotate after the demo')).toEqual([
      'K0ru-Stg-9931',
    ]);
    expect(secrets('login: ops, pw: x7-Rt-22kq')).toEqual(['x7-Rt-22kq']);
    expect(secrets('user admin / pass the-salt-please')).toEqual([]);
  });

  it("takes a PIN after its label's colon", () => {
    expect(secrets("PIN for the garage door keypad: 4417 (don't tell Jaxon)")).toEqual(['4417']);
    expect(secrets('PIN der neuen Karte: 0519')).toEqual(['0519']);
    expect(secrets('the PIN pad on aisle three: see 4417 notes')).toEqual([]);
  });

  it('takes a TOTP seed after its label', () => {
    expect(secrets('TOTP seed for priya.n: JBSWY3DPEHPK3PXPQ7KZ2MNT')).toEqual(['JBSWY3DPEHPK3PXPQ7KZ2MNT']);
    expect(secrets('2FA secret = GEZDGNBVGY3TQOJQ')).toEqual(['GEZDGNBVGY3TQOJQ']);
    expect(secrets('TOTP seed rotation: SCHEDULEDFORMONDAY')).toEqual([]);
  });

  it('takes a chosen password given in answer to a question about it', () => {
    expect(secrets("who has the Netflix password? Chipo: it's Harare#2019love dad")).toEqual([
      'Harare#2019love',
    ]);
    expect(secrets("the password policy? it's strict, 12 chars")).toEqual([]);
  });
});

describe('round 13 URLs', () => {
  it('takes a portfolio builder site and a Notion page published to the web', () => {
    expect(urls('Portfolio: https://kwamedesigns.myportfolio.com — Kwame')).toEqual([
      'https://kwamedesigns.myportfolio.com',
    ]);
    expect(
      urls('page: https://quiet-fern-2a1.notion.site/Medical-history-Nakamura-8f3a2c91d7e64b0a'),
    ).toEqual(['https://quiet-fern-2a1.notion.site/Medical-history-Nakamura-8f3a2c91d7e64b0a']);
    expect(urls('See https://www.myportfolio.com and https://acme.notion.site/Careers')).toEqual([]);
  });

  it('reads a documentation path with acronyms as words, not a token', () => {
    expect(secrets('Docs: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429.')).toEqual([]);
    expect(secrets('key Xk9fQ2mLp7Rt4Vz8Wn3Yc6Hd1Js5Ku0BqZ')).toEqual(['Xk9fQ2mLp7Rt4Vz8Wn3Yc6Hd1Js5Ku0BqZ']);
  });
});

describe('round 13 addresses', () => {
  it('leaves the loopback address alone', () => {
    expect(ips('ALLOWED_HOSTS=localhost,127.0.0.1,example.org')).toEqual([]);
    expect(ips('curl http://[::1]:8080/health')).toEqual([]);
    expect(ips('uplink 2a02:c7c:5d21:9f00::1, office 128.0.0.1')).toEqual([
      '128.0.0.1',
      '2a02:c7c:5d21:9f00::1',
    ]);
  });
});

describe('round 13 spelled-out e-mail addresses', () => {
  it('takes numbers said as words in the local part', () => {
    expect(emails('my email is maka dot eze eighty-seven at yahoo dot com, all lower case')).toEqual([
      'maka dot eze eighty-seven at yahoo dot com',
    ]);
    expect(emails('write to tunde seven at gmail dot com')).toEqual(['tunde seven at gmail dot com']);
    expect(emails('we met eighty-seven at the hall dot com')).toEqual([]);
  });

  it('takes a local part spelled letter by letter at a mail provider', () => {
    expect(emails('Caller spelled email as S as in Sierra, A, D, I, Q at proton dot me; confirmed')).toEqual([
      'S as in Sierra, A, D, I, Q at proton dot me',
    ]);
    expect(emails('it is k-o-f-i at gmail dot com')).toEqual(['k-o-f-i at gmail dot com']);
    expect(emails('I met A, B, C at home dot com')).toEqual([]);
    expect(emails('rows A, B, C at yahoo headquarters')).toEqual([]);
  });
});
