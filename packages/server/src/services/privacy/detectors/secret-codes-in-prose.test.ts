import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => detectSecrets(text).map((span) => text.slice(span.start, span.end));

describe('door, gate, box and card codes in running text', () => {
  it('reads the code a few words after its word when the sentence names what it opens', () => {
    expect(found('Lockbox on the side gate: 2580. Tomás asked about paint.')).toEqual(['2580']);
    expect(found('thanks to Bogdan for fixing the communal gate; the new code is 1204#, please')).toEqual([
      '1204#',
    ]);
    expect(found('Саша, привет! Код домофона 2580, квартира 58.')).toEqual(['2580']);
    expect(found('da lunedì il nuovo codice del portone è 3381. Per le chiavi')).toEqual(['3381']);
    expect(found('Gate combo is 7-3-1. Call before you come.')).toEqual(['7-3-1']);
    expect(found('4e étage gauche, digicode 47B19. Ramène Jules')).toEqual(['47B19']);
    expect(found('رمز باب العمارة ٨٨٢٠. رقم المستأجر')).toEqual(['٨٨٢٠']);
    expect(found('पापा के एटीएम कार्ड का पिन 4408 है')).toEqual(['4408']);
  });

  it('keeps the sign before a code, reads a barrier, and code words of Thai and Chinese (round 18)', () => {
    expect(found('Leave at door. Gate code #7712. Dog is friendly')).toEqual(['#7712']);
    expect(found('your pitch is B7; barrier code 1066; site warden Morwenna')).toEqual(['1066']);
    expect(found('แขวงคลองเตยเหนือ รหัสประตู 3579')).toEqual(['3579']);
    expect(found('陳先生您好，大門密碼 2580*，地址 新北市')).toEqual(['2580*']);
  });

  it('leaves codes that open nothing, and times, alone', () => {
    expect(found('Error code 1204 on the gate controller.')).toEqual([]);
    expect(found('The door opened at 1930 and code review is at 2000.')).toEqual([]);
    expect(found('Our building’s postal code is 10115.')).toEqual([]);
    expect(found('The code for the report is in branch 2024-q3.')).toEqual([]);
  });
});

describe('passwords in quotes', () => {
  it('takes a quoted passphrase after its word, plain words too', () => {
    expect(found("Noah is picked up by Grandma Pat (password 'blue giraffe'). Ava")).toEqual([
      'blue giraffe',
    ]);
    expect(found('Click "Forgot password" to reset it.')).toEqual([]);
  });

  it('takes recovery codes after a long note before the colon', () => {
    expect(
      found(
        "Backup codes for Yusuf's GitHub account (keep in the safe, not the drawer!): 8d9vj-k4bwp, 4sckq-hrk5p",
      ),
    ).toEqual(['8d9vj-k4bwp', '4sckq-hrk5p']);
  });

  it("takes a PHP constant's or array's password and an env file's `_PASS`, not a word ending in pass", () => {
    expect(found("define('DB_PASSWORD', 'Joinery#2021wp');")).toEqual(['Joinery#2021wp']);
    expect(found("'DB_PASSWORD' => 'Joinery#2021wp',")).toEqual(['Joinery#2021wp']);
    expect(found('APP_KEY=base64:p/cOhff0lqa2r4li8oRR00KB7vBKYachg3UAXTfOBAB= MAIL_PORT=587')).toContain(
      'base64:p/cOhff0lqa2r4li8oRR00KB7vBKYachg3UAXTfOBAB=',
    );
    expect(found('creds in /etc/backup.env were BACKUP_PASS=Wq8!zr2T-hexa-bkp – rotated')).toEqual([
      'Wq8!zr2T-hexa-bkp',
    ]);
    expect(found('compass=north bypass=enabled')).toEqual([]);
  });

  it('takes codes without a digit after a code in two parts, and codes apart by dots, but no hyphenated word', () => {
    expect(found('backup codes: dey3-adtv aekq-drjw ehy5-te3s (keep safe!!)')).toEqual([
      'dey3-adtv',
      'aekq-drjw',
      'ehy5-te3s',
    ]);
    expect(found('recovery codes 3zqp-pzpa · ggbw-gp7q')).toEqual(['3zqp-pzpa', 'ggbw-gp7q']);
    expect(found('the backup codes were well-kept')).toEqual([]);
  });
});
