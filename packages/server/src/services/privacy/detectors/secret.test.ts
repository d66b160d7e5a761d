import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => [
  ...new Set(detectSecrets(text).map((span) => text.slice(span.start, span.end))),
];

describe('secrets after a cue, and passphrases (round 5)', () => {
  it('takes a password of letters only when it ends the clause after the password word', () => {
    expect(found('The password for the shed is bluebell.')).toEqual(['bluebell']);
    expect(found('Das Passwort für den Router ist Gartenzwerg.')).toEqual(['Gartenzwerg']);
    expect(found('passphrase dolphin — she will change it')).toEqual(['dolphin']);
    expect(found('Wi-Fi: password sunflowerfield.')).toEqual(['sunflowerfield']);
  });

  it('leaves words about a password', () => {
    expect(found('The password is wrong, sorry.')).toEqual([]);
    expect(found('The password was changed on Monday.')).toEqual([]);
    expect(found('Our password policy is strict.')).toEqual([]);
    expect(found('I will change my password tomorrow.')).toEqual([]);
    expect(found('Use a password manager.')).toEqual([]);
  });

  it('takes the code of a gate, a door or an alarm', () => {
    expect(found('Gate code is 4821, the lift code is 7730.')).toEqual(['4821', '7730']);
    expect(found('the code for the alarm is 90514')).toEqual(['90514']);
    expect(found('Door code: 2580#')).toEqual(['2580#']);
    expect(found('the code for the product is 40012, error code 500')).toEqual([]);
  });

  it('takes a hyphenated passphrase ending in a number on a line about logging in', () => {
    expect(found('He pasted Harmattan-Blue-42 into the chat as his new login.')).toEqual([
      'Harmattan-Blue-42',
    ]);
    expect(found('Galaxy-Note-10 and Black-Friday-2024 are on sale.')).toEqual([]);
  });

  it('takes more provider shapes, labelled connection keys, cut-off private keys and recovery codes', () => {
    expect(
      found('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 and 6123456789:AAHk9x-Lm2Qw8Ers7TyUi0Op1As2Df3Gh4J'),
    ).toEqual(
      expect.arrayContaining([
        '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',
        '6123456789:AAHk9x-Lm2Qw8Ers7TyUi0Op1As2Df3Gh4J',
      ]),
    );
    expect(
      found('AccountName=x;AccountKey=fzeyCABax7H8TUSRFLc5nvfBZKVRx8QM9/b8dGlQnd2Va==;EndpointSuffix=y'),
    ).toEqual(['fzeyCABax7H8TUSRFLc5nvfBZKVRx8QM9/b8dGlQnd2Va==']);
    expect(
      found('pasted -----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5v into chat'),
    ).toEqual(['-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5v']);
    expect(found('2FA recovery codes for admin: 642b-sff6 k8xp-mbgy; backup codes: 8321 4470')).toEqual([
      '642b-sff6',
      'k8xp-mbgy',
      '8321 4470',
    ]);
    expect(found('Recovery codes: see the vault entry.')).toEqual([]);
  });

  it('takes a pre-shared key, a key-safe code with words between, a word-year-symbol password in quotes', () => {
    expect(found('the vpn pre-shared key is Ch4ng3-M3-Bef0re-Fr1day, yes')).toEqual([
      'Ch4ng3-M3-Bef0re-Fr1day',
    ]);
    expect(found('The key safe code for the flat is 4719.')).toEqual(['4719']);
    expect(found("mysql -p'Sommer2024!' db")).toEqual(['Sommer2024!']);
    expect(found('We launched Summer2024! as the campaign name.')).toEqual([]);
    expect(found('The encryption key is rotated every 90 days.')).toEqual([]);
  });
});

describe('secrets of round 8', () => {
  it('takes a joined password ending in a symbol, and a pw named a few words before its is', () => {
    expect(found('network "Ferncliff-Guest", password sourdough-2026! — staff network')).toEqual([
      'sourdough-2026!',
    ]);
    expect(found('our wifi pw at the cabin is pinecone_lake_77 fyi')).toEqual(['pinecone_lake_77']);
  });

  it('takes a PIN named a few words before its number, in several languages', () => {
    expect(found('Kochanie, PIN do karty to 0519, kup chleb')).toEqual(['0519']);
    expect(found('the PIN for the debit card is 7731')).toEqual(['7731']);
    expect(found('Die PIN der Karte ist 4410.')).toEqual(['4410']);
  });

  it('takes a MySQL password glued to -p and the answer to a security question', () => {
    expect(found("mysql -h db.corp.local -u report -p'Tvjx63q3Ci17mG' sales_dw")).toEqual(['Tvjx63q3Ci17mG']);
    expect(found('mysqldump -uroot -pS3cretPass shop > dump.sql')).toEqual(['S3cretPass']);
    expect(
      found('Security question answer on file: mother\'s maiden name "Featherstonehaugh" — change it'),
    ).toEqual(['Featherstonehaugh']);
    expect(found('Memorable word: tangerine')).toEqual(['tangerine']);
    expect(found("what's your memorable word? Caller: marmalade. Agent: Lovely")).toEqual(['marmalade']);
    expect(found("the name of your first school? Caller: St Brigid's. Agent: Thank you")).toEqual([
      "St Brigid's",
    ]);
    expect(found("mother's maiden name on file: Haugland; she passed")).toEqual(['Haugland']);
    expect(found('the first school I went to was nice? yes')).toEqual([]);
  });

  it('leaves fingerprints, docker ports and talk about security questions alone', () => {
    expect(found('ssh2: ED25519 SHA256:Qm4rT1xYp8LkZ2vN0bH7cD5eF3gJ6sA9uW1iO4pK8zE')).toEqual([]);
    expect(found('docker run -p 8080:80 nginx; the maiden name question is optional')).toEqual([]);
    expect(found('the new PIN was sent to 0712 345 678 by SMS')).toEqual([]);
  });
});

describe('secrets of round 10', () => {
  it('takes a token right after its name, an env password and a `!` that ends a prose password', () => {
    expect(found('Twilio auth token 049d3e8474f2a7dccc06616cd334b459 – account SID in the vault')).toEqual([
      '049d3e8474f2a7dccc06616cd334b459',
    ]);
    expect(found('docker run -e PGPASSWORD=p0stgr3s_Pr0d! -e PGHOST=db')).toEqual(['p0stgr3s_Pr0d!']);
    expect(found('the new Wi-Fi password for the office is Tulip-Harbour-2291! – please')).toContain(
      'Tulip-Harbour-2291!',
    );
  });

  it('leaves talk about tokens and keys alone', () => {
    expect(found('the auth token expired again, and the API key rotation_schedule_2024 is weekly')).toEqual(
      [],
    );
    expect(found('Access token 12345678901234567890 lookups are slow')).toEqual([]);
    expect(found('The password for the office is changing next week!')).toEqual([]);
  });
});

describe('secrets of round 10b', () => {
  it('reads recovery codes after `were` or `are`, each its own finding', () => {
    expect(found('his recovery codes were 7k2m-9xqp 4hd8-w2nr p6tz-3vbc (now revoked)')).toEqual([
      '7k2m-9xqp',
      '4hd8-w2nr',
      'p6tz-3vbc',
    ]);
  });

  it('leaves talk about recovery codes alone', () => {
    expect(found('the recovery codes were regenerated last week by IT')).toEqual([]);
  });
});

describe('placeholders where a secret goes', () => {
  it('are no secrets, and a real value after the same label is', async () => {
    const { detectAll, loadNameLexicon } = await import('./index.js');
    const names = await loadNameLexicon([]);
    const secrets = (text: string) =>
      detectAll(text, names)
        .filter((span) => span.type === 'SECRET')
        .map((span) => text.slice(span.start, span.end));
    expect(secrets('export DB_PASSWORD=${DB_PASSWORD}')).toEqual([]);
    expect(secrets('api_key: <your-api-key-here>')).toEqual([]);
    expect(secrets('token=xxxxxxxx')).toEqual([]);
    expect(secrets('password: Hunter2!x')).toEqual(['Hunter2!x']);
  });
});

describe('secrets of round 12', () => {
  it('takes GitLab tokens of every kind by their prefixes (runner, deploy, feed, personal)', () => {
    expect(found('runner registered with token glrt-xQ7pL2mZ9vR4tW8bN1cY on the box')).toEqual([
      'glrt-xQ7pL2mZ9vR4tW8bN1cY',
    ]);
    expect(found('deploy token gldt-Zp8Qm2Lx7Vr4Nt9Kb3Wc, done')).toEqual(['gldt-Zp8Qm2Lx7Vr4Nt9Kb3Wc']);
    expect(found('see glrt-docs and the glrt-short page')).toEqual([]);
  });

  it("reads a password policy's minimum as no password, a password that starts so still as one", () => {
    expect(found('Password policy: minimum 14 characters, rotation every 90 days.')).toEqual([]);
    expect(found('The password is maxim0m.')).toEqual(['maxim0m']);
  });
});

describe('passwords on command lines (round 19)', () => {
  it('reads the password given to sshpass and to curl -u', () => {
    expect(found("sshpass -p 'W1nter!sComing' ssh root@192.168.40.12")).toEqual(['W1nter!sComing']);
    expect(found('curl -u deploy:gh_9Xp2LmQ7vR4kT https://ci.example.org/api/trigger')).toEqual([
      'gh_9Xp2LmQ7vR4kT',
    ]);
    expect(found('mysqldump -uroot -pS3cret db')).toEqual(['S3cret']);
    expect(found('curl -u deploy https://ci.example.org/')).toEqual([]);
  });
});

describe('a password named earlier in the sentence (round 19)', () => {
  it("reads the first value after the password word's is, not a network's name after it", () => {
    const found1 = found('the wifi password is Marmalade!Otter_42, network is "Kitchen-5G"');
    expect(found1).toContain('Marmalade!Otter_42');
    expect(found1).not.toContain('Kitchen-5G');
    expect(found('Guest Wi-Fi password for the show flat is Magnolia-Court-2025')).toEqual([
      'Magnolia-Court-2025',
    ]);
  });
});

describe('webhook signing secrets (round 19)', () => {
  it('reads a Stripe webhook secret by its prefix', () => {
    expect(found('Stripe endpoint secret whsec_7yQp2LmX9aZc4RfT set')).toEqual(['whsec_7yQp2LmX9aZc4RfT']);
  });
});
