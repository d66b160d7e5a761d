import type { Span } from '../types.js';
import { alternation, linesBeyondLatin } from './util.js';

/**
 * Names after a role or a form's field in scripts without capitals (`المستأجر سامي حداد،`, `रोगी सुमन श्रेष्ठ,`,
 * `ትኬት: ሰላም ታደሰ`, `វីសា៖ សុខ ចាន់ថា`): a patient, tenant, client, applicant or a visa, ticket or application
 * names the person whose words follow. The name runs to the next punctuation, a function word or another
 * field's word, at most three words (two when nothing ends it: the third is the next field's).
 */

/** People by their role, in Arabic, Persian, Urdu, Hebrew and the Indic, Ethiopic, Southeast Asian scripts. */
const ROLES = `المريض المريضة المريضه مريض مريضة المستأجر المستأجرة مستأجر مستاجر العميل العميلة عميل الطالب الطالبة طالب
السائق المالك الموظف الموظفة المرسل المستلم الزوج الزوجة مقدم_الطلب بیمار مریض مشتری دانشجو دانش‌آموز راننده مالک کارمند
همسر متقاضی وکیل مستأجر گاہک مریض طالب_علم ڈرائیور مالک ملازم بیوی شوہر مؤکل מטופל מטופלת לקוח לקוחה דייר דיירת
נהג נהגת סטודנט סטודנטית रोगी मरीज़ मरीज ग्राहक किरायेदार किराएदार छात्र छात्रा चालक मालिक कर्मचारी पत्नी पति आवेदक
प्रायोजक प्रेषक प्राप्तकर्ता बिरामी রোগী গ্রাহক ভাড়াটিয়া ছাত্র ছাত্রী চালক মালিক কর্মী স্ত্রী স্বামী আবেদনকারী நோயாளி
வாடிக்கையாளர் மாணவர் மாணவி ஓட்டுநர் உரிமையாளர் மனைவி கணவர் விண்ணப்பதாரர் రోగి కస్టమర్ విద్యార్థి డ్రైవర్
యజమాని భార్య భర్త దరఖాస్తుదారు ರೋಗಿ ಗ್ರಾಹಕ ವಿದ್ಯಾರ್ಥಿ രോഗി ഉപഭോക്താവ് വിദ്യാർത്ഥി රෝගියා
පාරිභෝගිකයා ශිෂ්‍යයා ታካሚ ደንበኛ ተማሪ ሹፌር ባለቤት ผู้ป่วย ลูกค้า ผู้เช่า นักเรียน คนขับ ผู้สมัคร
လူနာ ဖောက်သည် ကျောင်းသား ယာဉ်မောင်း လျှောက်ထားသူ អ្នកជំងឺ អតិថិជន សិស្ស អ្នកបើកបរ ગ્રાહક દર્દી વિદ્યાર્થી ਗਾਹਕ ਮਰੀਜ਼
ਵਿਦਿਆਰਥੀ غوښتونکی ناروغ پیرودونکی ທ່ານ ລູກຄ້າ ຄົນເຈັບ المستفيد المستفيدة مستفيد উপকারভোগী लाभार्थी பயனாளி`;
/**
 * Greetings before the name of the one greeted, and `in the name of` (`مسجلة باسم سلطان المهيري`); a word that
 * greets everyone (`שלום לכולם`) is a stop word.
 */
const GREETINGS = `ሰላም שלום سلام مرحبا مرحباً السلام_عليكم السلام_علیکم نمستے नमस्ते नमस्कार வணக்கம் నమస్కారం ನಮಸ್ಕಾರ
നമസ്കാരം ආයුබෝවන් გამარჯობა ສະບາຍດີ ជម្រាបសួរ សួស្តី မင်္ဂလာပါ باسم المستفيد لصالح به_نام`;
/** Forms and requests that a name follows after a colon: a visa, a ticket, an application, a name field. */
const FIELDS = `تذكرة طلب فيزا تأشيرة الاسم اسم ویزا درخواست بلیط نام ٹکٹ ویزا درخواست نام שם כרטיס ויזה वीज़ा वीजा
भिसा टिकट आवेदन नाम নাম ভিসা টিকেট আবেদন பெயர் விசா வீசா டிக்கெட் விண்ணப்பம் పేరు వీసా టికెట్ దరఖాస్తు ಹೆಸರು
ವೀಸಾ പേര് വിസ නම වීසා විසා ስም ቪዛ ትኬት ማመልከቻ ชื่อ วีซ่า ตั๋ว အမည် ဗီဇာ ឈ្មោះ
ទិដ្ឋាការ សំបុត្រ கோரிக்கை दावा دعوى دعویٰ ጥያቄ তালিকা`;

const words = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/_/g, ' '));
/**
 * Introductions and kin before a name (`मेरा नाम सुनीता वर्मा है`, `ስሜ ሰላማዊት ተስፋዬ ነው`, `என் பெயர் …`, `اسمها نادية`,
 * `मेरे बेटे आरव का`, `आईचं नाव सुमन`): read like a role.
 */
const INTRODUCTIONS = `मेरा_नाम मेरी_बेटी मेरे_बेटे मेरा_बेटा मेरे_भाई मेरी_बहन मेरी_पत्नी मेरे_पति माझं_नाव माझे_नाव आईचं_नाव आईचे_नाव वडिलांचं_नाव वडिलांचे_नाव میرا_نام میری_بیٹی میرے_بیٹے
میرا_بیٹا میرے_بھائی میری_بہن என்_பெயர் என்_பெயர்_ ስሜ ስሟ ስሙ اسمي اسمى اسمه اسمها نام_من نامم আমার_নাম আমার_ছেলে
আমার_মেয়ে నా_పేరు ನನ್ನ_ಹೆಸರು എന്റെ_പേര് මගේ_නම ฉันชื่อ ผมชื่อ`;
const GREETING_WORDS = new Set(words(GREETINGS));
const INTRODUCTION_WORDS = words(INTRODUCTIONS);
const LABELS = new Set([...words(ROLES), ...words(FIELDS), ...GREETING_WORDS, ...INTRODUCTION_WORDS]);
/**
 * A role or a greeting, then a colon (Ethiopic `፡`/`:`, Khmer `៖`) or a space; a form's field only before a colon
 * (`طلب تعويض من …` is a request for compensation, not a name).
 */
const LABEL = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:(?:${alternation(LABELS)})\\s?[:：៖፡፦]\\s?|(?:${alternation([...words(ROLES), ...GREETING_WORDS, ...INTRODUCTION_WORDS])})\\s)`,
  'gu',
);

/**
 * `नमस्कार, मी प्रशांत देशपांडे`, `નમસ્તે, હું હેતલ પટેલ છું`, `سلام، زه احمد شاه وردک یم`, `สวัสดีค่ะ ดิฉัน สมศรี ใจดี`: a greeting, then
 * "I", then the name: how a caller or a writer introduces themself. (Without the greeting, "I" is followed by a verb as
 * often as by a name.)
 */
const SELF_GREETINGS =
  words(`नमस्कार नमस्ते નમસ્તે নমস্কার ನಮಸ್ಕಾರ నమస్కారం வணக்கம் നമസ്കാരം ਸਤ_ਸ੍ਰੀ_ਅਕਾਲ سلام السلام_علیکم مرحبا
مرحباً شالوم שלום สวัสดี สวัสดีค่ะ สวัสดีครับ ສະບາຍດີ မင်္ဂလာပါ ሰላም ጤና_ይስጥልኝ ជម្រាបសួរ გამარჯობა ආයුබෝවන්`);
const I =
  words(`मी मैं আমি હું ನಾನು నేను நான் ഞാൻ ਮੈਂ میں زه من أنا انا אני ดิฉัน ผม ฉัน ຂ້ອຍ ຂ້ອຍຊື່ ကျွန်မ ကျွန်တော် ኣነ እኔ ខ្ញុំ მე
මම`);
const INTRODUCED = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${alternation(SELF_GREETINGS)})[,،፣၊]?\\s(?:${alternation(I)})\\s`,
  'gu',
);
const INTRODUCING = new RegExp(alternation(SELF_GREETINGS));
/** "am" after a name (`… છું`, `… یم`, `… እየ`, `… ပါ`, `… हूँ`), or a particle of politeness (`… ค่ะ`). */
const COPULAS = words(`છું یم یی እየ ነኝ ပါ ပါတယ် हूँ हूं आहे ค่ะ ครับ`);
/** The fields a caller gives after their name (`… เลขบัตรประชาชน`, `… फोन`). */
const NEXT_FIELDS = `เลขบัตรประชาชน เลขประจำตัวประชาชน เบอร์ โทร फोन फ़ोन मोबाइल मोबाईल पता जन्मतारीख জন্ম ফোন મોબાઇલ ವಿಳಾಸ`;
/** After the name: punctuation, "am", or the next field (not a verb: `नमस्ते, मैं कल आऊँगा` is "I will come tomorrow"). */
const AFTER_INTRODUCED = new RegExp(
  `^(?:\\s?[,،፣၊।။.!?:;]|\\s(?:${alternation([...COPULAS, ...words(FIELDS), ...words(NEXT_FIELDS)])})(?![\\p{L}\\p{M}]))`,
  'u',
);

function introducedNames(line: string, offset: number, spans: Span[]): void {
  const found: Span[] = [];
  namesAfterLabels(line, offset, found, INTRODUCED);
  for (const span of found) {
    if (AFTER_INTRODUCED.test(line.slice(span.end - offset, span.end - offset + 24))) spans.push(span);
  }
}
/** A word of a script without capitals (Hebrew to Sinhala, Thai, Lao, Myanmar, Georgian, Ethiopic, Khmer). */
const WORD =
  /(?:(?![\p{P}\p{N}\p{S}])[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}\p{Script=Ethiopic}\p{Script=Khmer}\u064b-\u065f\u0670]|\u200c|\u200d)+/uy;
/** Words between which a name does not go on: prepositions, particles, conjunctions, the other fields and the copulas. */
const STOP_WORDS = new Set(
  words(`من في على إلى الى عن مع و أو هو هي رقم الهاتف هاتف جواز العنوان البريد مواليد را از به با در و که برای این
تلفن پاسپورت نشانی آدرس ایمیل کا کی کے نے کو سے میں پر اور ہے فون پاسپورٹ پتہ של את עם טלפון נייד דרכון का की के
ने को से में पर और है ले मा हो पासपोर्ट राहदानी फोन फ़ोन मोबाइल ईमेल पता जन्म এর ও এবং কে থেকে পাসপোর্ট মোবাইল ফোন
ইমেইল ঠিকানা জন্ম பாஸ்போர்ட் தொலைபேசி மின்னஞ்சல் முகவரி పాస్‌పోర్ట్ ఫోన్ చిరునామా ජාතික දුරකථන ኢሜይል ስልክ
ፓስፖርት ዜግነት ነው លិខិតឆ្លងដែន ទូរស័ព្ទ ဖုန်း နိုင်ငံကူးလက်မှတ် โทร หนังสือเดินทาง السيد السيدة الأستاذ الدكتور آقای خانم
دکتر جناب صاحب صاحبہ محترم محترمہ श्री श्रीमती डॉ শ্রী শ্রীমতী ড. திரு திருமதி శ్రీ ශ්‍රී ጌታ ወይዘሮ คุณ جديد جديدة
جدید قدیم نیا نئی بكم بك عليكم علیکم لكم לכולם للجميع सभी सबको সবাই எல்லோருக்கும் அனைவருக்கும் ሁላችሁም नया नई নতুন புதிய కొత్త ใหม่ નો ની નું ના ਦਾ ਦੀ ਦੇ ਨੂੰ ന്റെ ന്‍റെ ജനനം ઇમેઇલ ਨੰਬਰ تلیفون ໂທ છે እዩ นะคะ ເດີ ठीक तैयार खुश बीमार परेशान ઠીક លេខ លេខទូរស័ព្ទ លេខទូរស័ព្ទខ្ញុំ เลขบัตรประชาชน
เลขประจำตัวประชาชน เบอร์`).concat(COPULAS),
);
const MAX_WORDS = 3;

/**
 * The same roles in Cyrillic and in Latin-script languages the other lists lack: a capitalised name after one
 * is a person's (`пацієнту Андрію`, `Супруга: Гульнара Ахметова`).
 */
export const ROLES_IN_CAPITALISED_SCRIPTS =
  words(`пациент пациентка пацієнт пацієнтка пацієнту клиент клиентка клієнт
клієнтка студент студентка водитель водій владелец владелица власник власниця арендатор арендаторша орендар
заявитель заявник отправитель получатель відправник одержувач сотрудник сотрудница працівник працівниця супруга
супруг дружина чоловік жена муж лікар врач учень ученик ученица контакт орендаря орендарки клієнта клієнтки пацієнта
пацієнтки врача доктора лікаря чоловіка дружини мужа жены сына сина дочери доньки менеджера директора қызметкер жұбайы әйелі күйеуі qoyska xaaska ninkeeda`);
/** Forms a name follows after a colon (`Виза: Нурсултан Ахметов,`, `Өтінім: Дәурен Жұмабаев`, `Fiisaha: …`). */
export const FIELDS_IN_CAPITALISED_SCRIPTS =
  words(`виза виз віза заявка заява заявление өтінім өтініш тикет билет
fiisaha codsi`);
const HAS_CASELESS = /[\u0590-\u0dff\u0e00-\u0eff\u1000-\u109f\u10a0-\u10ff\u1200-\u139f\u1780-\u17ff]/;

function namesAfterLabels(line: string, offset: number, spans: Span[], labels = LABEL): void {
  labels.lastIndex = 0;
  for (let label = labels.exec(line); label; label = labels.exec(line)) {
    const taken: [number, number][] = [];
    let at = label.index + label[0].length;
    let ended = false;
    while (taken.length < MAX_WORDS) {
      WORD.lastIndex = at;
      const word = WORD.exec(line);
      // `ဗီဇာ လျှောက်ထားသူ …` (visa, applicant): a label after a label; the name follows the second.
      // (`ትኬት: ሰላም ታደሰ`: a greeting after a label is a name, Selam.)
      const greeting = word !== null && GREETING_WORDS.has(word[0]);
      if (word && taken.length === 0 && LABELS.has(word[0]) && !greeting) break;
      // (`باسم الشركة`: in the name of the company; a name does not open with the article.)
      if (word && taken.length === 0 && word[0].startsWith('ال')) break;
      if (!word || STOP_WORDS.has(word[0]) || (LABELS.has(word[0]) && !(greeting && taken.length === 0))) {
        ended = true;
        break;
      }
      taken.push([at, at + word[0].length]);
      at += word[0].length;
      if (line[at] !== ' ') {
        ended = true;
        break;
      }
      at++;
    }
    if (!ended) {
      // Three words: a fourth that is a function word or a field ends the name after the third.
      WORD.lastIndex = at;
      const next = WORD.exec(line)?.[0];
      ended = next === undefined || STOP_WORDS.has(next) || LABELS.has(next);
    }
    const kept = ended ? taken : taken.slice(0, 2);
    const first = kept[0];
    const last = kept.at(-1);
    if (first && last && last[1] - first[0] >= 2) {
      spans.push({ start: offset + first[0], end: offset + last[1], type: 'PERSON' });
    }
  }
}

/**
 * Words after a name that make it an owner (`ਗੁਰਪ੍ਰੀਤ ਕੌਰ ਦਾ ਫ਼ੋਨ`, `അനിൽ മേനോൻ ന്റെ ഫോൺ`, `నిమల్ … గారి ఈమెయిల్`):
 * possessive particles and the honorifics written after a name in its possessive form.
 */
const OWNER_MARKS = new Set(
  words(`का की के को ਦਾ ਦੀ ਦੇ નો ની નું ના এর ന്റെ ന്‍റെ గారి యొక్క ಅವರ ಅವರು அவர்களின் மகதா මහතාගේ මහත්මියගේ
මියගේ کا کی کے`),
);
/** Owners that are no person: pronouns and places (`आप का फोन`, `कंपनी का पता`). */
const NOT_OWNERS = new Set(
  words(`आप उन इन उस इस मेरे हमारे तुम्हारे तुम वह यह कंपनी दुकान ऑफिस कार्यालय होटल स्कूल अस्पताल बैंक घर संस्था
क्लिनिक आप تم آپ ان اس کمپنی دکان دفتر ہوٹل اسکول ہسپتال بینک گھر ڈاکٹر डॉक्टर मास्टर ماسٹر استاد उस्ताद`),
);
/** The possessive written onto the name with a hyphen (`রফিকুল ইসলাম-এর`, `გიორგი ბერიძე-ს`). */
const OWNER_SUFFIXES = new Set(['এর', 'ের', 'র', 'ს', 'ის', 'ის']);
/** A person's own details: phone, mobile, address, e-mail, birth, national ID, passport, account. */
const OWNED_FIELDS = new Set(
  words(`फोन फ़ोन मोबाइल नंबर नम्बर पता ठेगाना ईमेल ई-मेल जन्म जन्मतिथि पासपोर्ट आधार खाता ਫ਼ੋਨ ਫੋਨ ਮੋਬਾਈਲ ਪਤਾ ਜਨਮ ਈਮੇਲ
ફોન મોબાઇલ સરનામું જન્મ ফোন মোবাইল ঠিকানা ইমেইল জন্ম জাতীয় পাসপোর্ট ഫോൺ മൊബൈൽ വിലാസം ഇമെയിൽ ജനന ఫోన్ మొబైల్ చిరునామా
ఈమెయిల్ పుట్టిన జన్మ ಫೋನ್ ಮೊಬೈಲ್ ವಿಳಾಸ ಇಮೇಲ್ ಜನ್ಮ தொலைபேசி கைபேசி முகவரி மின்னஞ்சல் பிறந்த දුරකථන ලිපිනය ජාතික
උපන් ტელეფონი ტელ მისამართი ელფოსტა დაბადების პირადი فون موبائل پتہ ای میل شناختی پیدائش شناختی_کارڈ`),
);

/**
 * `ਗੁਰਪ੍ਰੀਤ ਕੌਰ ਦਾ ਫ਼ੋਨ`, `রফিকুল ইসলাম-এর ঠিকানা`: one to three words opening a line or a clause, then a possessive
 * and one of a person's own details, are that person's name.
 */
function ownersOfDetails(line: string, offset: number, spans: Span[]): void {
  // (Each pattern is tried at every word: only on the lines that hold one of its words.)
  if (ANY_FIELD.test(line)) {
    ownersBy(OWNER, line, offset, spans);
    ownersBy(ROW_START, line, offset, spans);
  }
  if (ANY_HONORIFIC_AFTER.test(line)) ownersBy(TITLED_AFTER, line, offset, spans);
  if (ANY_BIRTH_AFTER.test(line)) ownersBy(BORN, line, offset, spans);
}

function ownersBy(pattern: RegExp, line: string, offset: number, spans: Span[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    const name = m[1] ?? '';
    const parts = name.split(' ');
    if (
      parts.some(
        (part) => STOP_WORDS.has(part) || LABELS.has(part) || OWNED_FIELDS.has(part) || NOT_OWNERS.has(part),
      )
    )
      continue;
    const start = offset + m.index + m[0].indexOf(name);
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
}
/** A word of the scripts `WORD` reads, as a part of the patterns below. */
const CASELESS_WORD = WORD.source;
/** At a line's or a clause's start: the name's one to three words, the possessive (a word or `-suffix`), the field. */
const OWNER = new RegExp(
  String.raw`(?:^|[,،;:!?।॥፣፤።—–]\s*)(${CASELESS_WORD}(?: ${CASELESS_WORD}){0,2}?)(?:-(?:${alternation(OWNER_SUFFIXES)})| (?:${alternation(OWNER_MARKS)})) (?:${alternation(OWNED_FIELDS)})(?![\p{L}\p{M}])`,
  'gu',
);

/** `… بفرستید. — سارا`, `… — ዳዊት`: one or two words after a dash that ends the line sign it. */
const SIGNED = new RegExp(String.raw`[—–]\s?(${CASELESS_WORD}(?: ${CASELESS_WORD})?)\s*$`, 'u');
/** `عبد الرحمن الشمري`: `عبد` and a word with the article is an Arabic name (Abd al-Rahman), with its family after it. */
const ABD_NAME = /(?<![\p{L}\p{M}])عبد ?ال\p{Script=Arabic}{2,}(?: ال\p{Script=Arabic}{3,})?/gu;

function signersAndAbdNames(line: string, offset: number, spans: Span[]): void {
  const signed = SIGNED.exec(line);
  const name = signed?.[1];
  if (signed && name && !name.split(' ').some((part) => STOP_WORDS.has(part) || LABELS.has(part))) {
    const start = offset + signed.index + signed[0].indexOf(name);
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  if (!line.includes('عبد')) return;
  for (const m of line.matchAll(ABD_NAME)) {
    spans.push({ start: offset + m.index, end: offset + m.index + m[0].length, type: 'PERSON' });
  }
}

/**
 * Honorifics written after a name, and their genitives: `ثناء باجی،`, `عمران صاحب`, `सीता जी`, `রহিম সাহেব`, `সালমা আপার`,
 * `వెంకట్ గారు`, `ਹਰਪ੍ਰੀਤ ਕੌਰ ਜੀ`, `അനിൽ കുമാർ ചേട്ടന്റെ`, `නිමල් පෙරේරා මහතාගේ`.
 */
const HONORIFICS_AFTER = new Set(
  words(
    `صاحب صاحبہ باجی بھائی آپا جی जी साहब साहिबा भाई दीदी बहन বাবু সাহেব আপা আপার ভাই ভাইয়ের দিদি গারు గారు గారి அவர்கள் அவர்களின் அவர்களுக்கு ಅವರು ಅವರ
    ਜੀ दिदी दाइ ചേട്ടൻ ചേട്ടന്റെ ചേട്ടാ ചേച്ചി ചേച്ചിയുടെ ചേച്ചീ സാർ സാറിന്റെ මහත්මයා අයියා අක්කා මහතා මහතාගේ මහත්මිය මහත්මියගේ`,
  ),
);
const TITLED_AFTER = new RegExp(
  String.raw`(?:^|[,،;:!?।॥፣፤።—–]\s*)(${CASELESS_WORD}(?: ${CASELESS_WORD})?) (?:${alternation(HONORIFICS_AFTER)})(?![\p{L}\p{M}])`,
  'gu',
);
/** `তানজিলা আক্তার, জন্ম তারিখ …`: a row opening with a name, then one of the person's details. */
const ROW_START = new RegExp(
  String.raw`^(${CASELESS_WORD}(?: ${CASELESS_WORD}){0,2}), (?:${alternation(OWNED_FIELDS)})(?![\p{L}\p{M}])`,
  'gu',
);

/**
 * `பிரியா சுப்பிரமணியன் பிறந்த தேதி`, `ሄለን ተስፋዬ የትውልድ ቀን`: a name and straight after it the date the person was
 * born (`born`, `of birth`), where these languages write no possessive.
 */
const BIRTH_AFTER = new Set(words('பிறந்த የትውልድ የልደት'));
const BORN = new RegExp(
  String.raw`(?:^|[,،;:!?।॥፣፤።—–]\s*)(${CASELESS_WORD}(?: ${CASELESS_WORD})?) (?:${alternation(BIRTH_AFTER)})(?![\p{L}\p{M}])`,
  'gu',
);
const ANY_BIRTH_AFTER = new RegExp(alternation(BIRTH_AFTER));
const ANY_FIELD = new RegExp(alternation(OWNED_FIELDS));
const ANY_HONORIFIC_AFTER = new RegExp(alternation(HONORIFICS_AFTER));

/**
 * `Արամ, իմ համարն է …`, `කසුන්, මගේ අලුත් නම්බර් එක …`: a name called at the start of a message, then "my": the one the
 * message is to.
 */
const MY = words(`իմ මගේ ჩემი मेरो मेरा मेरी আমার എന്റെ என் నా ನನ್ನ میرا میری مرا`);
const CALLED = new RegExp(String.raw`^(${WORD.source})[,،]\s(?:${alternation(MY)})(?![\p{L}\p{M}])`, 'u');

function calledNames(line: string, offset: number, spans: Span[]): void {
  const m = CALLED.exec(line);
  const name = m?.[1];
  if (name && !STOP_WORDS.has(name) && !LABELS.has(name))
    spans.push({ start: offset, end: offset + name.length, type: 'PERSON' });
}

/** Names after roles and fields, read only on the lines with a script without capitals. */
export function detectRoleNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const [start, end] of linesBeyondLatin(text, HAS_CASELESS)) {
    const line = text.slice(start, end);
    namesAfterLabels(line, start, spans);
    if (INTRODUCING.test(line)) introducedNames(line, start, spans);
    calledNames(line, start, spans);
    ownersOfDetails(line, start, spans);
    signersAndAbdNames(line, start, spans);
  }
  return spans;
}
