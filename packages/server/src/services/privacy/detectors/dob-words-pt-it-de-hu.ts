import type { Span } from '../types.js';
import { afterCue } from './dob-from-cues.js';

/**
 * Dates of birth read out in words in Portuguese (`vinte e nove de outubro de mil novecentos e oitenta e oito`),
 * Italian (`diciassette settembre millenovecentosettantanove`), German (`dreizehnter Juni neunzehnhundertzweiundsiebzig`)
 * and Hungarian, year first (`ezerkilencszázötvennyolc március tizenkettő`), after the language's birth cue: as callers
 * answer a receptionist's question.
 */

const PT_UNIT = 'um|dois|três|tres|quatro|cinco|seis|sete|oito|nove';
const PT_DAY = `primeiro|${PT_UNIT}|dez|onze|doze|treze|catorze|quatorze|quinze|dezesseis|dezasseis|dezessete|dezassete|dezoito|dezenove|dezanove|vinte(?: e (?:${PT_UNIT}))?|trinta(?: e um)?`;
const PT_MONTH =
  'janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro';
const PT_YEAR = `mil novecentos e (?:cinquenta|sessenta|setenta|oitenta|noventa)(?: e (?:${PT_UNIT}))?|dois mil(?: e (?:${PT_DAY}))?`;
const PT_DATE = new RegExp(`(?:${PT_DAY}) de (?:${PT_MONTH}) de (?:${PT_YEAR})(?![\\p{L}])`, 'iuy');
const PT_CUE = /nasci(?:d[oa]|mento)?\b/gi;

const IT_DAY =
  'primo|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|ventuno|ventidue|ventitré|ventitre|ventiquattro|venticinque|ventisei|ventisette|ventotto|ventinove|trenta|trentuno';
const IT_MONTH =
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const IT_DATE = new RegExp(
  `(?:${IT_DAY}) (?:${IT_MONTH}) (?:millenovecent\\p{L}+|duemila\\p{L}*)(?![\\p{L}])`,
  'iuy',
);
const IT_CUE = /\b(?:nascita|nat[oa])\b/gi;

const DE_UNIT = 'ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun';
const DE_DAY = `(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|dreizehnt|vierzehnt|fünfzehnt|sechzehnt|siebzehnt|achtzehnt|neunzehnt|zwanzigst|(?:${DE_UNIT})undzwanzigst|dreißigst|einunddreißigst)(?:er|en|e)`;
const DE_MONTH = 'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember';
const DE_DATE = new RegExp(
  `${DE_DAY} (?:${DE_MONTH}) (?:neunzehnhundert\\p{L}*|zweitausend\\p{L}*)(?![\\p{L}])`,
  'iuy',
);
const DE_CUE = /\b(?:geburtsdatum|geboren|geburtstag)\b/gi;

const HU_MONTH =
  'január|február|március|április|május|június|július|augusztus|szeptember|október|november|december';
const HU_DAY =
  '(?:egy|kettő|két|három|négy|öt|hat|hét|nyolc|kilenc|tíz|tizen\\p{L}+|húsz|huszon\\p{L}+|harminc|harmincegy|elseje|másodika)(?:-?(?:án|én|a|e))?';
const HU_DATE = new RegExp(
  `(?:ezerkilencszáz\\p{L}*|kétezer\\p{L}*) (?:${HU_MONTH}) ${HU_DAY}(?![\\p{L}])`,
  'iuy',
);
const HU_CUE = /szület(?:ési|ett|tem)/gi;

export function wordDatesOfBirthPtItDeHu(text: string): Span[] {
  const spans: Span[] = [];
  if (/nasci/i.test(text)) spans.push(...afterCue(text, PT_CUE, PT_DATE, 80));
  if (/nascita|\bnat[oa]\b/i.test(text)) spans.push(...afterCue(text, IT_CUE, IT_DATE, 80));
  if (/geb/i.test(text)) spans.push(...afterCue(text, DE_CUE, DE_DATE, 80));
  if (/szület/i.test(text)) spans.push(...afterCue(text, HU_CUE, HU_DATE, 80));
  return spans;
}
