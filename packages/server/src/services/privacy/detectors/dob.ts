import type { Span } from '../types.js';
import { matchSpans } from './util.js';

const MONTHS =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s|zo)?|märz|apr(?:il|ile)?|avr(?:il)?|may|mai|mayo|maggio|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|août|ago(?:sto)?|sep(?:t(?:ember|iembre|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?|enero|febrero|abril|junio|julio|agosto|gennaio|febbraio|aprile|giugno|luglio|settembre|ottobre|novembre|dicembre';
const DATE = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th|\.|º)?\s(?:de\s)?(?:${MONTHS})\.?,?\s(?:de\s)?\d{4}|(?:${MONTHS})\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{4}年\d{1,2}月\d{1,2}日)`;
const LABEL = String.raw`(?:date of birth|birth ?date|birthday|d\.?o\.?b\.?|born(?: on)?|b\.|geboren(?: am)?|geb\.|geburtsdatum|né(?:e)? le|date de naissance|fecha de nacimiento|nacid[oa] el|nat[oa] il|data di nascita|data de nascimento|nascid[oa] em|urodzon[ya]|дата рождения|родил(?:ся|ась)|生年月日|出生日期)`;
const LABELLED = new RegExp(String.raw`${LABEL}\s*[:=]?\s*(?:the\s|on\s|le\s|el\s|il\s)?(${DATE})`, 'gdiu');

/** Dates next to a birth label: `DOB: 1984-03-12`, `born on 4 July 1990`, `geb. 03.05.1971`. */
export function detectBirthDates(text: string): Span[] {
  return matchSpans(text, LABELLED, 'DOB', () => true, 1);
}
