import type { Span } from '../types.js';
import { isGivenOnly } from './name-chat.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Names written in lower case after words that introduce a person, as messages and quick notes do: `my son
 * lwazi`, `mi hijo thiago`, `called nomvula`, `soy rocío valdivia`, `coach sarah`, `uncle bashir`, and at a message's end after its last
 * sentence (`… an appointment? sibusiso`), after a chat app's label (`Slack: priyanka are you joining`), a
 * self-introduction (`hey it's kavya`, `ciao sono fede`) or an `@` (`@sana the wifi`). The first word must be one the lists know only as a given name; a
 * second unlisted word that is no ordinary word or place is the surname. After a form's `name` or a letter's
 * `dear dr` or a title in lower case (`mr okeke`), where only a name can stand, an unlisted first word is taken too
 * (`name tiaki moana`, Nigerian Pidgin `name na chiamaka okafor`, Hindi `naam anaya`, a CRM note's `cust beau thibodeaux`).
 */
const KIN =
  `son|daughter|mum|mom|mother|dad|father|wife|husband|brother|sister|hijo|hija|madre|padre|esposa|esposo|
marido|hermano|hermana|fils|fille|mère|père|femme|mari|frère|sœur|sohn|tochter|mutter|vater|frau|mann|filho|filha|mãe|
pai|irmão|irmã|zoon|dochter|moeder|vader|ex`.replace(/\s+/g, '');
/** A self-introduction in chat (`hey it's kavya`, `ciao sono fede`); greetings are name-chat.ts's (French `c'est` is too often `c'est noté`). */
const SELF_INTRODUCTION = "it's|it’s|its|this is|sono";
/** A chat app's name opening a line, before the first word of the message (`Slack: priyanka are you joining`). */
const CHAT_LABEL = '^(?:slack(?: dm)?|teams|chat|whatsapp|wa|dm|sms|text|imessage|telegram|signal)\\s?:';
const CUE = new RegExp(
  `\\b(?:(?:my|our|his|her|their|your|mi|mis|tu|su|mon|ma|mes|mein|meine|meu|minha|mijn) (?:${KIN})|called|named|soy|me llamo|je m'appelle|ich bin|coach|prof|uncle|auntie|aunty|aunt|cousin|grandma|grandpa|nana|(name(?: na)?|naam|cust|dear (?:dr|mr|mrs|ms|miss|prof)\\.?|mr|mrs|ms|dr)|(${SELF_INTRODUCTION}))[:,]? (?=[a-zß-ɏ])|(${CHAT_LABEL}) (?=[a-zß-ɏ])|(?<![\\w.])(@)(?=[a-zß-ɏ])`,
  'gim',
);
const WORD = /[a-zß-ɏ][a-zß-ɏ'’-]{1,24}(?![\p{L}\d@]|\.\w)/uy;
/** A lower-case word standing alone after a question or a full stop, at a line's end: a sign-off. */
const SIGN_OFF = /[.?!] ([a-zß-ɏ][a-zß-ɏ'’-]{2,24})\s*(?:\n|$)/gu;

/** A number read out (`it's oh-seven-nine-one-one, …`), not a name. */
const NUMBER_WORD = /^(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double|triple)(?:-|$)/;

/** Handles of groups, not of a person (`@here`, `@oncall`). */
const GROUPS = new Set(
  'here channel everyone all team oncall devops admins admin support ops infra dev devs qa sre security sales hr it'.split(
    ' ',
  ),
);

/** Possessive pronouns that the lists also hold as given names (`a filha dela`). */
const PRONOUNS = new Set(['dela', 'dele', 'delas', 'deles']);

function readWord(text: string, at: number): string | undefined {
  WORD.lastIndex = at;
  return WORD.exec(text)?.[0];
}

export function lowerCaseNames(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  const givenOnly = (word: string) => !PRONOUNS.has(word) && isGivenOnly(word, names);
  const unlisted = (word: string) =>
    !names.common(word) && !names.place(word) && !names.given.has(word) && !names.ambiguous.has(word);
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const start = m.index + m[0].length;
    const first = readWord(text, start);
    // After a self-introduction, a chat label or an `@`, a name the lists also know as a surname is the one
    // meant; a handle after `@` may be any word but a group's (`@here`, `@oncall`).
    const addressed = m[2] !== undefined || m[3] !== undefined || m[4] !== undefined;
    const handle = m[4] !== undefined && !GROUPS.has(first ?? '');
    // (`hey its farhan, …`: after a self-introduction a word the lists lack is the name when a comma closes it.)
    const introduced = m[2] !== undefined;
    if (
      !first ||
      !(
        givenOnly(first) ||
        (addressed && names.given.has(first) && !names.common(first) && !names.place(first)) ||
        ((m[1] !== undefined ||
          handle ||
          (introduced && /^[,!]/.test(text.slice(start + first.length)) && !NUMBER_WORD.test(first))) &&
          unlisted(first))
      )
    )
      continue;
    let end = start + first.length;
    const second = text[end] === ' ' ? readWord(text, end + 1) : undefined;
    // (An unlisted second word only where the phrase ends after it: `soy rocío valdivia,`, not `thiago nació`.)
    const closing =
      second !== undefined &&
      /^(?:[,.;)]|\s*$|\n)/.test(text.slice(end + 1 + second.length, end + 3 + second.length));
    if (second && !names.common(second) && (names.family.has(second) || (unlisted(second) && closing)))
      end += 1 + second.length;
    spans.push({ start, end, type: 'PERSON' });
  }
  SIGN_OFF.lastIndex = 0;
  for (let m = SIGN_OFF.exec(text); m; m = SIGN_OFF.exec(text)) {
    const word = m[1] ?? '';
    if (!givenOnly(word)) continue;
    const start = m.index + 2;
    spans.push({ start, end: start + word.length, type: 'PERSON' });
  }
  return spans;
}
