import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectAddresses } from './address.js';

/** The addresses as the scrub sees them: overlapping readings merged into the outermost. */
const found = (text: string) =>
  mergeSpans(detectAddresses(text)).map((span) => text.slice(span.start, span.end));

describe('addresses with the house or flat first, by country', () => {
  it('reads an Indian house or flat and the parts before the PIN code, not a six-digit number alone', () => {
    expect(
      found('Offer letter sent to her at B-204, Lodha Palava, Dombivli East, Thane 421204; joining 1 Aug'),
    ).toEqual(['B-204, Lodha Palava, Dombivli East, Thane 421204']);
    expect(found('H.No. 8-2-293/82, Road No. 14, Banjara Hills, Hyderabad 500034')).toEqual([
      'H.No. 8-2-293/82, Road No. 14, Banjara Hills, Hyderabad 500034',
    ]);
    expect(found('12 Sundervan Society, Juhu Tara Road, Mumbai 400049')).toEqual([
      '12 Sundervan Society, Juhu Tara Road, Mumbai 400049',
    ]);
    expect(found('Order 400049 shipped; invoice 12, Mumbai 400049 paid')).toEqual([]);
  });

  it('reads a Welsh street with its article, a number before a Spanish street word, a Hungarian floor and door', () => {
    expect(found('move line from 34 Cwrt y Llan, Bangor LL57 1AB to the new flat')).toEqual([
      '34 Cwrt y Llan, Bangor LL57 1AB',
    ]);
    expect(found('rented from me at 1187 Calle Loíza, Apt 3, San Juan, PR 00911 for three years')).toEqual([
      '1187 Calle Loíza, Apt 3, San Juan, PR 00911',
    ]);
    expect(found('lakcíme: 1052 Budapest, Váci utca 15. II/4., adóazonosító')).toEqual([
      '1052 Budapest, Váci utca 15. II/4.',
    ]);
  });

  it('reads the Ukrainian city before the street and the Vietnamese house number before its comma', () => {
    expect(found('Нова адреса: м. Київ, вул. Хрещатик, 22, кв. 8, 01001. Отримувач')).toEqual([
      'м. Київ, вул. Хрещатик, 22, кв. 8, 01001',
    ]);
    expect(found('Địa chỉ: Số 12, ngõ 34 phố Huế, quận Hai Bà Trưng, Hà Nội')).toContain(
      'Số 12, ngõ 34 phố Huế, quận Hai Bà Trưng, Hà Nội',
    );
  });
});

describe('flats and units inside European addresses', () => {
  it('reads Swedish lgh, Norwegian H-numbers, French bât., Catalan carrer in lower case and a Russian postcode first', () => {
    expect(found('Annikas nya adress är Kungsgatan 44, lgh 1203, 411 19 Göteborg.')).toEqual([
      'Kungsgatan 44, lgh 1203, 411 19 Göteborg',
    ]);
    expect(found('adressen er Thereses gate 18B, H0304, 0358 Oslo. Hilsen Eirik')).toEqual([
      'Thereses gate 18B, H0304, 0358 Oslo',
    ]);
    expect(found('demeurant 14 rue des Lilas, bât. C, 69003 Lyon, est cité')).toEqual([
      '14 rue des Lilas, bât. C, 69003 Lyon',
    ]);
    expect(found('visc al carrer de Provença 281, 3r 2a, 08037 Barcelona i el meu mòbil')).toEqual([
      'carrer de Provença 281, 3r 2a, 08037 Barcelona',
    ]);
    expect(
      found('Адрес доставки: 123182, г. Москва, ул. Щукинская, д. 6, кв. 41, получатель Ахмедов.'),
    ).toEqual(['123182, г. Москва, ул. Щукинская, д. 6, кв. 41']);
  });
});

describe('Romanian, Polish, Portuguese and Malaysian shapes', () => {
  it('reads the city before a Romanian street with small words in its name, a Polish town after `w`, `n.º`, a Malaysian house number first', () => {
    expect(
      found('locuiesc în Iași, Bd. Ștefan cel Mare și Sfânt nr. 12, bl. A3, sc. B, ap. 21, vă rog'),
    ).toEqual(['Iași, Bd. Ștefan cel Mare și Sfânt nr. 12, bl. A3, sc. B, ap. 21']);
    expect(found('domiciliată în Cluj-Napoca, str. Avram Iancu nr. 14, ap. 3, jud. Cluj.')).toEqual([
      'Cluj-Napoca, str. Avram Iancu nr. 14, ap. 3, jud. Cluj',
    ]);
    expect(found('mieszka na ul. Piotrkowskiej 120 m. 8 w Łodzi od roku')).toEqual([
      'ul. Piotrkowskiej 120 m. 8 w Łodzi',
    ]);
    expect(found('mora na Av. Eduardo Mondlane, n.º 1456, Maputo.')).toEqual([
      'Av. Eduardo Mondlane, n.º 1456, Maputo',
    ]);
    expect(found('send to 17, Jalan Bunga Raya 3, Taman Sri Muda, 40400 Shah Alam, Selangor please')).toEqual(
      ['17, Jalan Bunga Raya 3, Taman Sri Muda, 40400 Shah Alam, Selangor'],
    );
  });

  it('leaves a name before the street out of it', () => {
    expect(
      found('Chiriaș Elena Dumitrescu, Str. Lipscani nr. 21, ap. 4, sector 3, București 030031.'),
    ).toEqual(['Str. Lipscani nr. 21, ap. 4, sector 3, București 030031']);
  });
});
