import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('places, schools and feasts named after people (round 12)', () => {
  it('leaves a name after a street, school or airport word in lower case, and a feast day, alone', () => {
    expect(found('Ecole Jules Ferry, rue Victor Hugo: la rentrée est fixée au lundi 2 septembre.')).toEqual(
      [],
    );
    expect(found('llega a la terminal del aeropuerto Arturo Merino Benítez a las 06:15.')).toEqual([]);
    expect(found('Szkoła Podstawowa im. Marii Konopnickiej: zebranie z rodzicami w czwartek.')).toEqual([]);
    expect(found('Mesa reservada para el Día de la Hispanidad, menú degustación 65 €.')).toEqual([]);
    expect(found('[18:00] Admin: Eid Mubarak everyone, the mosque opens at 7am.')).toEqual([]);
  });

  it('still reads the same names as persons elsewhere', () => {
    expect(found('I met Victor Hugo at the hotel.')).toEqual(['Victor Hugo']);
    expect(found('Dia Ferreira called about the invoice.')).toEqual(['Dia Ferreira']);
  });
});

describe('headings before a colon are no speakers (round 12)', () => {
  it('leaves a lone unknown word before a colon alone outside a dialogue', () => {
    expect(found('Nómina: a Lucía Fernández se le ingresará el sueldo.')).toEqual(['Lucía Fernández']);
    expect(found('Dierenarts: de kat van Sanne de Jong heeft hechtingen.')).toEqual(['Sanne de Jong']);
  });

  it('reads it in a dialogue, after a time stamp, or before a turn that opens as speech', () => {
    expect(found('Daniyar: bro where is the parking pass? Aslan: in the car')).toEqual(['Daniyar', 'Aslan']);
    expect(found('Taini: my new email is on the form.')).toEqual(['Taini']);
    expect(found('00:01:12 Dagmawi: running late, traffic on Bole Road.')).toEqual(['Dagmawi']);
  });
});

describe('names after roles and form fields in scripts without capitals (round 12)', () => {
  it('reads the name after a patient, tenant, visa or ticket, up to the punctuation or a function word', () => {
    expect(found('المريضة فاطمة الزهراء بنعلي من الدار البيضاء، رقم الهاتف')).toEqual([
      'فاطمة الزهراء بنعلي',
    ]);
    expect(found('वीज़ा आवेदन: अनीता देवी, पासपोर्ट P4821736. प्रायोजक: सुनील कुमार.')).toEqual([
      'अनीता देवी',
      'सुनील कुमार',
    ]);
    expect(found('ትኬት: ሰላም ታደሰ ኢሜይል selam@example.et አይሰራም።')).toEqual(['ሰላም ታደሰ']);
    expect(found('ဗီဇာ လျှောက်ထားသူ အောင်ကျော်မင်း၊ နိုင်ငံကူးလက်မှတ် MC482173။')).toEqual(['အောင်ကျော်မင်း']);
    expect(found('நோயாளி கார்த்திக் சுப்பிரமணியம், தொலைபேசி')).toEqual(['கார்த்திக் சுப்பிரமணியம்']);
  });

  it('leaves an adjective or a function word after a role alone', () => {
    expect(found('مشتری جدید، تاریخ تولد ۱۳۷۲/۰۸/۲۳')).toEqual([]);
    expect(found('ٹکٹ: کا مسئلہ حل ہو گیا')).toEqual([]);
  });

  it('reads capitalised names after Cyrillic and Somali roles and forms', () => {
    expect(found('Виза: Нурсултан Ахметов, паспорт N12482173. Супруга: Гульнара Ахметова.')).toEqual([
      'Нурсултан Ахметов',
      'Гульнара Ахметова',
    ]);
    expect(found('Fiisaha: Cabdiraxmaan Maxamed Xasan, baasaboor P00482173')).toEqual([
      'Cabdiraxmaan Maxamed Xasan',
    ]);
  });
});

describe('Chinese, Japanese and Korean names after more roles (round 12)', () => {
  it('reads the name after a student, tenant, car owner or driver, and after a form colon before 的', () => {
    expect(found('学生李娜的学号 2021030417')).toEqual(['李娜']);
    expect(found('房客吳家豪，地址臺北市大安區')).toEqual(['吳家豪']);
    expect(found('工单：赵磊的邮箱 zhaolei@example.cn 密码已重置')).toEqual(['赵磊']);
    expect(found('事故：運転者鈴木 一郎。')).toEqual(['鈴木 一郎']);
    expect(found('학생 이서연 학부모님 이메일')).toEqual(['이서연']);
    expect(found('사고 접수: 운전자 박지훈. 담당자: 한지우.')).toEqual(['박지훈', '한지우']);
  });

  it('leaves a form colon before other words alone', () => {
    expect(found('状态：已完成，时间：今天。')).toEqual([]);
  });
});

describe('a title before a verb that is also a plural noun (round 12)', () => {
  it('reads the person before a verb with its object, still not a brand before its products', () => {
    expect(found('Mr. Okonkwo disputes the charge on the card.')).toEqual(['Mr. Okonkwo']);
    expect(found('Dr. Oetker pizzas are on sale this week.')).toEqual([]);
  });
});

describe('surnames that are also words after a given name (round 12)', () => {
  it('takes the capitalised word after a listed given name after a strong cue or in a list', () => {
    expect(found("today I'm joined by Will Baker, our head of sales.")).toEqual(['Will Baker']);
    expect(found('attendees Bill King, Summer Brown, Hunter Smith')).toEqual([
      'Bill King',
      'Summer Brown',
      'Hunter Smith',
    ]);
  });

  it('leaves a place or a business after the name out of it', () => {
    expect(found('joined by Will from Customer Support')).toEqual(['Will']);
  });
});

describe('names in forms and notes (round 12)', () => {
  it('reads a name before a person’s own details, a Romance `a` before a name, devotional given names', () => {
    expect(found('Berendam: Diyar Barzanî, telefon +964 750 418 2739, Hewlêr.')).toEqual(['Diyar Barzanî']);
    expect(found('Escribile a Facundo: facu@example.uy, es el tesorero')).toEqual(['Facundo']);
    expect(found('Fatura: Maria do Céu Albuquerque, NIF 279811357')).toEqual(['Maria do Céu Albuquerque']);
    expect(found('María de los Ángeles Pérez llamó ayer')).toEqual(['María de los Ángeles Pérez']);
  });

  it('reads a family name, a comma and a given name before a verb, and a passenger name before the seat', () => {
    expect(found('Call log: SMITH, John called re invoice 2026-118')).toEqual(['SMITH, John']);
    expect(found('Boarding pass: HALVORSEN/KJETIL seat 23C flight SK 4021')).toEqual(['HALVORSEN/KJETIL']);
  });

  it('leaves a firm before its phone number alone', () => {
    expect(found('Shipped to Acme, tel +1 555 0100')).toEqual([]);
  });
});

describe('chat turns, kinship words, maiden names and devices (round 12)', () => {
  it('reads the name a stamped chat turn opens with, not the kinship word of its speaker', () => {
    expect(found("[19:47] Maman: Koffi, envoie l'argent au +225 05 48 21 73 36")).toEqual(['Koffi']);
    expect(found('[10:30] Бабушка: Сашенька, позвони мне')).toEqual(['Сашенька']);
    expect(found('[07:07] Gogo: ngicela ungithumelele imali')).toEqual([]);
    expect(found('Tía Marcela llamó ayer')).toEqual(['Marcela']);
  });

  it('reads a maiden name after née and the owner a device is named after', () => {
    expect(found('client Samantha Greene (née Whitfield), seeking divorce')).toEqual([
      'Samantha Greene',
      'Whitfield',
    ]);
    expect(found('DHCPACK to b8:27:eb:4a:91:c3 (Siddharth-iPhone) via eth0')).toEqual(['Siddharth']);
    // Owner after the device (round 18); a model's name is no owner.
    expect(found('DHCPACK on 192.168.10.23 (iPhone-de-Kemal); "Galaxy-Tab-Amara" joined')).toEqual([
      'Kemal',
      'Amara',
    ]);
    expect(found('Galaxy-S23-Ultra and iPhone-Pro-Max in stock')).toEqual([]);
    expect(found('the Office-iPad and the Kiosk-Android tablet')).toEqual([]);
  });
});

describe('introductions and Romance `a` in more languages (round 12)', () => {
  it('reads a name after `je suis` and between Romance `a … e a …`', () => {
    expect(found('Bonjour, je suis Bérénice, joignable au +33 7 81 24 56 90')).toEqual(['Bérénice']);
    expect(found('A Giulia e a Matteo ho mandato il link della riunione.')).toEqual(['Giulia', 'Matteo']);
    expect(found('Llamar a Rodrigo al +57 310 482 1937')).toEqual(['Rodrigo']);
  });
});

describe('more places, rooms and days named after people (round 12)', () => {
  it('leaves rooms, hospitals, foundations, avenues and feasts alone', () => {
    expect(found('The board meets in meeting room Darwin on the 3rd floor.')).toEqual([]);
    expect(found('Rumah Sakit Siloam di Jalan Sudirman buka 24 jam.')).toEqual([]);
    expect(found('Donations go to the Nelson Mandela Foundation this year.')).toEqual([]);
    expect(found('Siniestro en Av. Javier Prado, placa ABC-123.')).toEqual([]);
    expect(found('Closed on Christmas Eve and during Carnaval.')).toEqual([]);
  });

  it('still reads a name after `av` (Norwegian "by") and `rumah` (a house)', () => {
    expect(found('Bil lånt av Vegard Nilsen, ladekabel mangler.')).toEqual(['Vegard Nilsen']);
    expect(found('sudah parkir di depan rumah Bu Ratna sejak hari Kamis')).toEqual(['Ratna']);
  });
});

describe('roles in Gujarati, Punjabi, Pashto and Lao (round 12)', () => {
  it('reads the name after the role up to the genitive or the comma', () => {
    expect(found('ગ્રાહક કિંજલ પટેલ નો જન્મ ૧૨/૦૮/૧૯૯૦ ના રોજ થયો હતો.')).toEqual(['કિંજલ પટેલ']);
    expect(found('ਗਾਹਕ ਹਰਪ੍ਰੀਤ ਸਿੰਘ ਦਾ ਨੰਬਰ +91 98140 55213 ਹੈ')).toEqual(['ਹਰਪ੍ਰੀਤ ਸਿੰਘ']);
    expect(found('د کار غوښتونکی احمد شاه ولي، تلیفون +93 70 482 1937.')).toEqual(['احمد شاه ولي']);
    expect(found('請款人李志強，身分證310104198702262508')).toEqual(['李志強']);
  });
});
