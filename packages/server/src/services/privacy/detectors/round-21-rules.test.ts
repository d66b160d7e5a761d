import { describe, expect, it } from 'vitest';
import { findEntities } from '../scrub.js';
import { loadNameLexicon } from './index.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  findEntities(text, lexicon).map((span) => `${span.type} ${text.slice(span.start, span.end)}`);

describe('redaction round 21 (the thirty-fourth and thirty-fifth blind batches)', () => {
  it('reads a form field after a heading and its dash as a label, not a signature', () => {
    expect(found('Data karyawan — Nama: Siti Nurhaliza Putri | NIK: 3174054508900003')).toEqual([
      'PERSON Siti Nurhaliza Putri',
      'SSN 3174054508900003',
    ]);
    expect(found('Thanks all — Marion')).toEqual(['PERSON Marion']);
  });

  it('leaves holidays and weekdays of more languages', () => {
    expect(found('Opening hours over Easter: Good Friday closed, Easter Sunday closed.')).toEqual([]);
    expect(found('Pejabat ditutup pada Hari Wilayah; cuti untuk Tahun Baru Cina.')).toEqual([]);
    expect(found('Το λογιστήριο θα παραμείνει κλειστό την Καθαρά Δευτέρα.')).toEqual([]);
  });

  it('reads the French verb `adresser` as no address label', () => {
    expect(found('Je vous adresse M. Karim Haddad (né le 19/10/1966) pour avis.')).toEqual([
      'PERSON M. Karim Haddad',
      'DOB 19/10/1966',
    ]);
  });

  it('reads a year of birth alone, a dotted Korean date, Turkish `d.t.`, Tagalog `Kaarawan`, Malay `Ogos`', () => {
    expect(found('bệnh nhân sinh năm 1960, chuyển khám')).toEqual(['DOB 1960']);
    expect(found('пациентка, 1952 г.р., полис')).toEqual(['DOB 1952']);
    expect(found('환자 (여, 1958. 3. 15.생), 당뇨')).toEqual(['DOB 1958. 3. 15.']);
    expect(found('Hasta sevk, d.t. 05/11/1958.')).toEqual(['DOB 05/11/1958']);
    expect(found('Kaarawan: ika-3 ng Hunyo 1993 |')).toEqual(['DOB ika-3 ng Hunyo 1993']);
    expect(found('Tarikh lahir: 5 Ogos 1990 |')).toEqual(['DOB 5 Ogos 1990']);
    expect(found('The firm was founded in 1960.')).toEqual([]);
  });

  it("reads a bank account after the account word in more languages, or after the bank's initials", () => {
    expect(found('Akaunti CRDB: 0152 4829 1730 0 | Anwani')).toEqual(['IBAN 0152 4829 1730 0']);
    expect(found('खाता: 30482915736 (SBI, IFSC SBIN0001234)')).toEqual(['IBAN 30482915736']);
    expect(found('Payroll via BDO savings 0012 3456 7890.')).toEqual(['IBAN 0012 3456 7890']);
    expect(found('closure of account 4472-ACC. My BVN is 22184739061.')).toEqual(['SSN 22184739061']);
  });
});
