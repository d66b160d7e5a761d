import { setupI18n } from '@start9labs/start-sdk';
import defaultDict, { DEFAULT_LANG, type I18nKey } from './dictionaries/default.js';
import translations from './dictionaries/translations.js';

/** Translates a dictionary key into the StartOS language (LANG), English by default. */
export const i18n = setupI18n(defaultDict, translations, DEFAULT_LANG);

/** Translates text that may be a dictionary key (such as a schema message); other text stays as it is. */
export function translateIfKnown(text: string): string {
  return Object.hasOwn(defaultDict, text) ? i18n(text as I18nKey) : text;
}
