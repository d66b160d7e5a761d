import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => [
  ...new Set(detectSecrets(text).map((span) => text.slice(span.start, span.end))),
];

describe('passwords in logins and after password words of other languages', () => {
  it('takes the password of `admin / …` after a word about logging in', () => {
    expect(found('Grafana admin login is admin / Gr@fana_2024_ops — rotate it')).toEqual([
      'Gr@fana_2024_ops',
    ]);
    expect(found('default creds: root / Tr0ub4dor&3')).toEqual(['Tr0ub4dor&3']);
  });

  it('takes a password-shaped value after the bare word `pass`', () => {
    expect(found('entry "Router admin", user admin, pass Kl0ster!weg22.')).toEqual(['Kl0ster!weg22']);
  });

  it('takes a password-shaped value right after senha, Kennwort, contraseña, mot de passe, password', () => {
    expect(found('nova conta, senha Gabi@2024lins — não conta')).toEqual(['Gabi@2024lins']);
    expect(found('Das Kennwort Sommer#2024x bitte nicht weitergeben.')).toEqual(['Sommer#2024x']);
    expect(found('la contraseña Luna$2023mar y el usuario')).toEqual(['Luna$2023mar']);
    expect(found('mot de passe Soleil!2024 pour le wifi')).toContain('Soleil!2024');
    expect(found('la password Roma#2024ok per il router')).toEqual(['Roma#2024ok']);
  });

  it('leaves `pass` as a verb, a slash in prose and an e-mail alone', () => {
    expect(found('pass arg_2x to the function')).toEqual([]);
    expect(found('please pass foo@bar2.com the notes')).toEqual([]);
    expect(found('the admin / settings page is at the top')).toEqual([]);
    expect(found('admin / Gr@fana_2024_ops')).toEqual([]);
  });
});
