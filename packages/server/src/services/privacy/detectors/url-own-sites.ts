import type { Span } from '../types.js';

/**
 * `Björk Einarsdóttir's personal site https://bjork-einars.is`, `mi página personal: …`, `seine Homepage
 * …`: a link the text calls someone's own site names that person, whatever its domain.
 */
const OWN_SITE_BEFORE =
  /(?:\b(?:personal|own|private)\s+(?:web\s?)?(?:site|page|homepage|blog|website)|\b(?:his|her|their|my)\s+(?:web\s?site|homepage|blog)|página (?:web )?personal|site (?:web )?perso(?:nnel)?|persönliche (?:webseite|homepage|website)|eigene (?:webseite|homepage|website)|persoonlijke (?:website|site))\s*(?:[:(]|is|at|ist|es|est)?\s*$/i;

export function ownSiteLinks(text: string, urls: readonly Span[]): Span[] {
  return urls.filter((url) => OWN_SITE_BEFORE.test(text.slice(Math.max(0, url.start - 48), url.start)));
}
