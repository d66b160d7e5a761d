import { describe, expect, it } from 'vitest';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { detectBirthDates } from './dob.js';

const found = (text: string) => detectBirthDates(text).map((span) => text.slice(span.start, span.end));

describe('round 12 birth cues and months', () => {
  it('reads Catalan months after `nascut el`', () => {
    expect(found('Inscripció al club de rem: Martí, nascut el 19 de febrer de 2009.')).toEqual([
      '19 de febrer de 2009',
    ]);
    expect(found('Factura del 19 de febrer de 2009, pagada.')).toEqual([]);
  });

  it('reads Hindi months after `जन्म`', () => {
    expect(found('वीज़ा आवेदन: अनीता देवी, जन्म 5 जनवरी 1986.')).toEqual(['5 जनवरी 1986']);
    expect(found('बैठक 5 जनवरी 2026 को है।')).toEqual([]);
  });

  it('reads dates after Armenian, Telugu and Igbo birth cues', () => {
    expect(found('Թեկնածու Արմեն, ծնվ. 14.05.1991.')).toEqual(['14.05.1991']);
    expect(found('పాస్‌పోర్ట్ Z4821736, పుట్టిన తేదీ 19-07-1987.')).toEqual(['19-07-1987']);
    expect(found('Visa: Chukwuemeka Eze, a mụrụ ya na 12/01/1994.')).toEqual(['12/01/1994']);
    expect(found('Թեկնածու Արմեն, հեռ. 14.05.1991.')).toEqual([]);
  });
});

const anyForm = (text: string) =>
  detectBirthDatesInAnyForm(text).map((span) => text.slice(span.start, span.end));

describe('dates of birth after a cue in Korean, Marathi and Persian', () => {
  it('reads a Korean date before 생, Devanagari digits after जन्मतारीख, Persian after تاریخ تولدم', () => {
    expect(anyForm('환자: 박서준(2019년 8월 15일생). 예약 변경은 앱에서')).toEqual(['2019년 8월 15일']);
    expect(anyForm('आईचं नाव सुमन देशपांडे, जन्मतारीख ३ मार्च १९५२. पत्ता')).toEqual(['३ मार्च १९५२']);
    expect(anyForm('کد ملی من است و تاریخ تولدم ۱۲ مهر ۱۳۶۸. لطفاً')).toEqual(['۱۲ مهر ۱۳۶۸']);
    expect(anyForm('2024년 6월 3일 오후 9시경 사고가 났습니다.')).toEqual([]);
  });
});
