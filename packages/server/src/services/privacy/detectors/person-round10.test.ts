import { describe, expect, it } from 'vitest';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) => detectPersons(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('names in scripts without capitals, by list (round 10)', () => {
  it('reads Hindi, Thai, Hebrew and Arabic names without a title', () => {
    expect(found('अनिल और सुनीता कल दिल्ली ऑफिस में मिलेंगे।')).toEqual(['अनिल', 'सुनीता']);
    expect(found('मनोज गुप्ता का मोबाइल नंबर बदल गया है।')).toEqual(['मनोज गुप्ता']);
    expect(found('ธนพล แสงทอง ยืนยันการสั่งซื้อแล้ว')).toEqual(['ธนพล แสงทอง']);
    expect(found('דני לוי ביקש לדחות את הפגישה.')).toEqual(['דני לוי']);
    expect(found('خالد وسارة القحطاني سيحضران الاجتماع.')).toEqual(['خالد', 'سارة القحطاني']);
  });

  it('reads a Greek name from faker’s lists, accents and all', () => {
    expect(found('Ο Γιώργος Αντωνίου θα στείλει την προσφορά.')).toContain('Γιώργος Αντωνίου');
  });

  it('leaves a name that is also a word alone unless a family name follows', () => {
    expect(found('सीमा पर तनाव बढ़ गया है।')).toEqual([]);
    expect(found('विकास शर्मा ने रिपोर्ट भेजी।')).toEqual(['विकास शर्मा']);
    expect(found('باسم الشركة: مؤسسة النور للتجارة')).toEqual([]);
  });

  it('starts after a word that may be a name when a name that can only be one follows', () => {
    expect(found('الحساب باسم نورة الشمري.')).toEqual(['نورة الشمري']);
  });
});
