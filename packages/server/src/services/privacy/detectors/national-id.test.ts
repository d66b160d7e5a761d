import { describe, expect, it } from 'vitest';
import { detectNationalIds, FORMAT_EXAMPLES, verhoeffValid } from './national-id.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('national identity numbers', () => {
  it('takes distinctive formats only with a valid check digit', () => {
    expect(verhoeffValid('496712345673')).toBe(true);
    expect(found('Aadhaar on the form: 4967 1234 5673.')).toEqual(['4967 1234 5673']);
    expect(found('Invoice lines 4967 1234 5674 and 12345678A.')).toEqual([]);
    expect(found('DNI 12345678Z, NIE X1234567L, CPF 529.982.247-25')).toEqual([
      '12345678Z',
      'X1234567L',
      '529.982.247-25',
    ]);
  });

  it('finds every distinctive format on its own, in running text', () => {
    for (const example of FORMAT_EXAMPLES) expect(found(`ID ${example} on file`), example).toContain(example);
  });

  it('takes a Japanese My Number grouped in fours with its check digit, without a label', () => {
    expect(found('My Number card copy received: 5606 8831 0674.')).toEqual(['5606 8831 0674']);
    expect(found('Number recorded as 0721-3398-4608.')).toEqual(['0721-3398-4608']);
    expect(found('Tracking 5606 8831 0675 and 560688310674 and 5606 8831-0674')).toEqual([]);
  });

  it('takes plain numbers only after a label, and never a date', () => {
    expect(found('NIN 12345678901 supplied')).toEqual(['12345678901']);
    expect(found('Order 12345678901 supplied')).toEqual([]);
    expect(found('Expiry date on the ID card is 2031-06-30.')).toEqual([]);
  });

  it('checks the letters of codice fiscale and NRIC, and takes a masked Aadhaar after its label', () => {
    expect(found('CF BNCGNN92E45F205Z, NRIC S8734521A')).toEqual(['BNCGNN92E45F205Z', 'S8734521A']);
    expect(found('Codes BNCGNN92E45F205A and S8734521B in the batch')).toEqual([]);
    expect(found('Masked Aadhaar XXXX XXXX 4209 on file')).toEqual(['XXXX XXXX 4209']);
    expect(found('Card XXXX XXXX 4209 declined')).toEqual([]);
  });

  it('takes PESEL and BSN after their labels only', () => {
    expect(found('PESEL 87051412343, BSN: 111222333')).toEqual(['87051412343', '111222333']);
    expect(found('Call 87051412343 or quote 111222333')).toEqual([]);
  });

  it('checks the mod-97 key of a Belgian national number', () => {
    expect(found('Rijksregisternummer: 85.07.30-033.28')).toEqual(['85.07.30-033.28']);
    expect(found('Reference 85.07.30-033.29 in the batch')).toEqual([]);
  });

  it('reads up to three lower-case words between a distinct label and the number, not after a reference word', () => {
    expect(found('Numer PESEL pacjenta: 85031204557')).toEqual(['85031204557']);
    expect(found('BSN van de klant is 314159265.')).toEqual(['314159265']);
    expect(found('Aadhaar ending XXXX XXXX 4821 verified')).toEqual(['XXXX XXXX 4821']);
    expect(found('the pan was hot at 180000 degrees')).toEqual([]);
    expect(found('Passport copy for ticket 44812345')).toEqual([]);
  });

  it('takes a number after a Turkish or Israeli identity label', () => {
    expect(found('T.C. Kimlik No: 12345678028')).toEqual(['12345678028']);
    expect(found('TC kimlik numarası 34567891238')).toEqual(['34567891238']);
    expect(found('Teudat zehut 034567891, spoke with Noa')).toEqual(['034567891']);
  });
});

describe('national identity numbers with a check digit and no label (round 5)', () => {
  it('takes Turkish, Belgian, Greek, Swiss, Austrian and grouped Dutch numbers when their check holds', () => {
    expect(found('He read out 27184603988 twice.')).toEqual(['27184603988']);
    expect(found('Came in without dots: 87062408396.')).toEqual(['87062408396']);
    expect(found('The pharmacy rejected 22118507825.')).toEqual(['22118507825']);
    expect(found('Residence permit 756.5044.1882.73 and 7567712039450')).toEqual([
      '756.5044.1882.73',
      '7567712039450',
    ]);
    expect(found('Patient 1231 150385 in Wien')).toEqual(['1231 150385']);
    expect(found('On the scanned letter: 2293.10.667.')).toEqual(['2293.10.667']);
    expect(found('Pesel matki 92030518295, ojca 03079251355 (Norway), hetu 131052-308T')).toEqual([
      '92030518295',
      '03079251355',
      '131052-308T',
    ]);
    expect(found('Codes 92030518296, 03079251356 and 131052-308U in the batch')).toEqual([]);
  });

  it('leaves the same shapes with a wrong check digit, or after an order or phone word or a plus', () => {
    expect(found('He read out 27184603989, 87062408397, 22118507826.')).toEqual([]);
    expect(found('Residence permit 756.5044.1882.74, 1231 150386, 2293.10.668')).toEqual([]);
    expect(found('Order 27184603988 shipped; call 87062408396; dial +38261904744')).toEqual([]);
  });

  it('reads a label with a word in brackets, and words of any case after a distinct label', () => {
    expect(found('National ID (Kenya): 28471930')).toEqual(['28471930']);
    expect(found("Caller: my BSN? It's 110382948.")).toEqual(['110382948']);
    expect(found('contribuinte n.º 512884307')).toEqual(['512884307']);
    expect(found('ΑΦΜ 094817267, AMKA: 05039012348, SV-Nr. 6298031279')).toEqual([
      '094817267',
      '05039012348',
      '6298031279',
    ]);
  });

  it('finds the German tax ID and the Portuguese citizen card by their checks, a Canadian SIN in dashed threes', () => {
    expect(found('Bitte 74033198638 eintragen, Bescheinigung: 64 168 635 205')).toEqual([
      '74033198638',
      '64 168 635 205',
    ]);
    expect(found('Bitte 74033198639 eintragen, Artikel 13409985962')).toEqual([]);
    expect(found('O cartão 70990679 1 UT6 caducou; 70990679 1 UT7 não')).toEqual(['70990679 1 UT6']);
    expect(found('SIN 705-025-062 on file; 705-025-063 is not one')).toEqual(['705-025-062']);
  });

  it('takes a number named by a distinct label after it, or after a bare ID', () => {
    expect(found('525429517 is zijn BSN. Verify 55120394817 on NIMC. 111312701 NIF')).toEqual([
      '525429517',
      '55120394817',
      '111312701',
    ]);
    expect(found('Order 525429517, the BSN comes later')).toEqual([]);
    expect(found('525429517 and the BSN 809284704')).toEqual(['809284704']);
    expect(found('Kamau, ID 31840275; her ID 22971465; project ID 40718293')).toEqual([
      '31840275',
      '22971465',
    ]);
  });
});

describe('identity numbers of round 8', () => {
  it('finds an Argentine CUIL or CUIT by its check digit', () => {
    expect(found('Empleado 20-31482716-4, luego 20-31482716-5')).toEqual(['20-31482716-4']);
    expect(found('CUIL 20-31482716-4')).toEqual(['20-31482716-4']);
  });

  it('finds an Argentine DNI written with dots only after its label', () => {
    expect(found('Inquilina: Martina Giménez, DNI 33.187.766.')).toEqual(['33.187.766']);
    expect(found('Población 33.187.766 en 2020.')).toEqual([]);
  });

  it('takes a short label in capitals with words and a name before the number', () => {
    expect(found('SIN for the new hire Mathieu Tremblay-Gagnon: 712 966 985; address')).toEqual([
      '712 966 985',
    ]);
    expect(found("Ji-woo Han's RRN for the visa letter: 0108174055244.")).toEqual(['0108174055244']);
    expect(found('PhilSys number 0828-9888-0081-3124, currently at')).toEqual(['0828-9888-0081-3124']);
    expect(
      found('sin embargo, la cuenta 12345678 está bien; please RUN the export 2026 12345 times'),
    ).toEqual([]);
  });

  it('takes a letter-heavy card number and a number after a sentence break', () => {
    expect(found('Personalausweis PMCLRT41L2 liegt in Kopie vor')).toEqual(['PMCLRT41L2']);
    expect(found('voor de loonadministratie heb ik je BSN nodig. — 254429981, geboren')).toEqual([
      '254429981',
    ]);
  });

  it('leaves dates, months, addresses and the rest of longer numbers after a label alone', () => {
    expect(found('DOB 1994-03-17, NI number WZ210936A')).toEqual(['WZ210936A']);
    expect(found('Payroll run 2026-12 closed; check re-run (10.0.0.1) too')).toEqual([]);
    expect(found('the booking says 30/04/1985 but her passport says 03/04/1985.')).toEqual([]);
    expect(found('Tracking 9400 1118 9922 3856 4170 52 shows arrived')).toEqual([]);
  });

  it('finds Thai and Hong Kong IDs by their checks, Vietnamese CCCD after its label', () => {
    expect(found('Thai ID 1-1020-00123-45-4; 1-1020-00123-45-5 is a typo')).toEqual(['1-1020-00123-45-4']);
    expect(found('HKID A123456(3), not B123456(5)')).toEqual(['A123456(3)']);
    expect(found('Số CCCD của anh ấy là 001089012345.')).toEqual(['001089012345']);
  });

  it('finds a Thai ID grouped with spaces as the card prints it, and a Taiwanese ID, by their checks (round 18)', () => {
    expect(found('Identification Number 2 4761 72720 07 7, Name Miss Siriporn')).toEqual([
      '2 4761 72720 07 7',
    ]);
    expect(found('เลขบัตร 3 1012 00456 78 9 ส่งต่อ; 3 1012 00456 78 8 is not one')).toEqual([
      '3 1012 00456 78 9',
    ]);
    expect(found('統一編號 A283351136 住址; part no. A283351137 and A123456789-B')).toEqual(['A283351136']);
    // The Greek identity card's label (its two Greek letters are not read yet: the digits are).
    expect(found('Δελτίο ταυτότητας 482913, Γιώργος')).toEqual(['482913']);
    // Sri Lanka's old NIC: the day of the year of birth (500 more for women) and a V; an ISBN-10's X is no V.
    expect(found('අංකය 881452370V, 886452370V; ISBN 080442957X')).toEqual(['881452370V', '886452370V']);
  });

  it('finds kennitala, Iranian codes, MyKad and NIDA numbers by their checks or dates', () => {
    expect(found('Guðrún, kennitala 040396-1879, fædd 1996')).toEqual(['040396-1879']);
    expect(found('visa file lists 510-201920-1, not 510-201920-2')).toEqual(['510-201920-1']);
    expect(found('No. K/P 880312-10-5527, alamat Petaling Jaya; 881312-10-5527 salah')).toEqual([
      '880312-10-5527',
    ]);
    expect(found('NIDA 19900615-14117-00002-18 registered')).toEqual(['19900615-14117-00002-18']);
  });

  it('reads labels of more countries, and a label with a long name before the number', () => {
    expect(found('Horváth úr TAJ-száma 115 191 439, TAJ szám: 224 299 350')).toEqual([
      '115 191 439',
      '224 299 350',
    ]);
    expect(found('Resident ID 2893288049 was issued; Iqama 2456789012')).toEqual([
      '2893288049',
      '2456789012',
    ]);
    expect(found('Fayda ID on the registration form: 4852 7719 0364')).toEqual(['4852 7719 0364']);
    expect(
      found(
        'PhilSys number of the applicant Ma. Cristina Villanueva-Lacson is 4817-2093-5561-0284, verified',
      ),
    ).toEqual(['4817-2093-5561-0284']);
    expect(found('call 612 345 678 or 915 123 456 after lunch')).toEqual([]);
  });
});

describe('the holder of an identity number, in brackets after it', () => {
  it('reads a name in brackets right after the number, not a word', async () => {
    const { detectAll, loadNameLexicon } = await import('./index.js');
    const names = await loadNameLexicon([]);
    const persons = (text: string) =>
      detectAll(text, names)
        .filter((span) => span.type === 'PERSON')
        .map((span) => text.slice(span.start, span.end));
    expect(persons('Thai ID 3-5787-79068-01-4 (Kanokwan) for the lease')).toEqual(['Kanokwan']);
    expect(persons('PESEL 87041247830 (Express) shipping')).toEqual([]);
  });
});

describe('national identity numbers (round 19)', () => {
  it("checks an Irish PPS number's letter on a line that names it", () => {
    expect(found('PPSNs for the household — 6481937D (applicant), 3182745JA (spouse).')).toEqual([
      '6481937D',
      '3182745JA',
    ]);
    expect(found('PPSNs for the household — 6481937E (applicant)')).toEqual([]);
    expect(found('Order 6481937D shipped')).toEqual([]);
  });

  it("checks an NHS number's modulus 11 on a line that names it", () => {
    expect(found('The NHS number on the referral (485 777 3457) belongs to someone else.')).toEqual([
      '485 777 3457',
    ]);
    expect(found('The NHS number on the referral (485 777 3458) is wrong.')).toEqual([]);
  });

  it("reads a labelled number whole where its start has another scheme's format", () => {
    expect(found('СНИЛС 147-263-958 88 и ИНН')).toEqual(['147-263-958 88']);
  });
});
