import { describe, expect, it } from 'vitest';
import { detectBirthDates } from './dob.js';

const found = (text: string) => detectBirthDates(text).map((span) => text.slice(span.start, span.end));

describe('dates of birth', () => {
  it('reads Finnish, Czech, Hungarian and Vietnamese dates after their birth cues', () => {
    expect(found('syntynyt 4. toukokuuta 1980 Tampereella')).toEqual(['4. toukokuuta 1980']);
    expect(found('narozena 3. května 1982 v Brně')).toEqual(['3. května 1982']);
    expect(found('született 1985. március 12.')).toEqual(['1985. március 12.']);
    expect(found('sinh ngày 12 tháng 5 năm 1990')).toEqual(['12 tháng 5 năm 1990']);
  });

  it('takes the Polish `ur.` as a birth cue, and no date without a cue', () => {
    expect(found('Katarzyna Wiśniewska, ur. 5 listopada 1992')).toEqual(['5 listopada 1992']);
    expect(found('Termin płatności 5 listopada 1992.')).toEqual([]);
    expect(found('Határidő 1985. március 12.')).toEqual([]);
  });
});

describe('dates of birth in more languages and shapes (round 5)', () => {
  it('reads a date written out in German, Spanish and French words after a birth cue', () => {
    expect(found('geboren am dritten März neunzehnhundertneunzig')).toEqual([
      'dritten März neunzehnhundertneunzig',
    ]);
    expect(found('Geburtsdatum: zwölfter Juni 1985')).toEqual(['zwölfter Juni 1985']);
    expect(found('nacido el veintidós de junio de mil novecientos ochenta y cuatro')).toEqual([
      'veintidós de junio de mil novecientos ochenta y cuatro',
    ]);
    expect(found('née le premier avril mille neuf cent quatre-vingt-dix')).toEqual([
      'premier avril mille neuf cent quatre-vingt-dix',
    ]);
    expect(found('Rendez-vous le premier avril deux mille vingt-quatre')).toEqual([]);
    expect(found('Sie wurde am vierzehnten Februar neunzehnhundertachtundachtzig geboren.')).toEqual([
      'vierzehnten Februar neunzehnhundertachtundachtzig',
    ]);
  });

  it('reads Greek months and cues, Czech spaced dates, and `geboren` after the date', () => {
    expect(found('γεννήθηκε στις 5 Μαρτίου 1990 στη Θεσσαλονίκη')).toEqual(['5 Μαρτίου 1990']);
    expect(found('Ημερομηνία γέννησης: 14.07.1983')).toEqual(['14.07.1983']);
    expect(found('ημ/νία γέννησης 22/11/1976')).toEqual(['22/11/1976']);
    expect(found('Η παράδοση είναι στις 5 Μαρτίου 2024.')).toEqual([]);
    expect(found('datum narození 5. 6. 1975')).toEqual(['5. 6. 1975']);
    expect(found('Der Kunde ist am 1. Mai 1979 geboren, sagt er.')).toEqual(['1. Mai 1979']);
    expect(found('Termin am 1. Mai 2024 in der Filiale.')).toEqual([]);
  });

  it('reads Tagalog, Swahili, Arabic and Hebrew months and birth cues', () => {
    expect(found('Ipinanganak noong Marso 5, 1990 sa Cebu')).toEqual(['Marso 5, 1990']);
    expect(found('Alizaliwa tarehe 12 Machi 1988')).toEqual(['12 Machi 1988']);
    expect(found('تاريخ الميلاد: 5 مارس 1990')).toEqual(['5 مارس 1990']);
    expect(found('תאריך לידה 5 במרץ 1990')).toEqual(['5 במרץ 1990']);
    expect(found('Ang bayad ay Marso 5, 2024')).toEqual([]);
  });

  it('reads romanised Japanese and Korean year-first dates by their cues, and a read-out date after a question', () => {
    expect(found('Suzuki-san wa 1990-nen 11-gatsu 23-nichi umare desu.')).toEqual([
      '1990-nen 11-gatsu 23-nichi',
    ]);
    expect(found('Saengnyeonwolil: 1978-nyeon 3-wol 5-il.')).toEqual(['1978-nyeon 3-wol 5-il']);
    expect(found('Kaigi wa 2025-nen 1-gatsu 15-nichi desu.')).toEqual([]);
    expect(found('Your date of birth for security? Caller: third of March, ninety-one.')).toEqual([
      'third of March, ninety-one',
    ]);
  });
});

describe('dates of birth (round 8)', () => {
  it('takes a second reading of a date of birth in the same sentence', () => {
    expect(
      found(
        'DOB mismatch for Siobhán O’Sullivan: the booking says 30/04/1985 but her passport says 03/04/1985.',
      ),
    ).toEqual(['30/04/1985', '03/04/1985']);
    expect(
      found('Date of birth on file (1990-04-01) does not match the referral (1990-01-04); check.'),
    ).toEqual(['1990-04-01', '1990-01-04']);
    expect(found('DOB 1990-04-01, appointment 2025-01-15. Seen 2025-02-01.')).toEqual(['1990-04-01']);
  });

  it('reads birthday words of many languages', () => {
    expect(found('el cumple de Nico es el 14 de julio de 2018, ¿vienes?')).toEqual(['14 de julio de 2018']);
    expect(found('Jihoon-i saeng-il-eun 2003-10-21 majjo?')).toEqual(['2003-10-21']);
    expect(found('il compleanno di Sara è il 3 marzo 2015')).toEqual(['3 marzo 2015']);
    expect(found('urodziny Kasi: 12.05.2016')).toEqual(['12.05.2016']);
  });

  it('reads Tagalog, Vietnamese, Thai (Buddhist era) and Icelandic dates after their cues', () => {
    expect(found('Ipinanganak si Jericho noong ika-14 ng Pebrero 1991 sa Tacloban')).toEqual([
      'ika-14 ng Pebrero 1991',
    ]);
    expect(found('Ngày sinh trên hồ sơ là ngày 7 tháng 10 năm 1988, nhưng')).toEqual([
      'ngày 7 tháng 10 năm 1988',
    ]);
    expect(found('วันเกิด 29 กุมภาพันธ์ 2535 ไม่ถูกต้อง')).toEqual(['29 กุมภาพันธ์ 2535']);
    expect(found('Guðrún, fædd 4. mars 1996, býr á Laugavegur')).toEqual(['4. mars 1996']);
    expect(found('ราคา 2530 บาท วันที่ 5 มกราคม 2567')).toEqual([]);
  });

  it('reads Persian, Bengali, Nepali and Ethiopian dates (digits already in ASCII in the detection view)', () => {
    expect(found('خانم مریم رضایی، تاریخ تولد 1368/05/12، برای تمدید')).toEqual(['1368/05/12']);
    expect(found('তানজিলা আক্তার এর জন্ম তারিখ 12 মার্চ 1996, মোবাইল')).toEqual(['12 মার্চ 1996']);
    expect(found('रमेश थापा को जन्म मिति 2045 साउन 12 हो।')).toEqual(['2045 साउन 12']);
    expect(found('ልደት ቀን፡ መስከረም 14 ቀን 1978 ዓ.ም.')).toEqual(['መስከረም 14 ቀን 1978 ዓ.ም.']);
  });
});

describe('birth dates of round 10', () => {
  it('reads a CJK cue between other letters and a cue after the date', () => {
    expect(found('佐藤 花子様の生年月日は1988年6月15日、電話番号は')).toEqual(['1988年6月15日']);
    expect(found('caller gave 1987-04-21 as birth date but the account says otherwise')).toEqual([
      '1987-04-21',
    ]);
    expect(found('she gave 02/03/1990 as her date of birth')).toEqual(['02/03/1990']);
  });

  it('leaves other dates before `as`', () => {
    expect(found('予約日は2024年6月15日です')).toEqual([]);
    expect(found('We set 2025-04-21 as the start date')).toEqual([]);
  });
});

describe('birth dates of round 10b', () => {
  it('reads first-person birth verbs in Spanish, Portuguese and Polish', () => {
    expect(found('Cliente: Nací el 3 de mayo de 1991, y mi celular es')).toEqual(['3 de mayo de 1991']);
    expect(found('Nasci em 22 de setembro de 1985, meu nome é')).toEqual(['22 de setembro de 1985']);
    expect(found('Urodziłem się 14 marca 1986, PESEL')).toEqual(['14 marca 1986']);
    expect(found('Urodziłam się 2 lutego 1990.')).toEqual(['2 lutego 1990']);
    expect(found('naci el 3 de mayo de 1991 en Quito')).toEqual(['3 de mayo de 1991']);
  });

  it('leaves other dates in those languages alone', () => {
    expect(found('La reunión es el 3 de mayo de 2025 en la oficina')).toEqual([]);
    expect(found('Spotkanie 14 marca 2026 o 10:00')).toEqual([]);
  });
});

describe('Japanese era years romanised (round 10b)', () => {
  it('reads an era year with a month and day', () => {
    expect(found('My birthday is Showa 62, May 3rd, so 1987.')).toEqual(['Showa 62, May 3rd']);
    expect(found('DOB Heisei 3-nen 4-gatsu 2-ka')).toEqual(['Heisei 3-nen 4-gatsu 2-ka']);
  });

  it('leaves an era year with no birth cue alone', () => {
    expect(found('The Showa 62, May 3rd edition is on the shelf')).toEqual([]);
  });
});

describe('airline dates and the Korean honorific birthday', () => {
  it('reads a DDMMMYY date after a DOB cue', () => {
    expect(found('MENDOZA/SOFIA MISS (CHD, DOB 02MAR19)')).toEqual(['02MAR19']);
    expect(found('DOCS/P/GB/123456789/GB/14JUN1987/M')).toEqual([]);
    expect(found('DOB 14JUN1987 passport 123')).toEqual(['14JUN1987']);
  });

  it('leaves a DDMMMYY flight date without a birth cue alone', () => {
    expect(found('LH 454 departs 02MAR25 from FRA')).toEqual([]);
  });

  it('reads a Korean date after 생신 or 생일 with a particle attached', () => {
    expect(found('할머니 생신이 1948년 3월 5일이지?')).toEqual(['1948년 3월 5일']);
    expect(found('생일은 1990년 12월 1일')).toEqual(['1990년 12월 1일']);
  });

  it('leaves the date of an event (발생일) alone', () => {
    expect(found('사고 발생일은 2023년 3월 5일입니다')).toEqual([]);
  });
});
