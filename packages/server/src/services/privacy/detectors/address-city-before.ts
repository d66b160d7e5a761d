import type { Span } from '../types.js';

/**
 * `г. Москва, ул. Тверская, д. 12`, `г. Минск, пр. Независимости 4`: Russian-style addresses name the city first,
 * after `г.` (город; Ukrainian `м.`, місто), perhaps after the postcode (`123182, г. Москва, …`); an address that starts with a street word takes the city written right before it.
 */
const CITY_BEFORE = /(?:^|[^\p{L}\d])((?:\d{5,6},\s)?(?:г|м)\.\s?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?,\s)$/u;
const STREET_START =
  /^(?:ул\.|улица|вул\.|вулиця|пр\.|просп\.|проспект|пер\.|переулок|провулок|бул\.|бульвар|ш\.|шоссе|наб\.)/;

export function withCityBefore(text: string, addresses: Span[]): Span[] {
  if (!text.includes('г.') && !text.includes('м.')) return addresses;
  return addresses.map((address) => {
    if (!STREET_START.test(text.slice(address.start, address.start + 10))) return address;
    const from = Math.max(0, address.start - 48);
    const m = CITY_BEFORE.exec(text.slice(from, address.start));
    const city = m?.[1];
    return city ? { ...address, start: address.start - city.length } : address;
  });
}
