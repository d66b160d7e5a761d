import { describe, expect, it } from 'vitest';
import { detectNationalIds } from './national-id.js';
import { jmbgValid } from './national-id-labels.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('the JMBG and the labels of more identity numbers', () => {
  it('checks a JMBG by its birth date and weighted mod-11 digit', () => {
    expect(jmbgValid('2106983710069')).toBe(true);
    expect(jmbgValid('1205867350017')).toBe(true);
    expect(jmbgValid('2106983710068')).toBe(false);
    expect(jmbgValid('3213983710069')).toBe(false); // month 13
  });

  it('finds numbers after their labels', () => {
    expect(found('JMBG 2106983710069, adresa …')).toEqual(['2106983710069']);
    expect(found('tazkira 1400-0101-38472, speaks Pashto')).toEqual(['1400-0101-38472']);
    expect(found('TRN 104-382-917, Kingston')).toEqual(['104-382-917']);
    expect(found('holder of CIN BE728194, residing at')).toEqual(['BE728194']);
    expect(found('Code melli 0084739215.')).toEqual(['0084739215']);
    expect(found('CNI CI002847163 | Adresse')).toEqual(['CI002847163']);
    expect(found('PINFL 31507976020031')).toEqual(['31507976020031']);
  });

  it('takes a JMBG in a list only with its check', () => {
    expect(found('JMBG: Ana 2106983710069, Marko 1205867350017')).toEqual(['2106983710069', '1205867350017']);
    expect(found('JMBG on file; order 2106983710068 shipped')).toEqual([]);
  });

  it('leaves ordinary words alone', () => {
    expect(found('The cinema sold 12345 tickets; trnava had 40000 visitors.')).toEqual([]);
  });
});

describe('the Azerbaijani FIN', () => {
  it('is taken right after its label only', () => {
    expect(found('FIN 5ZK8QMA')).toEqual(['5ZK8QMA']);
    expect(found('FİN kodu: 5ZK8QMA, ünvan Bakı')).toEqual(['5ZK8QMA']);
    expect(found('FIN results: Q3 2024 ABC1234 won')).toEqual([]);
    expect(found('Code ABC1234 shipped')).toEqual([]);
  });
});

describe('tax and identity numbers by more labels', () => {
  const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

  it('reads the number after its label, and after "your" in Greek', () => {
    expect(ids('Unser Zeichen: St-Nr. 21/815/08150 — Sehr geehrte Frau')).toEqual(['21/815/08150']);
    expect(ids('Fødselsnummeret mitt er 140388 49191, og adressen er')).toEqual(['140388 49191']);
    expect(ids('το ΑΦΜ σας 048291739 δεν αντιστοιχεί')).toEqual(['048291739']);
    expect(ids('Your Unique Taxpayer Reference is 84920 17365. Please quote it')).toEqual(['84920 17365']);
    expect(ids('Petitioner, A-Number A204-881-337, beneficiary')).toEqual(['A204-881-337']);
    expect(ids('PAN AAJPI4812M, UAN 100482917735, net pay')).toContain('100482917735');
  });

  it('leaves the label without a number', () => {
    expect(ids('the tax number format is strict')).toEqual([]);
  });
});

describe('IDs after their label whatever their check says, and more labels', () => {
  const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

  it('reads a codice fiscale and an RFC after their labels, a tazkira, an NSS', () => {
    expect(ids('il paziente Giuseppe Russo (CF RSSGPP52C10F205X) è stato dimesso')).toEqual([
      'RSSGPP52C10F205X',
    ]);
    expect(ids('Trae tu RFC (GOMI850317HX2) a la entrevista')).toEqual(['GOMI850317HX2']);
    expect(ids('د تذکرې شمېره 1400-0105-12345، تلیفون')).toEqual(['1400-0105-12345']);
    expect(ids('NSS 12345678901, alta el 3/06')).toEqual(['12345678901']);
  });

  it('leaves the shape without its label', () => {
    expect(ids('part number RSSGPP52C10F205X in stock')).toEqual([]);
  });
});

describe('health, tax and driving-licence numbers after their labels (round 20)', () => {
  it('reads them, and a Spanish NSS in its groups', () => {
    expect(found('ABHA No. 91-4827-1936-5502. — Dr. Rao')).toEqual(['91-4827-1936-5502']);
    expect(found('Ontario Health card 4827-316-094 version KT')).toEqual(['4827-316-094']);
    expect(found('DNI 48273160R, NSS 28 48273160 80. Diagnóstico')).toEqual(['48273160R', '28 48273160 80']);
    expect(found('Hernán Darío Restrepo, NIT 71482931-8, solicita el pago')).toEqual(['71482931-8']);
    expect(found('Zofia Jabłońska, NIP 5271948363, upoważniam')).toEqual(['5271948363']);
    expect(found('conducteur Baptiste Oudin, permis n° 13AB48273, joignable')).toEqual(['13AB48273']);
    expect(found('No. BPJS Kesehatan 0001482731604, alamat')).toEqual(['0001482731604']);
    expect(found('ජා.හැ.අ. අංකය 198532004827, ලිපිනය')).toEqual(['198532004827']);
  });

  it("leaves Chile's patente, a plate, and a word that only starts like a label", () => {
    expect(found('RUT 15.141.251-3 — patente PHKT 42 — cambio de pastillas')).toEqual(['15.141.251-3']);
    expect(found('the snippet 4827 3160 9215 was copied')).toEqual([]);
    expect(found('resi JNE 8825 1193 0044, HP 0812-5551-9034.')).toEqual([]);
    expect(found('My Number 1234 5678 9018')).toEqual(['1234 5678 9018']);
  });
});
