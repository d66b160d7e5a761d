import { describe, expect, it } from 'vitest';
import { detectionView, toOriginal } from '../normalize.js';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';

/** The dates found in the detection view (which writes other scripts' digits in ASCII), as written in `text`. */
const found = (text: string) => {
  const view = detectionView(text);
  const dates = detectBirthDatesInAnyForm(view.text).map((span) => {
    const [start, end] = toOriginal(view, span.start, span.end);
    return text.slice(start, end);
  });
  return [...new Set(dates)];
};

describe('round 12 dates of birth in other digits, calendars and spoken languages', () => {
  it('reads dates in Gujarati, Devanagari and Arabic-Indic digits near a birth cue', () => {
    expect(found('ગ્રાહક કિંજલ નો જન્મ ૧૨/૦૮/૧૯૯૦ ના રોજ થયો હતો.')).toEqual(['૧૨/૦૮/૧૯૯૦']);
    expect(found('जन्म १४/०३/१९८८, मुंबई')).toEqual(['१४/०३/१९८८']);
    expect(found('تاريخ الميلاد ١٢/٠٣/١٩٨٥')).toEqual(['١٢/٠٣/١٩٨٥']);
    expect(found('બિલ તારીખ ૧૨/૦૮/૨૦૨૪ ભરવાનું બાકી.')).toEqual([]);
  });

  it('reads Hijri dates with the month name or the era after a cue', () => {
    expect(found('مسافر: نورا، تاريخ الميلاد 15 رجب 1410، جواز السفر A12948273.')).toEqual(['15 رجب 1410']);
    expect(found('DOB (Hijri): 15/07/1410 هـ — applicant')).toEqual(['15/07/1410 هـ']);
    expect(found('تاريخ الميلاد ٣ شوال ١٤٠٥ هـ')).toEqual(['٣ شوال ١٤٠٥ هـ']);
    expect(found('موعد الاجتماع 15 رجب 1446 في المكتب')).toEqual([]);
    expect(found('Invoice dated 15/07/1446 H, paid.')).toEqual([]);
  });

  it('reads Uzbek dates after `tug‘ilgan`', () => {
    expect(found('Nomzod Dilnoza, tug‘ilgan sana 1994-yil 9-mart, tel.')).toEqual(['1994-yil 9-mart']);
    expect(found("tug'ilgan kuni 9-mart 1994-yil")).toEqual(['9-mart 1994-yil']);
    expect(found('Shartnoma 2024-yil 9-mart kuni imzolandi.')).toEqual([]);
  });

  it('reads dates read out in Spanish, French and Turkish after a birth question', () => {
    expect(found('Agente: ¿fecha de nacimiento? Cliente: doce de febrero del ochenta y cinco.')).toEqual([
      'doce de febrero del ochenta y cinco',
    ]);
    expect(
      found('Conseiller: et votre date de naissance? Client: le vingt-trois mai quatre-vingt-un.'),
    ).toEqual(['le vingt-trois mai quatre-vingt-un']);
    expect(found('Operatör: doğum tarihiniz? Müşteri: on dokuz Mart bin dokuz yüz seksen yedi.')).toEqual([
      'on dokuz Mart bin dokuz yüz seksen yedi',
    ]);
    expect(found('Agente: ¿la cita? Cliente: doce de febrero del noventa.')).toEqual([]);
    expect(found('Date de naissance notée; rendez-vous le deux mai deux mille vingt-six.')).toEqual([]);
  });

  it("keeps French `le` with a date of birth, but not the cue's `née le`", () => {
    expect(found('Date de naissance : le 8 juin 1974 ; lieu : Bordeaux')).toEqual(['le 8 juin 1974']);
    expect(found('Margaux, née le 12 février 1990.')).toEqual(['12 février 1990']);
    expect(found('Rendez-vous le 8 juin 2026.')).toEqual([]);
  });
});

describe('dates of birth (round 19)', () => {
  it('reads a month and a year after an English birth cue, and a compact date after a birth label', () => {
    expect(found('Patient is 34 (born March 1990), presenting with chest pain.')).toEqual(['March 1990']);
    expect(found('birth_date=19950722')).toEqual(['19950722']);
    expect(found('launched in March 2020, born of necessity')).toEqual([]);
  });

  it('reads dates of Chinese, Korean, Thai, Arabic and Persian after or before their cues', () => {
    expect(found('他出生于一九八八年六月十二日,属龙。')).toEqual(['一九八八年六月十二日']);
    expect(found('生于1988年6月12日')).toEqual(['1988年6月12日']);
    expect(found('저는 1985년 9월 14일에 태어났어요.')).toEqual(['1985년 9월 14일']);
    expect(found('ผมเกิดวันที่ 3 ม.ค. 2524 ครับ')).toEqual(['3 ม.ค. 2524']);
    expect(found('وُلد ابني في 12 رجب 1410 هـ في جدة.')).toEqual(['12 رجب 1410 هـ']);
    expect(found('من ۲۵ اسفند ۱۳۶۸ در شیراز به دنیا آمدم.')).toEqual(['۲۵ اسفند ۱۳۶۸']);
    expect(found('متولد ۱۲ مهر ۱۳۷۰')).toEqual(['۱۲ مهر ۱۳۷۰']);
  });
});

describe('Catalan and Czech dates of birth (round 19)', () => {
  it("reads a Catalan month after d' and a date after the Czech nar.", () => {
    expect(found("nascut el 11 d'abril de 2015")).toEqual(["11 d'abril de 2015"]);
    expect(found('paní Lenka Dvořáková, nar. 14. 2. 1988, je zaměstnána')).toEqual(['14. 2. 1988']);
  });
});
