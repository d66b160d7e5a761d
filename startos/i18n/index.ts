import { setupI18n } from '@start9labs/start-sdk';
import defaultDict, { DEFAULT_LANG, type I18nKey } from './dictionaries/default.js';
import translations from './dictionaries/translations.js';

/** Translates a dictionary key into the StartOS language (LANG), English by default. */
export const i18n = setupI18n(defaultDict, translations, DEFAULT_LANG);

const isKey = (text: string): text is I18nKey => Object.hasOwn(defaultDict, text);

/**
 * Translates text that may be a dictionary key (such as a schema message), including the
 * schema's range messages (`must be at least 30 seconds`); other text stays as it is.
 */
export function translateIfKnown(text: string): string {
  if (isKey(text)) return i18n(text);
  const range = /^must be at (least|most) (\S+)(?: (\w+))?$/.exec(text);
  if (!range) return text;
  const [, side, bound = '', unit] = range;
  const value = unit ? `${bound} ${isKey(unit) ? i18n(unit) : unit}` : bound;
  return side === 'least'
    ? i18n('must be at least ${value}', { value })
    : i18n('must be at most ${value}', { value });
}
