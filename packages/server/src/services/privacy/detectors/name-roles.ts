import type { Span } from '../types.js';
import { searchBeyondLatin } from './util.js';

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
ਵਿਦਿਆਰਥੀ غوښتونکی ناروغ پیرودونکی ທ່ານ ລູກຄ້າ ຄົນເຈັບ`;
/** Forms and requests that a name follows after a colon: a visa, a ticket, an application, a name field. */
const FIELDS = `تذكرة طلب فيزا تأشيرة الاسم اسم ویزا درخواست بلیط نام ٹکٹ ویزا درخواست نام שם כרטיס ויזה वीज़ा वीजा
भिसा टिकट आवेदन नाम নাম ভিসা টিকেট আবেদন பெயர் விசா வீசா டிக்கெட் விண்ணப்பம் పేరు వీసా టికెట్ దరఖాస్తు ಹೆಸರು
ವೀಸಾ പേര് വിസ නම වීසා විසා ስም ቪዛ ትኬት ማመልከቻ ชื่อ วีซ่า ตั๋ว အမည် ဗီဇာ ឈ្មោះ
ទិដ្ឋាការ សំបុត្រ`;

const words = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/_/g, ' '));
const LABELS = new Set([...words(ROLES), ...words(FIELDS)]);
const ALTERNATIVES = [...LABELS].sort((a, b) => b.length - a.length).join('|');
/** A role or a field, then a colon (Ethiopic `፡`/`:`, Khmer `៖`) or a space. */
const LABEL = new RegExp(`(?<![\\p{L}\\p{M}])(?:${ALTERNATIVES})(?:\\s?[:：៖፡]\\s?|\\s)`, 'gu');
/** A word of a script without capitals (Hebrew to Sinhala, Thai, Lao, Myanmar, Georgian, Ethiopic, Khmer). */
const WORD =
  /(?:(?![\p{P}\p{N}\p{S}])[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}\p{Script=Ethiopic}\p{Script=Khmer}\u064b-\u065f\u0670]|\u200c|\u200d)+/uy;
/** Words between which a name does not go on: prepositions, particles, conjunctions and the other fields. */
const STOP_WORDS = new Set(
  words(`من في على إلى الى عن مع و أو هو هي رقم الهاتف هاتف جواز العنوان البريد مواليد را از به با در و که برای این
تلفن پاسپورت نشانی آدرس ایمیل کا کی کے نے کو سے میں پر اور ہے فون پاسپورٹ پتہ של את עם טלפון נייד דרכון का की के
ने को से में पर और है ले मा हो पासपोर्ट राहदानी फोन फ़ोन मोबाइल ईमेल पता जन्म এর ও এবং কে থেকে পাসপোর্ট মোবাইল ফোন
ইমেইল ঠিকানা জন্ম பாஸ்போர்ட் தொலைபேசி மின்னஞ்சல் முகவரி పాస్‌పోర్ట్ ఫోన్ చిరునామా ජාතික දුරකථන ኢሜይል ስልክ
ፓስፖርት ዜግነት លិខិតឆ្លងដែន ទូរស័ព្ទ ဖုန်း နိုင်ငံကူးလက်မှတ် โทร หนังสือเดินทาง السيد السيدة الأستاذ الدكتور آقای خانم
دکتر جناب صاحب صاحبہ محترم محترمہ श्री श्रीमती डॉ শ্রী শ্রীমতী ড. திரு திருமதி శ్రీ ශ්‍රී ጌታ ወይዘሮ คุณ جديد جديدة
جدید قدیم نیا نئی नया नई নতুন புதிய కొత్త ใหม่ નો ની નું ના ਦਾ ਦੀ ਦੇ ਨੂੰ ന്റെ ന്‍റെ ജനനം ઇમેઇલ ਨੰਬਰ تلیفون ໂທ`),
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
супруг дружина чоловік жена муж лікар врач учень ученик ученица қызметкер жұбайы әйелі күйеуі qoyska xaaska ninkeeda`);
/** Forms a name follows after a colon (`Виза: Нурсултан Ахметов,`, `Өтінім: Дәурен Жұмабаев`, `Fiisaha: …`). */
export const FIELDS_IN_CAPITALISED_SCRIPTS =
  words(`виза виз віза заявка заява заявление өтінім өтініш тикет билет
fiisaha codsi`);
const HAS_CASELESS = /[\u0590-\u0dff\u0e00-\u0eff\u1000-\u109f\u10a0-\u10ff\u1200-\u139f\u1780-\u17ff]/;

function namesAfterLabels(line: string, offset: number, spans: Span[]): void {
  LABEL.lastIndex = 0;
  for (let label = LABEL.exec(line); label; label = LABEL.exec(line)) {
    const taken: [number, number][] = [];
    let at = label.index + label[0].length;
    let ended = false;
    while (taken.length < MAX_WORDS) {
      WORD.lastIndex = at;
      const word = WORD.exec(line);
      // `ဗီဇာ လျှောက်ထားသူ …` (visa, applicant): a label after a label; the name follows the second.
      if (word && taken.length === 0 && LABELS.has(word[0])) break;
      if (!word || STOP_WORDS.has(word[0]) || LABELS.has(word[0])) {
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

/** Names after roles and fields, read only on the lines with a script without capitals. */
export function detectRoleNames(text: string): Span[] {
  const spans: Span[] = [];
  let end = 0;
  for (
    let at = searchBeyondLatin(text, HAS_CASELESS);
    at >= 0;
    at = searchBeyondLatin(text, HAS_CASELESS, end)
  ) {
    const start = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    end = newline < 0 ? text.length : newline;
    namesAfterLabels(text.slice(start, end), start, spans);
  }
  return spans;
}
