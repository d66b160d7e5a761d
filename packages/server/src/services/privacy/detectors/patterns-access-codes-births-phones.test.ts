import { describe, expect, it } from 'vitest';
import { detectAll, loadNameLexicon } from './index.js';
import { detectLabelledAddresses } from './address-fields.js';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { detectNationalIds } from './national-id.js';
import {
  egyptianIdValid,
  russianInnValid,
  ukrainianTaxNumberValid,
} from './national-id-taxpayer-and-africa.js';
import { detectPhones } from './phone.js';
import { detectSecrets } from './secret.js';

const names = await loadNameLexicon();
// Each value once: an older rule may read the same one.
const secrets = (text: string) => [
  ...new Set(detectSecrets(text).map((span) => text.slice(span.start, span.end))),
];
const dobs = (text: string) =>
  detectBirthDatesInAnyForm(text).map((span) => text.slice(span.start, span.end));
const phones = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));
const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));
const all = (text: string) =>
  detectAll(text, names).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
const fields = (text: string) =>
  detectLabelledAddresses(text).map((span) => text.slice(span.start, span.end));

describe('round 14 secrets', () => {
  it('reads an access code after what it opens, in English, Spanish and French', () => {
    expect(secrets('is the alarm code for the back door still 4471?')).toEqual(['4471']);
    expect(secrets('el código del portón es 7319 y el wifi')).toEqual(['7319']);
    expect(secrets('le code de la porte : 4821#')).toEqual(['4821#']);
    expect(secrets('the error code for the door sensor was 500')).toEqual([]);
    expect(secrets('el código del producto es 40012')).toEqual([]);
  });

  it('reads a digicode and a German compound code', () => {
    expect(secrets('31000 Toulouse, digicode B2749 »')).toEqual(['B2749']);
    expect(secrets('Salzburg, Schlüsselbox-Code 0381, Gastgeber')).toEqual(['0381']);
    expect(secrets('Türcode: 4711')).toEqual(['4711']);
    expect(secrets('Postleitzahl-Code 10115 und Barcode 4006381')).toEqual([]);
  });

  it('reads a PIN in a key name, and a one-time code later in its sentence', () => {
    expect(secrets('router=192.168.0.1 guest_pin=480217')).toEqual(['480217']);
    expect(secrets('zip_code=90210 error_code=5001')).toEqual([]);
    expect(secrets('my OTP for the bank just came through as 739104 and')).toEqual(['739104']);
    expect(secrets('my OTP expired after 300 seconds')).toEqual([]);
  });

  it("reads a login's pass without a colon, and a Wi-Fi's name then its password", () => {
    expect(secrets('can you ssh in? user is admin, pass raspberry-k9v2')).toEqual(['raspberry-k9v2']);
    expect(secrets('user is admin, pass the COVID checks first')).toEqual([]);
    expect(secrets('lockbox code is 0915, wifi is CasaAzul / mango2024, flat is')).toEqual([
      '0915',
      'mango2024',
    ]);
    expect(secrets('the wifi is 5G / 2.4GHz dual band')).toEqual([]);
  });

  it('reads recovery codes in Spanish and French', () => {
    expect(secrets('Código de recuperación de la cuenta: 83hf-k29q p4mz-77xr tw61-9bjd')).toEqual([
      '83hf-k29q',
      'p4mz-77xr',
      'tw61-9bjd',
    ]);
    expect(secrets('codes de secours : a7k2-99xp, then log in')).toEqual(['a7k2-99xp']);
    expect(secrets('Código de recuperación de la cuenta: ver el correo')).toEqual([]);
  });

  it('reads a listed password after ` = ` on a line about passwords, not the service before it', () => {
    expect(
      secrets('Password hints so I stop forgetting: Netflix = m0ngoose&Tea, router admin = Kil1m#88'),
    ).toEqual(['Kil1m#88', 'm0ngoose&Tea']);
    expect(secrets('total = a1b2&c3 in the formula')).toEqual([]);
    expect(secrets('password SaveTheDate2025! — print on the table cards')).toEqual(['SaveTheDate2025!']);
  });

  it('reads the Korean, Persian and Arabic password words', () => {
    expect(secrets('공동현관 비번 #7291*')).toEqual(['#7291*']);
    expect(secrets('رمز وایفای: Khoone1402!')).toEqual(['Khoone1402!']);
    expect(secrets('كلمة المرور: Sahara2024')).toEqual(['Sahara2024']);
    expect(secrets('비번 바꿨어')).toEqual([]);
  });

  it('ends an address before a door code read on after it', () => {
    expect(all('Getreidegasse 9, 5020 Salzburg, Schlüsselbox-Code 0381, bis bald')).toContain(
      'ADDRESS:Getreidegasse 9, 5020 Salzburg',
    );
  });

  it('ends an address before an e-mail address, and reads no address that starts with an IP', () => {
    const saudi = all(
      'العنوان الوطني: ٨٢٢٨ طريق الملك فهد، حي العليا، الرياض ١٢٢١٤، البريد rizwan.chaudhry88@gmail.com',
    );
    expect(saudi).toContain('EMAIL:rizwan.chaudhry88@gmail.com');
    const log = all(
      'вход пользователя a.sokolov@stroyinvest.ru с адреса 95.24.182.73, устройство B8:27:EB:4A:11:2F; пароль',
    );
    expect(log).toEqual(['EMAIL:a.sokolov@stroyinvest.ru', 'IP:95.24.182.73', 'MAC:B8:27:EB:4A:11:2F']);
  });

  it("reads no name in a form's field name before a titled name, and ends an address before a German tax ID", () => {
    const letter = all('Lettera di dimissione — Paziente: Sig.ra Carmela Esposito, nata il 17/09/1958');
    expect(letter.filter((finding) => finding.startsWith('PERSON'))).toEqual([
      'PERSON:Sig.ra Carmela Esposito',
    ]);
    const lease = all(
      "Bail d'habitation — Bailleur : M. Gérard Lefebvre-Roussel ; Locataire : Mme Awa Traoré",
    );
    expect(lease).not.toContain('PERSON:Bailleur');
    expect(all('Maria: Mr Smith is here')).toContain('PERSON:Maria');
    const contract = all('wohnhaft Goethestraße 14a, 04109 Leipzig, Steuer-ID 48 273 162 956, SV-Nummer');
    expect(contract).toContain('ADDRESS:Goethestraße 14a, 04109 Leipzig');
    expect(contract).toContain('SSN:48 273 162 956');
  });

  it('reads a grouped number right after a name as its phone, not a year range or an amount', () => {
    expect(all('Qualquer dúvida liguem ao administrador, Sr. Nuno Teixeira, 936 118 402.')).toContain(
      'PHONE:936 118 402',
    );
    expect(all('Tenant Chan Siu Ming, 9123 4478. Landlord approved.')).toContain('PHONE:9123 4478');
    expect(all('ċemplu lil Joseph Camilleri fuq 7941 8273.')).toContain('PHONE:7941 8273');
    expect(all('Coach Maria Lopez, 2019 2023, led the team.').some((f) => f.startsWith('PHONE'))).toBe(false);
    expect(all('Paid to Maria Lopez, 1 250 000 €.').some((f) => f.startsWith('PHONE'))).toBe(false);
  });

  it("ends an address before a phone number read on after it: at the sentence's end, else before its label", () => {
    const romanian = all(
      'Adresa: Str. Lipscani nr. 45, ap. 7, București, cod 030033. Sună-l pe Vasile, 0722 614 038.',
    );
    expect(romanian).toContain('ADDRESS:Str. Lipscani nr. 45, ap. 7, București, cod 030033');
    expect(romanian).toContain('PHONE:0722 614 038');
    const vietnamese = all(
      'Giao tới: Số 18 ngõ 42 Trần Duy Hưng, Trung Hòa, Cầu Giấy, Hà Nội, SĐT 0912 345 678',
    );
    expect(vietnamese).toContain('ADDRESS:Số 18 ngõ 42 Trần Duy Hưng, Trung Hòa, Cầu Giấy, Hà Nội');
    expect(vietnamese).toContain('PHONE:0912 345 678');
    // (A number with neither a sentence's end nor a label before it leaves the address whole.)
    expect(all('Redelivery to 1-4-22 Namba, Chuo-ku, Osaka 542-0076 on the 9th')).toContain(
      'ADDRESS:1-4-22 Namba, Chuo-ku, Osaka 542-0076',
    );
  });
});

describe('round 14 address fields', () => {
  it('ends a Korean field before the recipient or the door password, and reads a Marathi field', () => {
    expect(
      fields('주소: 서울특별시 마포구 월드컵북로 396, 03925 받는 분 이서연, 공동현관 비번 #7291*'),
    ).toEqual(['서울특별시 마포구 월드컵북로 396, 03925']);
    expect(fields('घरचा पत्ता फ्लॅट 7, साई कृपा सोसायटी, कोथरूड, पुणे 411038 आहे.')).toEqual([
      'फ्लॅट 7, साई कृपा सोसायटी, कोथरूड, पुणे 411038',
    ]);
  });
});

describe('round 14 dates of birth', () => {
  it('reads more birth cues: Hungarian, Yoruba, Arabic with its conjunction, Amharic, Russian г.р. after the date', () => {
    expect(dobs('Születési idő: 1986. május 9. | Lakcím')).toEqual(['1986. május 9.']);
    expect(dobs('ọjọ́ ìbí: 12/05/2016, nọ́mbà')).toEqual(['12/05/2016']);
    expect(dobs('رقم الهوية 1024404988 وتاريخ الميلاد 1410/03/12 هـ، وجوالي')).toEqual(['1410/03/12 هـ']);
    expect(dobs('አቶ ተስፋዬ በቀለ የተወለዱት መስከረም 12 ቀን 1975 ዓ.ም. ነው')).toEqual(['መስከረም 12 ቀን 1975 ዓ.ም.']);
    expect(dobs('Я, Смирнова Екатерина, 12.09.1990 г.р., СНИЛС')).toEqual(['12.09.1990']);
    expect(dobs('Договор от 12.09.2020, г. Москва')).toEqual([]);
  });

  it('reads a birth year of the 1800s and a form date with spaces after a cue only', () => {
    expect(dobs('great-grandmother Bridget, born 14th August 1899 in Clifden')).toEqual(['14th August 1899']);
    expect(dobs('DATE OF BIRTH: 22 06 1975  NATIONAL INSURANCE NO')).toEqual(['22 06 1975']);
    expect(dobs('the bridge opened on 14th August 1899 in Clifden')).toEqual([]);
    expect(dobs('Invoice total 22 06 1975 units')).toEqual([]);
    expect(all('DATE OF BIRTH: 22 06 1975  NATIONAL INSURANCE NO: SH 62 41 08 D')).toContain(
      'DOB:22 06 1975',
    );
  });

  it("reads a GEDCOM birth event's date, not another event's", () => {
    expect(dobs('1 NAME Bogdan /Kowalczyk/ / 1 BIRT / 2 DATE 12 MAR 1911 / 2 PLAC Tarnów')).toEqual([
      '12 MAR 1911',
    ]);
    expect(dobs('1 BIRT\n2 DATE ABT 1850\n2 PLAC Cork')).toEqual(['1850']);
    expect(dobs('1 DEAT\n2 DATE 3 JUN 1960')).toEqual([]);
  });

  it('reads the first date of a lifespan and a date alone in brackets after a name', () => {
    expect(dobs('├── Rangi Te Whata (1934-05-09 – 2011) ── Mere Parata (1938-11-23 – 2019)')).toEqual([
      '1934-05-09',
      '1938-11-23',
    ]);
    expect(dobs('for my daughter Sofiia Melnyk (12.04.2012) to travel')).toEqual(['12.04.2012']);
    expect(dobs('insured person Ayesha Siddiqa (5th May 1987), admitted')).toEqual(['5th May 1987']);
    expect(dobs('the offer is valid (12.04.2024) only')).toEqual([]);
    expect(dobs('Q3 figures (2024-01-05 – 2024-03-31) attached')).toEqual([]);
    expect(dobs('Anna Berg (1950-04-12 – 2020-01-03)')).toEqual(['1950-04-12']);
  });

  it('reads a Yoruba date with Oṣù after a birth cue', () => {
    expect(dobs('A bí i ní 12 Oṣù Kẹta 1995. Ẹ fi owó')).toEqual(['12 Oṣù Kẹta 1995']);
    expect(dobs('Ìpàdé náà ní 12 Oṣù Kẹta 1995.')).toEqual([]);
  });
});

describe('round 14 phones', () => {
  it('reads a number glued to the colon of a CJK label, not one after a Latin word or a time', () => {
    expect(phones('乙方:陈丽娜,电话:138 1742 6690;房屋地址')).toEqual(['138 1742 6690']);
    expect(phones('住所:東京 電話:090-5110-2831 メール')).toEqual(['090-5110-2831']);
    expect(phones('port:8080 1234 5678 at 10:30 2024 0101')).toEqual([]);
  });

  it('reads a Chinese mobile in three, four and four without a label', () => {
    expect(phones('收件人 刘洋,159 0217 4483,上海市')).toEqual(['159 0217 4483']);
    expect(phones('order 159 0217 44835 and 123 4567 8901')).toEqual([]);
  });

  it('reads numbers after Nepali and Hindi phone words, Bizum and "my number"', () => {
    expect(phones('मोबाइल: 9841 606 227, ठेगाना')).toEqual(['9841 606 227']);
    expect(phones('अनिता दिदीको फोन 9841572603')).toEqual(['9841572603']);
    expect(phones('Hazme un Bizum al 612 48 93 07 o transferencia')).toEqual(['612 48 93 07']);
    expect(phones('Mogę przyjechać dziś, mój numer 512 883 904, Bartek')).toEqual(['512 883 904']);
    expect(phones('zamówienie numer 512 883 904')).toEqual([]);
  });

  it("leaves an organisation's line with its opening hours, and an agreement's number", () => {
    expect(phones('HMRC self assessment helpline: 0300 200 3310, Monday to Friday 8am to 6pm.')).toEqual([]);
    expect(phones('Emergency Service on 0800 111 999, open 24 hours.')).toEqual([]);
    expect(phones('Ring me on 0300 200 3310, Monday is best')).toEqual(['0300 200 3310']);
    expect(phones('total charged $412.80, agreement no. 774 210 3385.')).toEqual([]);
  });
});

describe('round 14 identity numbers', () => {
  it("checks Russia's INN and Ukraine's taxpayer number", () => {
    expect(russianInnValid('770515474559')).toBe(true);
    expect(russianInnValid('500123456750')).toBe(true);
    expect(russianInnValid('770515474558')).toBe(false);
    expect(ukrainianTaxNumberValid('3184509175')).toBe(true);
    expect(ukrainianTaxNumberValid('2840619378')).toBe(true);
    expect(ukrainianTaxNumberValid('3184509176')).toBe(false);
    expect(ids('ИНН Дмитрия Орлова: 770515474559, дата')).toEqual(['770515474559']);
    expect(ids('ИНН Дмитрия Орлова: 770515474558, дата')).toEqual([]);
    expect(ids('Payroll change: taxpayer number 3184509175, new bank')).toEqual(['3184509175']);
    expect(ids('Payroll change: order 3184509175, new bank')).toEqual([]);
  });

  it("reads Egypt's national number by its date and governorate after its label", () => {
    expect(egyptianIdValid('29005140134475')).toBe(true);
    expect(egyptianIdValid('29013140134475')).toBe(false);
    expect(egyptianIdValid('29005144134475')).toBe(false);
    expect(ids('والرقم القومي بتاعها 29005140134475')).toEqual(['29005140134475']);
    expect(ids('رقم الطلب 29005140134475')).toEqual([]);
  });

  it("reads Nigeria's NIN later on its line and the Swahili, Bengali and Nepali labels", () => {
    expect(ids("wants the guarantor's NIN first — it's 80555838927, I'll forward")).toEqual(['80555838927']);
    expect(ids("the guarantor's number first — it's 80555838927")).toEqual([]);
    expect(ids('jina Baraka Otieno, kitambulisho 20609197')).toEqual(['20609197']);
    expect(ids('জাতীয় পরিচয়পত্র নং: 4617293058, মোবাইল')).toEqual(['4617293058']);
    expect(ids('नागरिकता नं.: 27-01-74-02519, मोबाइल')).toEqual(['27-01-74-02519']);
  });
});
