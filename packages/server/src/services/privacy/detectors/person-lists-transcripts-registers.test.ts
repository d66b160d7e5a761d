import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('names in scripts without capitals, by list (round 10)', () => {
  it('reads Hindi, Thai, Hebrew and Arabic names without a title', () => {
    expect(found('अनिल और सुनीता कल दिल्ली ऑफिस में मिलेंगे।')).toEqual(['अनिल', 'सुनीता']);
    expect(found('मनोज गुप्ता का मोबाइल नंबर बदल गया है।')).toEqual(['मनोज गुप्ता']);
    expect(found('ธนพล แสงทอง ยืนยันการสั่งซื้อแล้ว')).toEqual(['ธนพล แสงทอง']);
    expect(found('דני לוי ביקש לדחות את הפגישה.')).toEqual(['דני לוי']);
    // (The joined `and` is redacted with the name: the word is one token.)
    expect(found('خالد وسارة القحطاني سيحضران الاجتماع.')).toEqual(['خالد', 'وسارة القحطاني']);
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

describe('given names from faker’s Latin-script lists (round 10)', () => {
  it('reads a given name alone that only those lists know', () => {
    expect(found('Billing contact stays Declan.')).toEqual(['Declan']);
    expect(found('The driver that day was Callum.')).toEqual(['Callum']);
  });

  it('leaves out the names that are English words or appear in film subtitles at all', () => {
    // `Hudson` and `Apollo` are in faker's lists; here they are a river and a pharmacy chain.
    expect(found('The barge went up the Hudson past the Apollo Pharmacy sign.')).toEqual([]);
  });
});

describe('accents the lists leave out (round 10)', () => {
  it('reads Yoruba names with their tone marks', () => {
    expect(found('Ẹ kú àárọ̀ Adébáyọ̀, jọ̀wọ́ pe Fúnmi lórí fóònù.')).toEqual(['Adébáyọ̀', 'Fúnmi']);
    expect(found('Ọgbẹ́ni Olúwaṣeun Àjàyí ní kí a fi ẹrù ránṣẹ́.')).toEqual(['Ọgbẹ́ni Olúwaṣeun Àjàyí']);
    expect(found('Alhaji Garba Shehu will sign for the goods.')).toEqual(['Alhaji Garba Shehu']);
  });

  it('does not turn a word into a name by taking an accent away (`Germán` is listed, `German` is a nationality)', () => {
    expect(found('The German team joins the call at nine.')).toEqual([]);
  });
});

describe('things named after people (round 10)', () => {
  it('reads a station, a bridge or a street written after the name as the landmark', () => {
    expect(found('Frecciarossa 9531 Milano Centrale 08:10, carriage 7.')).toEqual([]);
    expect(found('Petőfi híd and Margit híd will be closed on the night of 15 March.')).toEqual([]);
  });

  it('reads a model code after a name as a product', () => {
    expect(found('The new forklift (Linde E20) passed its inspection.')).toEqual([]);
  });
});

describe('titles and endings around a name (round 10)', () => {
  it('reads Polish `Pan` as Mr, not the Chinese family name Pan', () => {
    expect(found('Pan Krzysztof Zieliński prosi o kontakt.')).toEqual(['Pan Krzysztof Zieliński']);
    expect(found('Pan Wei asked for the invoice.')).toEqual(['Pan Wei']);
  });

  it('leaves a Turkish title after the name out of it', () => {
    expect(found('Zeynep Hanım yarın izinli, Murat Bey raporu gönderdi.')).toEqual(['Zeynep', 'Murat']);
  });

  it('leaves a Turkish case ending after the apostrophe out of the name', () => {
    expect(found("Yarın raporları Cem'e gönder, Ayşe'nin telefonu kapalı.")).toEqual(['Cem', 'Ayşe']);
    expect(found("O'Brien called about the invoice.")).toEqual(["O'Brien"]);
  });
});

describe('name shapes of more languages (round 10)', () => {
  it('reads an initial before a listed family name anywhere', () => {
    expect(found('Attendees R. Kumar, L. Chen; apologies T. Walsh.')).toEqual([
      'R. Kumar',
      'L. Chen',
      'T. Walsh',
    ]);
    expect(found('U.S. Steel and S. Korea signed.')).toEqual([]);
  });

  it('reads Italian abbreviated titles, feminine ones too', () => {
    expect(found('La dott.ssa Ferraro ha chiesto di spostare la visita.')).toEqual(['dott.ssa Ferraro']);
    expect(found("Chiedere all'ing. Verdi il preventivo.")).toEqual(['ing. Verdi']);
  });

  it('joins Catalan family names with `i`, but not two people joined by `y`', () => {
    expect(found('Pregunteu per Jordi Puig i Serra.')).toEqual(['Jordi Puig i Serra']);
    expect(found('Maria García López y José Fernández firmaron.')).toEqual([
      'Maria García López',
      'José Fernández',
    ]);
  });

  it('reads a Vietnamese name of four words written without diacritics', () => {
    expect(found('Please welcome Bui Thi Thu Trang to the finance team!')).toEqual(['Bui Thi Thu Trang']);
  });

  it('reads a name after Romance `a` (to), and still a brand after English `a`', () => {
    expect(found('Chiedere a Alessandro chi guidava.')).toEqual(['Alessandro']);
    expect(found('We bought a Mercedes last year.')).toEqual([]);
  });

  it('reads a family name that is also a place after a given name', () => {
    expect(found('Conta para depósito, titular Fernanda Lima.')).toEqual(['Fernanda Lima']);
  });
});

describe('titles and greetings of more languages (round 10)', () => {
  it('reads a name after a Bulgarian, Croatian, Romanian, German or English title', () => {
    expect(found('Здравейте, г-н Георгиев, моля потвърдете.')).toEqual(['г-н Георгиев']);
    expect(found('Poštovani gospodine Horvat, Vaš račun je plaćen.')).toEqual(['gospodine Horvat']);
    expect(found('Bună ziua, doamna Popescu, CNP-ul a fost verificat.')).toEqual(['doamna Popescu']);
    expect(found('Überweisung an Dr. med. Haas.')).toEqual(['Dr. med. Haas']);
    expect(found('The pallet for Mr. Baker is ready.')).toEqual(['Mr. Baker']);
    expect(found('Dear Mrs Van der Berg, your appointment is confirmed.')).toEqual(['Mrs Van der Berg']);
  });

  it('reads the name after a greeting in Uzbek, Estonian or Fijian, greeting left out', () => {
    expect(found('Salom Dilshod, telefon raqamingiz kerak.')).toEqual(['Dilshod']);
    expect(found('Tere Kadri, palun saada arve.')).toEqual(['Kadri']);
  });

  it('still reads a brand made of a title and a plural noun as a brand', () => {
    expect(found('Dr. Oetker pizzas are on offer.')).toEqual([]);
  });
});

describe('Chinese, Japanese and Korean names in running text (round 10)', () => {
  it('reads a family name before a title, and a name after a contact label or opening a request', () => {
    expect(found('王经理，李娜的身份证号已经提交。')).toEqual(['王', '李娜']);
    expect(found('了解です、鈴木部長に伝えておきます。')).toEqual(['鈴木']);
    expect(found('收货地址在浦东，联系人张伟。')).toEqual(['张伟']);
    expect(found('王芳，请把合同发给我。')).toEqual(['王芳']);
    expect(found('UnionPay 卡号，持卡人 张伟')).toEqual(['张伟']);
  });

  it('reads two names joined by 和 before a time or a verb, and a Korean name before a job title', () => {
    expect(found('陈静和刘洋明天去广州见客户。')).toEqual(['陈静', '刘洋']);
    expect(found('이지은 대리님이 견적서를 보내주셨습니다.')).toEqual(['이지은']);
  });

  it('leaves a department head, headquarters and a king alone', () => {
    expect(found('営業部長に伝えます。請聯繫总部。')).toEqual([]);
    expect(found('王様のレストランは満席です。')).toEqual([]);
  });
});

describe('brands, pronouns and places that look like names (round 10)', () => {
  it('reads brands and firms named after people as things', () => {
    expect(
      found('Calvin Klein and Tommy Hilfiger outlets, a bottle of Jack Daniel’s, shop at Albert Heijn.'),
    ).toEqual([]);
    expect(found('Calvin Harris called about the booking.')).toEqual(['Calvin Harris']);
  });

  it('reads German polite pronouns and abbreviations with a word joined as words', () => {
    expect(
      found('Hallo Frau Schneider, Ihr Termin ist am Dienstag. Bitte bringen Sie Ihre Karte mit.'),
    ).toEqual(['Frau Schneider']);
    expect(found('Her CPR-nummeret er registreret.')).toEqual([]);
  });

  it('reads a Polish roundabout or square as a place, and no Swedish `i` (in) as part of a name', () => {
    expect(found('Spotkanie przy Rondzie Kopernika o 9.')).toEqual([]);
    expect(found('IKEA i Kungens Kurva har utförsäljning.')).not.toContain('i Kungens Kurva');
  });
});

describe('transcripts and voice notes (round 10)', () => {
  it('reads a caller giving a name, and a name after ring or text', () => {
    expect(found('voice note: hi its marguerite calling about the flat')).toEqual(['marguerite']);
    expect(found('remind me to ring dave back about the scaffolding')).toEqual(['dave']);
    expect(found("it's raining again, this is fine")).toEqual([]);
  });

  it('reads speaker labels in brackets', () => {
    expect(found('[Maria Fernanda] can everyone hear me? [Wen] you are muted.')).toEqual([
      'Maria Fernanda',
      'Wen',
    ]);
    expect(found('[Note] the recording starts late.')).toEqual([]);
  });

  it('reads an initial without its dot after a given name, but not `I` or `A`', () => {
    expect(found('Lift share: Sarah P driving, 3 seats.')).toEqual(['Sarah P']);
    expect(found('Thanks Anna I think so too.')).toEqual(['Anna']);
  });
});

describe('Malay, Balinese, Filipino and Japanese name shapes (round 10)', () => {
  it('reads a Malay name with its title and binti, and a Balinese name by its birth-order name', () => {
    expect(found('Puan Nurul Ain binti Zakaria minta dihubungi.')).toEqual(['Puan Nurul Ain binti Zakaria']);
    expect(found('Transfer dari Ni Luh Putu Sriani sudah masuk.')).toEqual(['Ni Luh Putu Sriani']);
    expect(found('I Made a mistake in the invoice.')).toEqual([]);
  });

  it('reads Filipino `Ma.` as part of the name, and a Japanese name after an English label', () => {
    expect(found('The applicant Ma. Cristina Villanueva-Lacson is verified.')).toEqual([
      'Ma. Cristina Villanueva-Lacson',
    ]);
    expect(found('Ryokan booking: lead guest 佐々木健太, 2 adults.')).toEqual(['佐々木健太']);
  });
});

describe('call transcripts and CRM notes (round 10, tenth batch)', () => {
  it('reads speaker labels before a sentence, capitalised or in another language', () => {
    expect(found('Blessing: Call me on the other number.')).toEqual(['Blessing']);
    expect(found('Koffi: Mon numéro c’est le bon.')).toEqual(['Koffi']);
    expect(found('Kantoor: Keizersgracht 123, Amsterdam')).toEqual([]);
    expect(found('Asunto: la factura del mes pasado')).toEqual([]);
  });

  it('reads a name spelled out, a surname given on request and a family', () => {
    expect(found('Caller: My surname is Okonkwo, O-K-O-N-K-W-O.')).toEqual(['Okonkwo', 'O-K-O-N-K-W-O']);
    expect(found('See the U-S-B-C port.')).toEqual([]);
    expect(found('Mensah family: all on one plan.')).toEqual(['Mensah']);
  });

  it('reads CRM shorthand: left vm for, a nickname in quotes, a particle opening the name', () => {
    expect(found('left vm x3 for Sanjeewa, no luck')).toEqual(['Sanjeewa']);
    expect(found('Chukwuemeka "Emy" Obi — do not call after 6pm')).toEqual(['Chukwuemeka "Emy" Obi']);
    expect(found("Van der Merwe (Jo'burg) wants a statement.")).toEqual(['Van der Merwe']);
    expect(found('De Souza family account merged.')).toEqual(['De Souza']);
  });

  it('leaves streets, brands and articles that look like particles alone', () => {
    expect(found('The van went down Van der Helststraat twice.')).toEqual([]);
    expect(found('Van Houten cocoa is back; La Ferrari Roma stays in the showroom.')).toEqual([]);
  });
});

describe('CJK names where the text places them (round 10, tenth batch)', () => {
  it('reads a Japanese family and given name with a space, before です, and as a speaker label', () => {
    expect(found('佐藤 美咲 called re invoice')).toEqual(['佐藤 美咲']);
    expect(found('Yamada desu, 山田です.')).toContain('山田');
    expect(found('田中: 生年月日は言えません。')).toEqual(['田中']);
  });

  it('reads a name in brackets after a number or a Latin name, between dashes, and after 받는 사람', () => {
    expect(found('My Number 6257 4831 3818（高橋健一）の提出')).toEqual(['高橋健一']);
    expect(found('UnionPay card – 刘洋 – chargeback opened')).toEqual(['刘洋']);
    expect(found('받는 사람 김민수, 내일 배송')).toEqual(['김민수']);
  });

  it('leaves field labels alone', () => {
    expect(found('住所: 東京都渋谷区 金额: 300元')).toEqual([]);
  });
});

describe('more places a name stands (round 10, tenth batch)', () => {
  it('reads a Vietnamese speaker label, a label in brackets after a role, and `is that X`', () => {
    expect(found('Hùng: Tôi sinh ngày 12 tháng 5.')).toEqual(['Hùng']);
    expect(found('Participant 3 (Luz): I think so.')).toEqual(['Luz']);
    expect(found('Wait, is that Ngozi with a G?')).toEqual(['Ngozi']);
    expect(found('We liked that Mercedes.')).toEqual([]);
  });

  it('reads the possessive of a given name before something only a person has', () => {
    expect(found("Hamid's home router is down.")).toEqual(['Hamid']);
    expect(found("Grace's period ends Friday.")).toEqual([]);
  });
});

describe('CJK names through the detection view (full-width punctuation made ASCII)', () => {
  it('reads a name after a full-width comma as after an ASCII one', async () => {
    const { findEntities } = await import('../scrub.js');
    const text = '王经理，李娜的身份证号已经提交。';
    const persons = findEntities(text, lexicon)
      .filter((span) => span.type === 'PERSON')
      .map((span) => text.slice(span.start, span.end));
    expect(persons).toEqual(['王', '李娜']);
  });
});

describe('a given name that is a word, before what only people do (round 10)', () => {
  it('reads it before a person verb, and leaves a month before `is` alone', () => {
    expect(found('Joy dropped off the cheque.')).toEqual(['Joy']);
    expect(found('April is a busy month.')).toEqual([]);
  });
});

describe('registers, logs and legal notes (round 10, eleventh batch)', () => {
  it('reads family name first with a comma in lists and table cells', () => {
    expect(found('Lab results for Smith, John P. and Smith, Mary got merged.')).toEqual([
      'Smith, John P.',
      'Smith, Mary',
    ]);
    expect(found('MRN 00482913 | KHAN, Imran Ali | Ward 3B')).toEqual(['KHAN, Imran Ali']);
    expect(found('Estudiante Yupanqui Ccori, Nayeli — beca aprobada.')).toEqual(['Yupanqui Ccori, Nayeli']);
  });

  it('reads family names in capitals before the given names, not an abbreviation before one', () => {
    expect(found('Élève KABILA MUTOMBO Grâce, classe de 6e B.')).toEqual(['KABILA MUTOMBO Grâce']);
    expect(found('Patient: KOUASSI Yao Serge | Né le')).toEqual(['KOUASSI Yao Serge']);
    expect(found('IBAN Thomas')).toEqual(['Thomas']);
  });

  it('reads logins in sshd logs and ssh commands, not service accounts', () => {
    expect(found('sshd[2211]: Failed password for amani from 196.202.14.87')).toEqual(['amani']);
    expect(found('ssh farrukh@10.44.2.19 then sudo systemctl restart')).toEqual(['farrukh']);
    expect(found('Failed password for root; ssh admin@10.0.0.1')).toEqual([]);
  });

  it('reads lineage words, Portuguese e, a word-name before a particle, and the parties of a case', () => {
    expect(found('driver Muthu a/l Ramasamy reported a flat')).toEqual(['Muthu a/l Ramasamy']);
    expect(found('Cliente João Pedro de Souza e Silva chegou.')).toEqual(['João Pedro de Souza e Silva']);
    expect(found('Maria e João vieram.')).toEqual(['Maria', 'João']);
    expect(found('Jan de Vries, BSN on file.')).toEqual(['Jan de Vries']);
    expect(found('Re: Hargreaves v Ashworth-Pryce — fee note attached.')).toEqual([
      'Hargreaves',
      'Ashworth-Pryce',
    ]);
  });

  it('reads a name after `that` when a verb follows, and a role word of another language', () => {
    expect(found('Mariana reported that Colin shared his login.')).toEqual(['Mariana', 'Colin']);
    expect(found('I bought that Mercedes yesterday.')).toEqual([]);
    expect(found('Entregador Cleiton não achou a dona Neide.')).toEqual(['Cleiton', 'Neide']);
  });
});

describe('names of thin-list scripts (round 19)', () => {
  it('reads common Marathi, Bengali, Urdu, Punjabi and Georgian names against the lists', () => {
    expect(found('उपस्थित: सरपंच कमला देवी, सचिव मोहन लाल शर्मा')).toEqual(['कमला देवी', 'मोहन लाल शर्मा']);
    expect(found('উপস্থিত: সুব্রত বন্দ্যোপাধ্যায় (সভাপতি), রিনা দাস')).toEqual(['সুব্রত বন্দ্যোপাধ্যায়', 'রিনা দাস']);
    expect(found('ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ ਨੇ ਫ਼ੋਨ ਕੀਤਾ')).toEqual(['ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ']);
    expect(found('हार्दिक शुभकामनाएं')).toEqual([]);
  });
});
