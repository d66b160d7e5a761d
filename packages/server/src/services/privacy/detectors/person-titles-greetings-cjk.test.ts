import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) => detectPersons(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('kinship and courtesy titles before a name (round 9)', () => {
  it('reads the name after a kinship title, leaving the title out', () => {
    expect(found('Tita Remedios will bring the leche flan on Sunday.')).toContain('Remedios');
    expect(found('Kumusta, Kuya Ramil? Dala mo yung charger.')).toContain('Ramil');
    expect(found('tapos tawag kay Aling Nena')).toEqual(['Nena']);
    expect(found('Opa Gerhard hat die Fahrkarten schon gekauft.')).toContain('Gerhard');
    expect(found('Tolong sampaikan ke Ibu Yuliani bahwa rapat diundur.')).toContain('Yuliani');
    expect(found('hôm qua chú Bình gọi điện cho tôi.')).toContain('Bình');
  });

  it('leaves a kinship word alone when no name follows', () => {
    expect(found('My uncle and my auntie flew in from Cebu last night.')).toEqual([]);
  });
});

describe('greetings in other languages before a name (round 9)', () => {
  it('reads the person greeted', () => {
    expect(found('Hola Lupita, te mando el recibo mañana.')).toContain('Lupita');
    expect(found('Talofa Iosefa, the van leaves at nine.')).toContain('Iosefa');
  });

  it('does not take the first word of `Kia ora` for a name', () => {
    expect(found('Kia ora Anahera, the hall is booked.')).toEqual(['Anahera']);
  });
});

describe('a question about who is speaking (round 9)', () => {
  it('reads a given name after `is this`', () => {
    expect(found('Good morning, is this Terrell?')).toEqual(['Terrell']);
  });

  it('still reads a given name after a plain `this` as a thing', () => {
    expect(found('We renamed this Gertrud build to v2.')).toEqual([]);
  });
});

describe('names of roads, airports and awards (round 9)', () => {
  it('does not take a landmark named after someone for a person', () => {
    expect(found('Traffic on Ferdinand Pelayo Highway was slow all day.')).toEqual([]);
    expect(found('Flights into Julius Nyerere International Airport were delayed.')).toEqual([]);
    expect(found('She won the Rosa Salcedo Award in 2019.')).toEqual([]);
    expect(found('The Kofi Mensah Memorial Park opens in May.')).toEqual([]);
  });

  it('keeps a surname that is also a landmark word', () => {
    expect(found('I met John Hall yesterday.')).toContain('John');
  });

  it('does not take a street, a restaurant or an inn for a person', () => {
    expect(found('The depot is on Jalan Gatot Subroto near the toll gate.')).toEqual([]);
    expect(found('Dinner at Trattoria Da Gino, then drinks at Gasthof Adler.')).toEqual([]);
  });
});

describe('name particles of other languages (round 9)', () => {
  it('reads Māori `Te` and Italian `Lo` inside a name', () => {
    expect(found('Contact Mikaere Te Huia for the roster.')).toContain('Mikaere Te Huia');
    expect(found('Pratica intestata a Concetta Lo Bianco.')).toContain('Concetta Lo Bianco');
  });
});

describe('given names of more cultures (round 9)', () => {
  it('knows common Hawaiian, Pacific, Filipino, Indonesian, Nordic and Polish given names', () => {
    expect(found('Keoni and Pualani will open the store.')).toEqual(['Keoni', 'Pualani']);
    expect(found('Viliami sent the photos this morning.')).toContain('Viliami');
    expect(found('Rowena already paid the rent.')).toContain('Rowena');
    expect(found('Wahyu will present the budget.')).toContain('Wahyu');
    expect(found('Solveig booked the ferry.')).toContain('Solveig');
    expect(found('Bartek will pick up the keys.')).toContain('Bartek');
  });
});

describe('lower-case names in chat (round 9)', () => {
  it('reads a name after a greeting or thanks of several languages, even one no list knows', () => {
    expect(found('thanks tavita, the invoice is in.')).toContain('tavita');
    expect(found('selam yonas, kal inegenagnalen')).toContain('yonas');
    expect(found('valeu tavinho! amanhã eu pago')).toContain('tavinho');
  });

  it('leaves the ways people are addressed without a name', () => {
    expect(found('hi doc, quick question about the dose')).toEqual([]);
    expect(found('thanks all, see you monday')).toEqual([]);
    expect(found('hey guys! build is green')).toEqual([]);
  });

  it('reads a lower-case speaker label and a Thai p-prefix', () => {
    expect(found('dmitri: pushed the fix, can you review')).toContain('dmitri');
    expect(found("p'somchai says the boxes arrived")).toContain('somchai');
  });
});

describe('speaker labels, sign-offs and titles after the name (round 9)', () => {
  it('reads a speaker label before a contraction', () => {
    expect(found("Austin: we'll ship it on Friday.")).toContain('Austin');
  });

  it('reads a name closing a thanks before a bracket', () => {
    expect(found('See you at practice. Thanks, Regina (Leo’s mum)')).toContain('Regina');
  });

  it('reads a Hungarian surname before úr or asszony', () => {
    expect(found('Kovács asszony holnap telefonál.')).toContain('Kovács');
  });
});

describe('longer and mixed-order names (round 9)', () => {
  it('reads a Malay name with bin and two more words', () => {
    expect(found('Mohd Hafiz bin Abdul Razak signed the lease.')).toContain('Mohd Hafiz bin Abdul Razak');
  });

  it('reads a Korean given name before its family name', () => {
    expect(found('Interview with Seo-yeon Kim, marketing lead.')).toContain('Seo-yeon Kim');
  });

  it('reads a capitalised particle after an honorific', () => {
    expect(found('Dear Mrs. Van Dijk, thank you.').join(' ')).toContain('Van Dijk');
    expect(found('Meneer De Vries belt morgen terug.').join(' ')).toContain('De Vries');
  });
});

describe('names after titles in scripts without capitals (round 9)', () => {
  it('reads the one or two words after a courtesy title, leaving the title out', () => {
    expect(found('آقای علی محمدی فردا تماس می‌گیرد')).toContain('علی محمدی');
    expect(found('አቶ ሙሉጌታ ታደሰ ነገ ይመጣል')).toContain('ሙሉጌታ ታደሰ');
    expect(found('Տիկին Անի Սարգսյան զանգահարեց')).toContain('Անի Սարգսյան');
    expect(found('กรุณาติดต่อคุณวิภา แสงทอง ก่อนเที่ยง')).toContain('วิภา แสงทอง');
  });

  it('leaves Thai words that only start like the title', () => {
    expect(found('คุณภาพ ดีมาก')).toEqual([]);
  });
});

describe('CJK names in running text (round 9)', () => {
  it('reads a Chinese name after a kinship word or a request, or before an ID or phone number', () => {
    expect(found('请张伟明通知前台。')).toContain('张伟明');
    expect(found('表哥赵志刚的电话换了。')).toContain('赵志刚');
    expect(found('黄丽华身份证号已核对。')).toContain('黄丽华');
  });

  it('reads 王 as a family name before 先生 but not 王様 as one', () => {
    expect(found('王先生已经到了。')).toContain('王');
    expect(found('王様のレストラン')).toEqual([]);
  });

  it('does not take a word that starts with a family-name character for a name', () => {
    expect(found('马上，我们开始开会。')).toEqual([]);
  });

  it('reads a Japanese name introducing itself and a Korean name before a role or after 성함은', () => {
    expect(found('お疲れ様です、中村です。')).toContain('中村');
    expect(found('김하늘 고객님 주문이 접수되었습니다.')).toContain('김하늘');
    expect(found('담당자 성함은 박서연입니다.')).toContain('박서연');
  });

  it('does not take a room number before a Japanese name for its family name', () => {
    expect(found('コーポ中野201号 鈴木様')).toContain('鈴木');
  });
});

describe('Chinese rolls of names', () => {
  const merged = (text: string) =>
    mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

  it('reads each name of a roll after an attendance word or before 同学, and the names again later', () => {
    expect(
      merged(
        '会议纪要：出席：王建国、李晓燕、陈志强（记录）。行动项：李晓燕周五前把合同发给法务；陈志强负责跟进。',
      ),
    ).toEqual(['王建国', '李晓燕', '陈志强', '李晓燕', '陈志强']);
    expect(merged('张子涵、李梓萱同学的家长还未缴费。')).toEqual(['张子涵', '李梓萱']);
    expect(merged('王磊、赵敏等人已到场')).toEqual(['王磊', '赵敏']);
  });

  it('leaves lists of words that start like family names alone', () => {
    expect(merged('本公司主营高速、金融、石油等业务。')).toEqual([]);
  });
});

describe('Chinese and Korean names by chat cues', () => {
  it('reads the one called, whose number it is, the one to contact, a chat export sender', () => {
    expect(found('短信：小王，李娜的新手机号是138 0013 8000')).toEqual(['小王', '李娜']);
    expect(found('请联系王秀英，手机见下')).toEqual(['王秀英']);
    expect(found('문자: 지훈아, 박서연 씨 번호로 연락해 줘')).toContain('지훈');
    expect(found('[카톡] 지수: 엄마 택배 주소 다시 알려줄게')).toContain('지수');
  });

  it('leaves a word before 아/야 and kin before a colon', () => {
    expect(found('아니야, 괜찮아')).toEqual([]);
    expect(found('[가족방] 아빠: 비밀번호 바뀜')).toEqual([]);
  });
});

describe('CJK roles, lists and speakers (round 18)', () => {
  it('reads names after attendee, candidate, applicant and staff roles, and a list after the first', () => {
    expect(found('会议纪要：参会人周杰、吴芳、马强。')).toEqual(['周杰', '吴芳', '马强']);
    expect(found('候选人何静怡，出生日期1993年5月18日')).toEqual(['何静怡']);
    expect(found('発送いたしました。担当：山本')).toEqual(['山本']);
    expect(found('締切は12月6日です。人事部 鈴木')).toEqual(['鈴木']);
    expect(found('지원자 윤서아, 생년월일 1997.03.21')).toEqual(['윤서아']);
    // (The next field's label after the name is no given name.)
    expect(found('中華民國國民身分證 姓名 林怡君 出生 民國77年6月14日')).toEqual(['林怡君']);
  });

  it("takes a Korean speaker's label at a turn's start, not a message's own label", () => {
    expect(found('정수빈: 내일 회의 10시로 옮겨도 될까요? 한지민: 네 괜찮아요')).toEqual([
      '정수빈',
      '한지민',
    ]);
    expect(found('문자: 내일 택배 도착 예정. 주소: 변경 없음')).toEqual([]);
  });
});

describe('Chinese names in running text (round 19)', () => {
  it('takes a name opening a clause before a verb of speaking or a detail, not a word like 马上', () => {
    expect(found('王志强说明天不来了')).toEqual(['王志强']);
    expect(found('王秀英的体检报告已经出来了,请转给她本人。')).toEqual(['王秀英']);
    expect(found('张伟打电话来了')).toEqual(['张伟']);
    expect(found('马上打电话给他')).toEqual([]);
  });
});

describe('Korean and Japanese attendance lists (round 19)', () => {
  it('takes the name of each entry, not its role', () => {
    expect(found('참석: 위원장 이정호, 간사 최수진, 위원 강민석 | 안건: 놀이터')).toEqual(
      expect.arrayContaining(['이정호', '최수진', '강민석']),
    );
    expect(found('出席者：理事長 鈴木一郎、副理事長 高橋由美、会計 伊藤誠 | 議題')).toEqual(
      expect.arrayContaining(['高橋由美', '伊藤誠']),
    );
    expect(found('참석: 위원장, 간사')).toEqual([]);
  });
});

describe('CJK labels of round 19', () => {
  it('reads a Japanese name of four characters after its label, more labels and roles, a roll going on with a role', () => {
    expect(found('提出済みの例：氏名 山田翔太、個人番号 3381 7544 8820')).toEqual(['山田翔太']);
    expect(found('契約者名：田中健一、車両番号')).toEqual(['田中健一']);
    expect(found('환자명: 정미경, 주민등록번호')).toEqual(['정미경']);
    expect(found('보호자: 남편 윤성민 (010-2271-4856)')).toEqual(['윤성민']);
    expect(found('服务员周晓雯很热情')).toEqual(['周晓雯']);
    expect(found('参会人：张伟（主任）、刘芳、赵建国、物业经理孙丽 | 议题')).toEqual(
      expect.arrayContaining(['张伟', '刘芳', '赵建国', '孙丽']),
    );
    expect(found('患者王志强主诉头痛')).toEqual(['王志强']);
  });
});
