import type { Span } from '../types.js';

/**
 * `г. Москва, ул. Тверская, д. 12`, `г. Минск, пр. Независимости 4`: Russian-style addresses name the city first,
 * after `г.` (город; Ukrainian `м.`, місто), perhaps after the postcode (`123182, г. Москва, …`); an address that starts with a street word takes the city written right before it,
 * and one that starts with the postcode or the city the country written before it.
 */
const CITY_BEFORE = /(?:^|[^\p{L}\d])((?:\d{5,6},\s)?(?:г|м)\.\s?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?,\s)$/u;
/** `по адресу Екатеринбург, ул. Малышева, 71`: the city without `г.`, right after the words for "at the address". */
const CITY_NAMED_BEFORE = /(?:адресу\s|адрес:\s?|Адрес:\s?|адресою\s)(\p{Lu}[\p{L}-]+,\s)$/u;
const STREET_START =
  /^(?:ул\.|улица|вул\.|вулиця|пр\.|просп\.|проспект|пер\.|переулок|провулок|бул\.|бульвар|ш\.|шоссе|наб\.)/;

/**
 * `Россия, 620014, г. Екатеринбург, …`, `Україна, 79000, м. Львів, …`: the country written first, before the
 * postcode or the city.
 */
const COUNTRY_BEFORE =
  /(?:^|[^\p{L}])((?:Россия|Российская Федерация|РФ|Україна|Украина|Казахстан|Қазақстан|Беларусь|Кыргызстан|Узбекистан|Молдова|Армения|Грузия|Азербайджан|Таджикистан),\s)$/u;
const POSTCODE_OR_CITY_START = /^(?:\d{5,6},|[гм]\.\s?\p{Lu})/u;

/** `Toshkent sh., Amir Temur ko'chasi 108`: Uzbek names the city (`shahri`) or the district (`tumani`) first. */
const UZBEK_CITY_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}'‘’ʻ-]*\s(?:sh\.|shahri|tumani|t\.),\s?)$/u;

export function withCityBefore(text: string, addresses: Span[]): Span[] {
  if (/\ssh\.,|\sshahri,|\stumani,/.test(text))
    addresses = addresses.map((address) => withUzbekCity(text, address));
  if (!/[гм]\.|ул\.|вул\.|пр\./.test(text)) return addresses;
  return addresses.map((address) => {
    let start = address.start;
    if (STREET_START.test(text.slice(start, start + 10))) {
      const before = text.slice(Math.max(0, start - 48), start);
      start -= (CITY_BEFORE.exec(before) ?? CITY_NAMED_BEFORE.exec(before))?.[1]?.length ?? 0;
    }
    if (POSTCODE_OR_CITY_START.test(text.slice(start, start + 8))) {
      start -= COUNTRY_BEFORE.exec(text.slice(Math.max(0, start - 28), start))?.[1]?.length ?? 0;
    }
    return start === address.start ? address : { ...address, start };
  });
}

function withUzbekCity(text: string, address: Span): Span {
  const city = UZBEK_CITY_BEFORE.exec(text.slice(Math.max(0, address.start - 40), address.start))?.[1];
  return city ? { ...address, start: address.start - city.length } : address;
}
