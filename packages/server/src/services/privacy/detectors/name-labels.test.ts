import { describe, expect, it } from 'vitest';
import { labelledNames } from './name-labels.js';

const names = (text: string) => labelledNames(text).map((span) => text.slice(span.start, span.end));

describe("a name in its form's field after the label (round 18)", () => {
  it('reads the label of scripts without capitals, and capitals after a Latin-script label', () => {
    expect(names('ජාතික හැඳුනුම්පත: නම කසුන් ප්‍රියන්ත පෙරේරා, අංකය 881452370V')).toEqual(['කසුන් ප්‍රියන්ත පෙරේරා']);
    expect(names('የፋይዳ መታወቂያ: ስም አበበ በቀለ ገብሬ፣ FIN 4718 2903 6651')).toEqual(['አበበ በቀለ ገብሬ']);
    expect(names('ஆதார் எண் 8795 4220 5877 — பெயர் முருகன் சுப்பிரமணியம் — பிறந்த தேதி 22/01/1969')).toEqual([
      'முருகன் சுப்பிரமணியம்',
    ]);
    expect(names('شناختی کارڈ: نام عائشہ صدیقی، شوہر کا نام فہد صدیقی، شناختی نمبر 42101-8846213-2')).toEqual(
      ['عائشہ صدیقی', 'فہد صدیقی'],
    );
    expect(names('KTP: NIK 3174085408921147, Nama DEWI KARTIKA SARI, Tempat/Tgl Lahir JAKARTA')).toEqual([
      'DEWI KARTIKA SARI',
    ]);
    expect(names('T.C. Kimlik No 84866032658, Soyadı ÖZTÜRK, Adı ELİF NAZ')).toEqual(['ÖZTÜRK', 'ELİF NAZ']);
  });

  it('leaves the title and the word whose name it is outside', () => {
    expect(names('জাতীয় পরিচয়পত্র — নাম: মোছাঃ রুমানা আক্তার, পিতা: মোঃ আব্দুল করিম, জন্ম')).toEqual([
      'রুমানা আক্তার',
      'মোঃ আব্দুল করিম',
    ]);
    expect(names('العنوان: شارع الملك فهد، اسم المستلم خالد العتيبي')).toEqual(['خالد العتيبي']);
  });

  it('leaves the label in running text: no field opens, or the field does not end after the name', () => {
    expect(names('प्रिया वर्मा के नाम पर खाता खुला है; पता: 12, MG Road')).toEqual([]);
    expect(names('Nama saya Budi dan saya tinggal di Bandung')).toEqual([]);
  });
});
