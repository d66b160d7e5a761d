import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './name-lexicon.js';
import { detectAll } from './index.js';
import { detectPersons } from './person.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) => detectPersons(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('names by the titles and honorifics of scripts without capitals', () => {
  it('reads a Thai name after นาย and นาง, not the words that start with them', () => {
    expect(found('แจ้งความ: รถยนต์ของนายธนากร วงศ์ใหญ่ ถูกขโมยที่ลานจอดห้าง')).toContain('ธนากร วงศ์ใหญ่');
    expect(found('ท่านนายกรัฐมนตรีมาเยือน')).toEqual([]);
    expect(found('นางพยาบาลใจดีมาก')).toEqual([]);
  });

  it('reads a name before an honorific or its genitive', () => {
    expect(found('ਸੁਨੇਹਾ: ਹਰਪ੍ਰੀਤ ਕੌਰ ਜੀ, ਤੁਹਾਡਾ ਵੀਜ਼ਾ ਕੱਲ੍ਹ ਹੈ')).toContain('ਹਰਪ੍ਰੀਤ ਕੌਰ');
    expect(found('സന്ദേശം: അനിൽ കുമാർ ചേട്ടന്റെ നമ്പർ')).toContain('അനിൽ കുമാർ');
    expect(found('පණිවිඩය: නිමල් පෙරේරා මහතාගේ අංකය')).toContain('නිමල් පෙරේරා');
    expect(new Set(found('বার্তা: রহিম ভাই, সালমা আপার নম্বর'))).toEqual(new Set(['রহিম', 'সালমা']));
    expect(found('செய்தி: செல்வி முருகன் அவர்களின் புதிய எண்')).toContain('செல்வி முருகன்');
    expect(found('ਗੁਰਦੁਆਰਾ ਬੰਗਲਾ ਸਾਹਿਬ ਵਿਖੇ ਲੰਗਰ ਸੇਵਾ ਐਤਵਾਰ ਨੂੰ ਹੈ।')).toEqual([]);
  });

  it('reads a Chinese name after a contract role or a transfer', () => {
    expect(found('租房合同：承租人张伟，身份证号见附件')).toEqual(['张伟']);
    expect(found('WeChat 转账给陈静，卡号见下')).toEqual(['陈静']);
  });
});

describe('honorifics before a name, in any language, stay outside it', () => {
  const names = (text: string) =>
    detectAll(text, lexicon)
      .filter((span) => span.type === 'PERSON')
      .map((span) => text.slice(span.start, span.end));

  it('leaves the title out and drops a title read alone', () => {
    expect(names('Court report: Judge Hollingsworth adjourned the hearing.')).toEqual(['Hollingsworth']);
    expect(names('sono la dottoressa Esposito, chiamo per confermare')).toEqual(['Esposito']);
    expect(names('Overboeking naar mevr. Jansen, graag vandaag.')).toEqual(['Jansen']);
    expect(names('Called Mr Oyelaran back about the invoice.')).toEqual(['Oyelaran']);
  });

  it('keeps a title that is also a name', () => {
    expect(names('Don Johnson called twice.')).toEqual(['Don Johnson']);
    expect(names('Ibu Sri Wahyuni sudah transfer.')).toContain('Sri Wahyuni');
  });
});
