import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { loadNameLexicon } from './name-lexicon.js';
import { detectPersons } from './person.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('names known by the names around them', () => {
  it('takes the other items of a list that holds two names already', () => {
    expect(found('Present: Aisha Bello, Gwilym Price, Thandiwe Moyo.')).toEqual([
      'Aisha Bello',
      'Gwilym Price',
      'Thandiwe Moyo',
    ]);
    expect(
      found('Scorers: Ciarán Ó Dálaigh 1-4, Donnchadh Breathnach 0-3, Ruairí Mac Cárthaigh 0-2'),
    ).toEqual(['Ciarán Ó Dálaigh', 'Donnchadh Breathnach', 'Ruairí Mac Cárthaigh']);
  });

  it('leaves places, companies and titles in such lists alone', () => {
    expect(found('We visited Paris, London and Rome with Anna and Peter.')).toEqual(['Anna', 'Peter']);
    expect(found('Johnson & Johnson and Procter & Gamble both raised prices.')).not.toContain('Procter');
    expect(found('Gäste: Familie Öztürk, Herr und Frau Lindner, Tante Brigitte.')).not.toContain('Herr');
  });

  it('takes the initials right before a surname found alone', () => {
    expect(found('signed R. Gunawardena')).toEqual(['R. Gunawardena']);
    expect(found('Invoice approved by A. Rahimov on Monday')).toEqual(['A. Rahimov']);
  });

  it("takes a team sheet's names after their shirt numbers, not a place after a comma", () => {
    expect(
      found('U-17 starting XI: 1 Ochieng (GK), 4 Mutua, 5 Owino (c), 7 Wafula, 9 Kamau, 10 Hamisi'),
    ).toEqual(['Ochieng', 'Mutua', 'Owino', 'Wafula', 'Kamau', 'Hamisi']);
    expect(found('Customs: importer Li Wei, Room 1803, 88 Queensway, Admiralty, Hong Kong')).toEqual([
      'Li Wei',
    ]);
  });

  it('takes a name over the nickname inside it, and a family named as one', () => {
    expect(found("The service for Kwabena 'Kobby' Owusu-Ansah will be livestreamed.")).toEqual([
      "Kwabena 'Kobby' Owusu-Ansah",
    ]);
    expect(found("Van der Merwe (Jo'burg) SA ID 8705136708084")).toEqual(['Van der Merwe']);
    expect(found('Tea rota: the Okonjo family.')).toEqual(['Okonjo']);
    expect(found('Opzichter notitie: lekkage bij fam. El Idrissi, Maasboulevard 87-B')).toEqual([
      'El Idrissi',
    ]);
    expect(found('The Royal family visited the Science Museum.')).toEqual([]);
  });
});

describe('signatures', () => {
  it('takes the names alone at a message’s end, after its last sentence or a closing word', () => {
    expect(found('Hozz valami italt! Panni')).toEqual(['Panni']);
    expect(found('Flick me a text if you need anything. Summer x')).toEqual(['Summer']);
    expect(found("Please don't share outside the family, love Tolu & Erik")).toEqual(['Tolu', 'Erik']);
    expect(found('Um beijinho, Bia')).toEqual(['Bia']);
  });

  it('leaves goodbyes, thanks and places alone', () => {
    expect(found('Thanks! Bye')).toEqual([]);
    expect(found('On se voit demain. Merci')).toEqual([]);
    expect(found('See you at the station. London')).toEqual([]);
    expect(found('Call me back. Thanks x')).toEqual([]);
  });
});

describe('names in quotes', () => {
  it('takes a quoted name after words that give one', () => {
    expect(found("Third party gave his name as 'Johan' and his number as 082 617 4410.")).toEqual(['Johan']);
    expect(found("a man I know as 'Vlad' came in")).toEqual(['Vlad']);
    expect(found("Paid via MoMo, reference 'Abena Owusu'. Kindly deliver")).toEqual(['Abena Owusu']);
  });

  it('leaves quoted names of things alone', () => {
    expect(found('The Wi-Fi network is called "Clinic-Patients"; ask reception.')).toEqual([]);
    expect(found("Pay with reference 'INV-2291'.")).toEqual([]);
  });
});

describe('introductions in scripts without capitals', () => {
  it('reads the name after “my name is” and after kin', () => {
    expect(found('नमस्ते, मेरा नाम सुनीता वर्मा है। मेरे बेटे आरव का जन्म')).toEqual(['सुनीता वर्मा', 'आरव']);
    expect(found('ሰላም፣ ስሜ ሰላማዊት ተስፋዬ ነው።')).toEqual(['ሰላማዊት ተስፋዬ']);
    expect(found('جناب، میرا نام عائشہ عمران قریشی ہے، شناختی کارڈ')).toEqual(['عائشہ عمران قریشی']);
    expect(found('வணக்கம், என் பெயர் கார்த்திகேயன் முருகன். என்')).toEqual(['கார்த்திகேயன் முருகன்']);
    expect(found('माझ्या आईचं नाव सुमन देशपांडे, जन्मतारीख')).toEqual(['सुमन देशपांडे']);
  });

  it('not after a word that only looks like one (Hindi नाव is a boat)', () => {
    expect(found('हम नाव चलाना सीखेंगे')).toEqual([]);
  });
});

describe('English titles without a dot', () => {
  it('take an ordinary word as the surname after them, but not the few things named so', () => {
    expect(found('Caller: I want to book for my father, Mr Tan. Assistant: Can I')).toEqual(['Mr Tan']);
    expect(found('Mrs Baker said she paid already.')).toEqual(['Mrs Baker']);
    expect(found('A can of Dr Pepper, please.')).toEqual([]);
  });
});

describe('lower-case names after chat cues', () => {
  it('takes a word the lists know only as a given name after coach, uncle, cousin', () => {
    expect(found('pls return it to coach sarah')).toEqual(['sarah']);
    expect(found('someone text uncle bashir the address pls')).toEqual(['bashir']);
    expect(found('the coach will call, my uncle may come')).toEqual([]);
  });
});

describe('a capitalised name after little, baby, text or pay', () => {
  it('reads the child, the one to text and the one to pay', () => {
    expect(found('Pieter, Anri and little Sanet yes, Oupa Koos cannot travel')).toContain('Sanet');
    expect(found('lost cat near the park, please text Sadia on 07911 123 654')).toContain('Sadia');
    expect(found('Ref fees £40, pay Gaz before kick off.')).toContain('Gaz');
  });

  it('leaves ordinary capitalised words after them', () => {
    for (const text of [
      'a little Bit of help',
      'Little Italy is nice',
      'pay Day is Friday',
      'switch to Text Mode',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('sign-offs after a dash, Nordic and German greetings and closings', () => {
  it('reads the name', () => {
    expect(found('Is the bike still available? Text me on 604-555-0193. – Jaspreet')).toContain('Jaspreet');
    expect(found('Hei Kari, her er kontonummeret. Hilsen Håkon Strand, styreleder')).toContain(
      'Håkon Strand',
    );
    expect(found('Liebe Anneliese, herzlichen Glückwunsch nachträglich!')).toContain('Anneliese');
    expect(found('a ključ je kod gospođe Marić u prizemlju.').join(' ')).toContain('Marić');
  });
});

describe('team sheets and guest lists (round 18)', () => {
  it('reads an item after its position in capitals, and before a dash and a count', () => {
    expect(
      found('Netball team sheet — GS Ruta, GA Mele Fifita, WA Sione, C Losa, WD Grace T., GD Vika, GK Ana'),
    ).toEqual(expect.arrayContaining(['Sione', 'Losa', 'Vika']));
    expect(found('Attendees: Siosaia Taufa, Mele Fifita, Grace (minutes). Actions: none')).toContain('Grace');
    expect(found('RSVP list: Ananya & Rohit Malhotra – 2, Sneha – 1, Priyanka – 3')).toEqual(
      expect.arrayContaining(['Sneha', 'Priyanka']),
    );
  });
});

describe('self-introductions and lower-case names after a request (round 18)', () => {
  it('takes a name after Spanish, Portuguese and Russian "I am" / "this is", not the greeting before it', () => {
    expect(found('Hola, soy Jacinto, del taller.')).toEqual(['Jacinto']);
    expect(found('Привет, это Рустам, переведи на карту')).toEqual(['Рустам']);
    expect(found('Buenas, soy Camila de la clínica')).toEqual(['Camila']);
    expect(found('Soy Sauce and soy Milk on the list')).toEqual([]);
  });

  it('takes a lower-case given name after ask, tell, ping, remind or said', () => {
    expect(found('lol ask priya she has the spare keys')).toEqual(['priya']);
    expect(found('ok so mika said tomasz is driving')).toEqual(['mika', 'tomasz']);
    expect(found('ask around if anyone has the keys; tell everyone')).toEqual([]);
    // A capitalised handle after `@`, even a name that is also a word (`pilar`, a pillar).
    expect(found('@Pilar ¿tienes el token de la API?')).toEqual(['Pilar']);
    expect(found('@Here is the summary, @Support please check')).toEqual([]);
  });
});
