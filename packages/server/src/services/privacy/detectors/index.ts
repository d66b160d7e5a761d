import { mergeSpans } from '../spans.js';
import { TOKEN_SHAPE } from '../tokens.js';
import type { EntityType, Span } from '../types.js';
import { detectAddresses } from './address.js';
import { addressesInNextTurn } from './address-next-turn.js';
import {
  addressesBeforeIds,
  addressesBeforeMachineFields,
  addressesBeforePhones,
  addressesBeforeSecrets,
} from './address-ends.js';
import { detectBankAccounts } from './bank-account.js';
import { detectCards } from './card.js';
import { datesAfterNames } from './dob-after-names.js';
import { detectBirthDatesInAnyForm } from './dob-any-form.js';
import { spokenDatesOfBirth } from './dob-spoken.js';
import { notSampleValues } from './documentation-values.js';
import { detectEmails } from './email.js';
import { detectIbans } from './iban.js';
import { detectInternalHosts, detectIps, detectMacs } from './network.js';
import { detectNationalIds, holdersAfterIds, idsAfterNames } from './national-id.js';
import { idsInNextTurn } from './next-turn-answers.js';
import type { NameLexicon } from './name-lexicon.js';
import { HONORIFICS } from './name-context.js';
import { withModelNames } from './name-model.js';
import { POLICE_RANKS } from './name-honorific.js';
import { detectPersons } from './person.js';
import { numbersByModel } from './number-model.js';
import { detectPhones, phonesAfterNames } from './phone.js';
import { detectPlates, vehicleWordsOnly } from './plate.js';
import { recordRowFindings } from './record-rows.js';
import { detectSecrets } from './secret.js';
import { secretsByModel } from './secret-model.js';
import { detectSpoken } from './spoken.js';
import { detectSsns } from './ssn.js';
import { connectionStringParts, detectSensitiveUrls, findUrls } from './url.js';
import { matchSpans, newScan } from './util.js';

export { loadNameLexicon, type NameLexicon } from './name-lexicon.js';

/** Every finding in `text` (already the detection view), overlaps merged, outermost first. */
export function detectAll(text: string, names: NameLexicon): Span[] {
  newScan();
  const addresses = detectAddresses(text);
  const secrets = detectSecrets(text).filter((span) => !PLACEHOLDER.test(text.slice(span.start, span.end)));
  const plates = detectPlates(text);
  const persons = withoutTitles(
    text,
    notVehicleWords(
      text,
      notInSecrets(
        notLabels(text, withModelNames(text, detectPersons(text, names), names), addresses, names),
        secrets,
      ),
      plates,
    ),
  );
  const births = detectBirthDatesInAnyForm(text);
  // `DATE OF BIRTH: 22 06 1975`: a number read as an identity number is the date of birth its cue announces.
  const ids = [...detectSsns(text), ...detectNationalIds(text), ...idsInNextTurn(text)].filter(
    (id) => !births.some((birth) => birth.start === id.start && birth.end === id.end),
  );
  const phones = detectPhones(text);
  const machineFields = [...detectEmails(text), ...detectIps(text), ...detectMacs(text)];
  const placed = addressesBeforePhones(
    text,
    addressesBeforeSecrets(
      text,
      addressesBeforeMachineFields(
        text,
        addressesBeforeIds(text, [...addresses, ...addressesInNextTurn(text)], ids),
        machineFields,
      ),
      secrets,
    ),
    phones,
  );
  const found: Span[] = [
    ...matchSpans(text, TOKEN_SHAPE, 'LITERAL'),
    ...detectCards(text),
    ...detectIbans(text),
    ...detectBankAccounts(text),
    ...ids,
    ...holdersAfterIds(text, ids, names),
    ...phones,
    ...machineFields,
    ...hostsAfterLogins(text, detectInternalHosts(text), persons),
    ...secrets,
    ...placed,
    ...births,
    ...spokenDatesOfBirth(text),
    ...plates,
    ...detectSpoken(text),
    ...persons,
    ...idsAfterNames(text, persons),
    ...phonesAfterNames(text, persons),
    ...datesAfterNames(text, persons),
    ...recordRowFindings(text, persons),
  ];
  const urls = findUrls(text);
  found.push(...numbersByModel(text, [...found, ...urls]));
  found.push(...secretsByModel(text, [...found, ...urls]));
  const sensitive = new Set(detectSensitiveUrls(text, urls, names));
  for (const url of urls) {
    const parts = connectionStringParts(text, url);
    if (parts) {
      // `S3cret@db-01.internal` read as an e-mail or a login on a host gives way to the password and the host,
      // and `password@localhost:5432/app_dev` is no `password:` label before a value.
      const from = parts[0]?.start ?? url.start;
      const to = parts[1]?.end ?? url.end;
      const overlapping = found.filter(
        (span) => span.end > from && (span.start < to || (span.type === 'SECRET' && span.start < url.end)),
      );
      for (const span of overlapping) found.splice(found.indexOf(span), 1);
      found.push(...realParts(text, parts));
      continue;
    }
    // A URL that carries any other finding is sensitive as a whole; an internal host name or an IP alone
    // (`http://spark-gw.lab.local:8000/v1`, `smb://192.168.0.50/share`) is the finding, and the rest of the URL says nothing.
    const carries = (span: Span) =>
      span.start >= url.start && span.end <= url.end && span.type !== 'HOST' && span.type !== 'IP';
    if (sensitive.has(url) || found.some(carries)) found.push(url);
  }
  return mergeSpans(notSampleValues(text, found));
}

/** `user:password@localhost` of a template: a placeholder password and the local machine name no one. */
const PLACEHOLDER_PASSWORD = /^(?:pass(?:word)?|passwd|pwd|secret|example|your[-_]?password)$/i;
function realParts(text: string, parts: readonly Span[]): Span[] {
  return parts.filter((part) => {
    const value = text.slice(part.start, part.end);
    if (part.type === 'HOST') return value.toLowerCase() !== 'localhost';
    return !(part.type === 'SECRET' && (PLACEHOLDER_PASSWORD.test(value) || PLACEHOLDER.test(value)));
  });
}

/** `ssh raquel@bastion.lan`: a person's login found before a host's `@` is the person; the host starts after it. */
function hostsAfterLogins(text: string, hosts: readonly Span[], persons: readonly Span[]): Span[] {
  return hosts.map((host) => {
    const login = persons.find((p) => p.end > host.start && p.end < host.end && text[p.end] === '@');
    return login ? { ...host, start: login.end + 1 } : host;
  });
}

/**
 * `Todokesaki: Tokyo-to …`, `Lieferadresse: …`, `Paziente: Sig.ra Carmela Esposito`, `Nama: Encik Muhammad …`: a word
 * before a colon and an address, or a name with its title, labels it; it names no one.
 */
function notLabels(
  text: string,
  persons: readonly Span[],
  addresses: readonly Span[],
  names: NameLexicon,
): Span[] {
  const addressStarts = new Set(addresses.map((address) => address.start));
  const titledStarts = new Set(
    persons
      .filter((person) =>
        HONORIFICS.has(/^[\p{L}]+/u.exec(text.slice(person.start, person.end))?.[0].toLowerCase() ?? ''),
      )
      .map((person) => person.start),
  );
  if (addressStarts.size === 0 && titledStarts.size === 0) return [...persons];
  // `for Priya Raghunathan: No. 42, 3rd Cross …`: a listed given name before the address is its recipient.
  const named = (person: Span) =>
    text
      .slice(person.start, person.end)
      .toLowerCase()
      .split(/\s+/)
      .some((word) => names.given.has(word) && !names.ambiguous.has(word));
  return persons.filter((person) => {
    const label = /^ ?: ?/.exec(text.slice(person.end, person.end + 3));
    if (!label || named(person)) return true;
    const next = person.end + label[0].length;
    const oneWord = !text.slice(person.start, person.end).includes(' ');
    return !addressStarts.has(next) && !(oneWord && titledStarts.has(next));
  });
}

/** A value a template or a README puts where the secret goes (`${DB_PASSWORD}`, `<your-api-key-here>`): none. */
const PLACEHOLDER =
  /^(?:\$\{[^}]+\}|\{\{[^}]+\}\}|<[^<>]+>|%[A-Z_]+%|\$[A-Z][A-Z0-9_]{2,}|[xX*•]{4,}|your[-_ ]?[\w-]*[-_ ]?here|changeme|redacted|\[redacted\])$/;

/** `Kennzeichen Lieferwagen B-KM 4172`: capitalised vehicle words right before a plate are its label, not a name. */
function notVehicleWords(text: string, persons: readonly Span[], plates: readonly Span[]): Span[] {
  if (plates.length === 0) return [...persons];
  const plateStarts = new Set(plates.map((plate) => plate.start));
  return persons.filter((person) => {
    const gap = /^[\s:,-]{0,3}/.exec(text.slice(person.end, person.end + 3))?.[0].length ?? 0;
    return !plateStarts.has(person.end + gap) || !vehicleWordsOnly(text.slice(person.start, person.end));
  });
}

/** Honorifics that are also names (`Don Johnson`, `Pan Wei`, `Sri Wahyuni`, `Mohd Hafiz`) or initials (`M. Albuquerque`): left where they stand. */
const ALSO_NAMES = new Set([
  'don',
  'dona',
  'doña',
  'pan',
  'pana',
  'panem',
  'panu',
  'pane',
  'm',
  'md',
  'mohd',
  'muhd',
  'bay',
  'sri',
]);
const LEADING_WORD = /^([\p{L}]+)\.?\s+(?=\p{L})/u;

const isTitle = (word: string) =>
  POLICE_RANKS.has(word) || (HONORIFICS.has(word.toLowerCase()) && !ALSO_NAMES.has(word.toLowerCase()));

/**
 * `Judge Hollingsworth`, `mevr. Jansen`, `dottoressa Esposito`: the honorific before a name is no part of it, and
 * an honorific read alone (`Mr` of `Called Mr Oyelaran`) names no one.
 */
function withoutTitles(text: string, persons: readonly Span[]): Span[] {
  return persons.flatMap((person) => {
    const value = text.slice(person.start, person.end);
    if (isTitle(value.replace(/\.$/, ''))) return [];
    const lead = LEADING_WORD.exec(value);
    if (!lead?.[1] || !isTitle(lead[1])) return [person];
    return [{ ...person, start: person.start + lead[0].length }];
  });
}

/** `Passwort Sonnenblume#77` read as a name: a name never runs into a password, which wins. */
function notInSecrets(persons: readonly Span[], secrets: readonly Span[]): Span[] {
  if (secrets.length === 0) return [...persons];
  return persons.filter(
    (person) => !secrets.some((secret) => secret.start < person.end && secret.end > person.start),
  );
}

const KEY_HINTS: [RegExp, EntityType][] = [
  [/^(?:.*[_-])?e-?mail(?:[_-]?address)?$/i, 'EMAIL'],
  [/^(?:.*[_-])?(?:phone|mobile|tel|telephone|fax|cell)(?:[_-]?(?:number|no))?$/i, 'PHONE'],
  [
    /^(?:.*[_-])?(?:licen[cs]e[_-]?plate|number[_-]?plate|plate(?:[_-]?(?:number|text))?|registration|kennzeichen|plaque)$/i,
    'PLATE',
  ],
  [
    /^(?:first|last|full|given|family|middle|sur|display|contact|customer|driver|passenger|patient|person|owner|user|author|sender|recipient)[_-]?name$|^(?:surname|person|driver|passenger|patient)$/i,
    'PERSON',
  ],
  [/^(?:.*[_-])?(?:address|street|street[_-]?address|home[_-]?address)$/i, 'ADDRESS'],
  [/^(?:dob|date[_-]?of[_-]?birth|birth[_-]?date|birthday|birthdate)$/i, 'DOB'],
  [/^(?:ssn|social[_-]?security[_-]?number)$/i, 'SSN'],
  [/^iban$/i, 'IBAN'],
  [/^(?:card[_-]?number|credit[_-]?card|pan)$/i, 'CARD'],
  [
    /^(?:.*[_-])?(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential)s?$/i,
    'SECRET',
  ],
  [/^(?:ip|ip[_-]?addr(?:ess)?|client[_-]?ip|remote[_-]?addr)$/i, 'IP'],
  [/^(?:mac|mac[_-]?addr(?:ess)?)$/i, 'MAC'],
];

/** In JSON, a property name such as `email` or `plate` says what its value is. */
export function hintForKey(key: string): EntityType | undefined {
  return KEY_HINTS.find(([pattern]) => pattern.test(key))?.[1];
}
