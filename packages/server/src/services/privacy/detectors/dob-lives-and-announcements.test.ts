import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './name-lexicon.js';
import { datesAfterNames } from './dob-after-names.js';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { detectPersons } from './person.js';

const found = (text: string) =>
  detectBirthDatesInAnyForm(text).map((span) => text.slice(span.start, span.end));
const lexicon = await loadNameLexicon([]);
const afterNames = (text: string) =>
  datesAfterNames(text, detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('dates of birth in death notices, birth announcements and records', () => {
  it('takes the first date of a life in a death notice, and not the date of death after a birth cue', () => {
    expect(found('In loving memory of Tevita Fifita, 12 May 1958 – 30 March 2024. Funeral at noon.')).toEqual(
      ['12 May 1958'],
    );
    expect(found('Contract 1 March 1995 – 30 June 2020, signed by both parties.')).toEqual([]);
    expect(
      found('Obituary: born 4 March 1941 in Derry, passed peacefully on 2 January 2024, beloved wife'),
    ).toEqual(['4 March 1941']);
    expect(found('Власник: Мельник Тетяна Василівна, 03.10.1991 р.н., м. Харків')).toEqual(['03.10.1991']);
    expect(found('Beteg: Kovács Eszter, szül.: 1983. 11. 02., lakcím')).toEqual(['1983. 11. 02.']);
    expect(found('Pan Stanisław Wójcik, ur. 5.III.1958, PESEL')).toEqual(['5.III.1958']);
    expect(found('ID-nommer 8603144148080, gebore 14 Maart 1986, selfoon')).toEqual(['14 Maart 1986']);
    expect(found('تحققت من تاريخ ميلاد العميل 1990/03/14 ورقم الجوال')).toEqual(['1990/03/14']);
    expect(found("Dilshod Rahimov, 14.05.1988 yilda tug'ilgan, Toshkent")).toEqual(['14.05.1988']);
    expect(found("born 9 September 1952 in Nuku'alofa, called home 28 May 2024. Funeral")).toEqual([
      '9 September 1952',
    ]);
    expect(found('Κηδεία: Η Αικατερίνη, γεννημένη στις 14 Μαρτίου 1939, απεβίωσε.')).toEqual([
      '14 Μαρτίου 1939',
    ]);
  });

  it('reads a newborn by its weight and a French birth announcement', () => {
    expect(found("It's a boy! Rohan arrived on 5 January 2024 weighing 3.1 kg.")).toEqual(['5 January 2024']);
    expect(found('The parcel arrived on 5 January 2024 at the depot.')).toEqual([]);
    expect(found('Nous annonçons la naissance de Léonie, le 14 février 2024.')).toEqual([
      'le 14 février 2024',
    ]);
  });

  it('reads the calendar and the words that belong to a date', () => {
    expect(found('Visa app (Nepal): DOB 2051/03/12 BS, email to follow')).toEqual(['2051/03/12 BS']);
    expect(found('я, Смирнова Ольга, 12 апреля 1988 года рождения, СНИЛС')).toEqual(['12 апреля 1988 года']);
  });

  it('reads Tamil, Armenian and Arabic dates after their birth cues', () => {
    expect(found('பிறந்த தேதி: 5 ஜனவரி 1994, பெயர்: அருண்')).toEqual(['5 ஜனவரி 1994']);
    expect(found('Անի, ծնված 1992 թ. մայիսի 8-ին, հասցե Երևան')).toEqual(['1992 թ. մայիսի 8-ին']);
    expect(found('الحاج إبراهيم، المولود في الخامس من آذار 1945، والعزاء في منزله')).toEqual([
      'الخامس من آذار 1945',
    ]);
    expect(found('الاجتماع في الخامس من آذار 2025، في المكتب')).toEqual([]);
  });

  it('takes a date right after a name as the birth when it is long enough ago', () => {
    expect(afterNames('Police: Tariq Mahmood, 02/02/1985, of 55 Cheetham Hill Road, arrested')).toEqual([
      '02/02/1985',
    ]);
    expect(afterNames('Ana Lima (14.03.1979) called about her claim.')).toEqual(['14.03.1979']);
    expect(afterNames('Meeting with Anna Schmidt, 12/03/2024, in Berlin.')).toEqual([]);
    expect(afterNames('Signed: Anna Schmidt, Berlin 1985 edition')).toEqual([]);
  });
});

describe('more birth cues and date shapes', () => {
  it('reads Danish `maj`, Greek `γεν.`, Turkish `doğum tarihim`, Marathi `जन्मतारीख` and `(n. …)`', () => {
    expect(found('din fødselsdato 12. maj 1988.')).toEqual(['12. maj 1988']);
    expect(found('Μαρία Γεωργίου, γεν. 22/09/1979.')).toEqual(['22/09/1979']);
    expect(found('doğum tarihim 15.03.1992. Kartım çalındı')).toEqual(['15.03.1992']);
    expect(found('Ad Soyad: Zeynep Arslan / Doğum: 14.07.1988')).toEqual(['14.07.1988']);
    expect(found('doğum izni 14.07.2024 başlıyor')).toEqual([]);
    expect(found('जन्मतारीख 03/06/1984, मोबाईल')).toEqual(['03/06/1984']);
    expect(found('Valentina Ríos (n. 05/02/2011), tutor Héctor')).toEqual(['05/02/2011']);
  });

  it('reads a form date with spaced slashes after its cue only', () => {
    expect(found('DATE OF BIRTH: 08 / 12 / 2015  HOME ADDRESS')).toEqual(['08 / 12 / 2015']);
    expect(found('Order 12 / 05 / 2015 shipped')).toEqual([]);
  });
});

describe('dates of birth read out in Portuguese, Italian, German and Hungarian', () => {
  it('reads the date after the cue, across a question and its answer', () => {
    expect(
      found('Utente: nasci a vinte e nove de outubro de mil novecentos e oitenta e oito. Rececionista'),
    ).toEqual(['vinte e nove de outubro de mil novecentos e oitenta e oito']);
    expect(
      found('Mi conferma la data di nascita? Paziente: Diciassette settembre millenovecentosettantanove.'),
    ).toEqual(['Diciassette settembre millenovecentosettantanove']);
    expect(
      found('MFA: Ihr Geburtsdatum bitte? Patientin: Dreizehnter Juni neunzehnhundertzweiundsiebzig.'),
    ).toEqual(['Dreizehnter Juni neunzehnhundertzweiundsiebzig']);
    expect(found('A születési dátuma? Beteg: Ezerkilencszázötvennyolc március tizenkettő.')).toEqual([
      'Ezerkilencszázötvennyolc március tizenkettő',
    ]);
  });

  it('leaves the same words without a birth cue', () => {
    expect(found('A reunião é a vinte e nove de outubro de dois mil e vinte e cinco.')).toEqual([]);
  });
});
