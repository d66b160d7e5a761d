import { describe, expect, it } from 'vitest';
import { idsInNextTurn, secretsInNextTurn } from './next-turn-answers.js';

const found = (text: string) => secretsInNextTurn(text).map((span) => text.slice(span.start, span.end));

describe('a code or a password given in the next turn of a chat (round 18)', () => {
  it('takes the answer after a speaker label, a timestamp, a WhatsApp date or a dialogue dash', () => {
    expect(found("Tamar: what's the code for the building? Avi: 1948, the bell says Cohen")).toEqual([
      '1948',
    ]);
    expect(
      found(
        '[09:12] Mehmet: ofis wifi şifresi neydi ya? [09:13] Ayşe: Kahve_2024!ofis [09:13] Mehmet: eyvallah',
      ),
    ).toEqual(['Kahve_2024!ofis']);
    expect(
      found(
        '18/09/2023, 06:55 - Sipho: anyone got the alarm code for the clubhouse? 18/09/2023, 07:02 - Coach Dlamini: 1994 then press OFF',
      ),
    ).toEqual(['1994']);
    expect(
      found('— Mamá, ¿cuál era la clave del wifi de la casa de la playa? — gaviota1983, con minúscula'),
    ).toEqual(['gaviota1983']);
    expect(found('me: what’s the code for the bike lock again? / jules: 4-1-7-7 / me: ty')).toEqual([
      '4-1-7-7',
    ]);
  });

  it('reads past a word or two before the answer, and questions in scripts without spaces', () => {
    expect(found("Tolu: guys the gate code changed [7:03 pm, 03/06/2024] Tolu: it's *2580# now")).toEqual([
      '*2580#',
    ]);
    expect(found('A: netflix şifresini değiştirdin mi? B: evet yenisi BizimEv.77 kimseye verme')).toEqual([
      'BizimEv.77',
    ]);
    expect(found('Yuki: 玄関の暗証番号って何番だっけ？ Haruto: 0923だよ、最後に＃')).toEqual(['0923']);
    expect(found('Ahmad: شو كلمة سر الواي فاي؟ Rana: Beit_Rana_99')).toEqual(['Beit_Rana_99']);
    expect(
      found('@Pilar ¿tienes el token de la API de Holded? — Sí, b15d4d8a31e7f0c25d9a44be6c0f1e27, pero no'),
    ).toEqual(['b15d4d8a31e7f0c25d9a44be6c0f1e27']);
  });

  it('leaves answers that are words, codes that open nothing, and a list after a dash', () => {
    expect(found("Kim: what's the wifi password? Lee: no idea, ask Sam")).toEqual([]);
    expect(found("Ana: what's the promo code? Bot: SUMMER2024 gives 10% off")).toEqual([]);
    expect(
      found('collected by grandmother (password pineapple); Ethan Kim – after-school club until 5:30'),
    ).toEqual([]);
    expect(found('Ops: what is the error code? Dev: E4012 from the payment API')).toEqual([]);
  });
});

describe('an identity number given in the next turn (round 18)', () => {
  const ids = (text: string) => idsInNextTurn(text).map((span) => text.slice(span.start, span.end));

  it('takes the number answering a question that names the ID', () => {
    expect(
      ids('04/04/24, 10:11 - Mariam: دکتر گفت کد ملی رو بفرستیم 04/04/24, 10:12 - Reza: 0082146373'),
    ).toEqual(['0082146373']);
    expect(
      ids('13/05/2024, 20:48 - Gulnara: Айгерім, сенің ЖСН керек. 13/05/2024, 20:52 - Айгерім: 950314450123'),
    ).toEqual(['950314450123']);
  });

  it('leaves a date given for a birth, and a field after the ID in a script without capitals', () => {
    expect(ids('[21:03] Dad: passport for Tobi? [21:07] Mum: 17/02/2013. Stop asking')).toEqual([]);
    expect(ids('الرقم القومي 28501120142256، رقم الهاتف: 01001847392')).toEqual([]);
  });
});
