import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';
import { lowerCaseNames } from './name-lower.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('senders of an exported chat (round 14)', () => {
  it('reads the sender after a WhatsApp stamp of date and time, whatever the word', () => {
    expect(found('[13/03/25, 22:47] Faith: booked the cottage, see you Friday')).toEqual(['Faith']);
    expect(found('[14/03/25, 07:02] sunday: who is saying grace this Sunday?')).toEqual(['sunday']);
    expect(found('05/04/2025, 20:12 - Destiny: happy Easter fam!!')).toEqual(['Destiny']);
  });

  it("reads Slack's copied sender before two spaces and the time", () => {
    expect(found('sana  10:42 AM  the staging creds are in 1Password\nmarco  10:44 AM  too late')).toEqual([
      'sana',
      'marco',
    ]);
  });

  it('leaves family roles, groups, bots and log lines alone', () => {
    expect(found('[05/04/25, 20:15] Dad: the traffic on the M25 is insane')).toEqual([]);
    expect(found('[10/04/25, 08:00] Team Lagos: standup moved to 9:30')).toEqual([]);
    expect(found('Slackbot  9:00 AM  Reminder: submit your timesheets')).toEqual([]);
    expect(found('[2026-03-02 09:14:07] ERROR auth.service: login failed')).toEqual([]);
  });
});

describe('holiday greetings and pets (round 14)', () => {
  it('finds no one in holiday greetings of many languages', () => {
    expect(found('Ramadan Mubarak cards for the neighbours, and Joyeux Noël to all.')).toEqual([]);
    expect(found('Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin.')).toEqual([]);
    expect(found('Maligayang Pasko! See you at Simbang Gabi. Barka da Sallah!')).toEqual([]);
  });

  it("finds no one in a pet's name, but the owner", () => {
    expect(found("I'm Summer, dog mum to a Staffy called Biscuit.")).not.toContain('Biscuit');
    expect(found('Our cat named Domino belongs to Ngozi Adeyemi.')).toEqual(['Ngozi Adeyemi']);
  });
});

describe('names in lower case after words that introduce a person (round 14)', () => {
  it('reads a listed given name after a possessive and a family word, or called and soy', () => {
    expect(found('dear dr mbeki, my son lwazi has had a rash for a week')).toEqual(['mbeki', 'lwazi']);
    expect(found('soy rocío valdivia, mi hijo thiago nació en 2017')).toEqual(['rocío valdivia', 'thiago']);
    expect(found('called nomvula re the rent')).toEqual(['nomvula']);
  });

  it('reads a listed given name standing alone after the last sentence as a sign-off', () => {
    expect(found('can we get an appointment? sibusiso')).toEqual(['sibusiso']);
  });

  it('leaves ordinary words, pronouns and unlisted words after weak cues alone', () => {
    expect(found('my son will call back tomorrow')).toEqual([]);
    expect(found('Não, com a filha dela, ok?')).toEqual([]);
    expect(found('pour son mari, merci')).toEqual([]);
    expect(found('called back later. thanks')).toEqual([]);
  });
});

describe('things named like people (round 14)', () => {
  it('finds no one in institutions, prizes, saints, squares and medicines of more languages', () => {
    expect(
      found("L'ospedale San Raffaele e il Policlinico Gemelli aderiscono; premiazione del Premio Strega."),
    ).toEqual([]);
    expect(found('Colegiul Național Mihai Viteazul organizează campania în Piața Unirii.')).toEqual([]);
    expect(found('RS Cipto Mangunkusumo buka layanan vaksin setiap Sabtu.')).toEqual([]);
    expect(
      found('Apap, Ibuprom i Paracetamol dostępne bez recepty; Voltaren Schmerzgel nicht mit Aspirin.'),
    ).toEqual([]);
    expect(found('The seminar is in the Sir Alexander Fleming Building, room 3.14.')).toEqual([]);
  });

  it('reads long German nouns by their endings as no names, but not a Cantonese given name', () => {
    expect(found('Anmeldung Kita Sonnenschein: Kind Mila Nowak, geb. 2021')).toEqual(['Mila Nowak']);
    expect(found('Schadensmeldung Kfz: Fahrer Konstantin Richter')).toEqual(['Konstantin Richter']);
    expect(found('Neues WLAN-Passwort für die Praxis')).toEqual([]);
    expect(found('Please call Leung Siu-fung tomorrow.')).toEqual(['Leung Siu-fung']);
  });

  it('finds no one in eponymous diseases, a month before a year or a place field', () => {
    expect(found("Diagnosis: Gilbert's syndrome; ?early Parkinson's disease; bei Morbus Bechterew.")).toEqual(
      [],
    );
    expect(found('Invoice to Mrs Nakamura-Lee for Hana, June 2025: 3 days a week')).toEqual([
      'Mrs Nakamura-Lee',
      'Hana',
    ]);
    expect(found('Name: AMPONSAH Yaw Boateng | Region: Ashanti')).not.toContain('Ashanti');
  });

  it("reads no French field label before ' :', nor a word of a template's placeholder as a cue", () => {
    expect(found('— Né le : 03/05/2022 — Tél : 06 48 21 77 93 — Titulaire : M. Jean Dupont')).toEqual([
      'M. Jean Dupont',
    ]);
    expect(found('Default router login: username admin, password printed on the sticker.')).toEqual([]);
  });
});

describe('more case endings (round 14)', () => {
  it('reads Polish, Romanian, Hungarian, Finnish and Russian names with their case endings', () => {
    expect(found('Przekaż Agnieszce, że spotkanie przeniesiono, a Kasi wyślij adres.')).toEqual([
      'Agnieszce',
      'Kasi',
    ]);
    expect(found('Rozmawiałam wczoraj z Michałem o wynajmie.')).toEqual(['Michałem']);
    expect(found('I-am spus că mașina Ioanei trebuie mutată.')).toEqual(['Ioanei']);
    expect(found('Holnap Péterrel megyünk a Balatonra.')).toEqual(['Péterrel']);
    expect(found('Terveisiä Sannalta! Auto on parkkihallissa.')).toEqual(['Sannalta']);
    expect(found('Она просила передать Игорю свой СНИЛС.')).toEqual(['Игорю']);
  });

  it('still reads a Polish verb in the first person past as no name', () => {
    expect(found('Dałem znać wczoraj, Przekazałem dokumenty.')).toEqual([]);
  });
});

describe('landmarks, leads before a particle, dates and more titles (round 14)', () => {
  it('reads a lead before a lower-case particle, and landmark nouns with a case ending', () => {
    expect(found('Dîner au Café de Flore, puis le train de la Gare du Nord.')).toEqual([]);
    expect(found("Maç Tüpraş Stadyumu'nda, bilet Rose Cottage'da.")).toEqual([]);
    expect(found('Ajax speelt om 16:45 in de Johan Cruijff ArenA.')).toEqual([]);
  });

  it('reads a month after a day as a date', () => {
    expect(found('HMS Victory at Portsmouth on 15 May, coach leaves 8am.')).toEqual([]);
  });

  it('reads names after Tagalog and Tamil titles', () => {
    expect(found('Magandang araw po, Gng. Santos.')).toEqual(['Gng. Santos']);
    expect(found('அன்புள்ள திருமதி லட்சுமி, உங்கள் மகள் பள்ளி')).toEqual(['லட்சுமி']);
  });
});

describe('runs after a lead word and a Chinese name before its ID (round 14)', () => {
  it('reads a lead run on over lower-case particles', () => {
    expect(found('I want to Gift Aid my donation to the Society of Saint Vincent de Paul.')).toEqual([]);
  });

  it("reads a name before 's, an ordinal and a life event", () => {
    expect(found("You're invited to Aanya's 5th birthday! Sat 3 May, 2pm")).toEqual(['Aanya']);
    expect(found('Come to Tendai’s wedding on Saturday')).toEqual(['Tendai']);
  });

  it("reads an identity number's acronym in capitals as no name (NINO), but the name before it", () => {
    expect(found('Self assessment 2024-25, name Olamide Bankole, NINO AB 44 17 29 D')).toEqual([
      'Olamide Bankole',
    ]);
  });

  it('reads a Chinese name before a space and an identity-card label', () => {
    expect(found('王小明 身份证号 110105198507031148')).toEqual(['王小明']);
  });
});

describe('lower-case names addressed in chat', () => {
  const lower = (text: string) =>
    lowerCaseNames(text, lexicon).map((span) => text.slice(span.start, span.end));

  it('reads a name after a greeting (also one the lists know as a surname), a chat app label or an @', () => {
    expect(found('Slack DM: hey rashid the jenkins token is in the vault')).toEqual(['rashid']);
    expect(lower('Slack: priyanka are you joining the retro?')).toEqual(['priyanka']);
    expect(lower('@sana the wifi pw for the meeting room is on the board')).toEqual(['sana']);
  });

  it('leaves greetings to no one, groups and e-mail addresses', () => {
    expect(lower('hi there, thanks mate')).toEqual([]);
    expect(lower('@here @oncall the build is red')).toEqual([]);
    expect(lower('write to ops@rashid.dev')).toEqual([]);
  });
});

describe('lower-case names introduced in chat or after a title', () => {
  const lower = (text: string) =>
    lowerCaseNames(text, lexicon).map((span) => text.slice(span.start, span.end));

  it("reads `it's kavya`, `mr okeke`", () => {
    expect(lower("Hotel chat: hey it's kavya in 1208, the key card stopped working")).toEqual(['kavya']);
    expect(lower('pharm tech note: mr okeke rang again re insulin pens')).toEqual(['okeke']);
    expect(lower('send am to my acct, name na chiamaka okafor')).toEqual(['chiamaka okafor']);
    expect(lower('said her ex themba still has the login')).toEqual(['themba']);
  });

  it("leaves `it's fine`, `this is great`, `mr bean`", () => {
    expect(lower("it's fine, its over, this is great, sono stanco")).toEqual([]);
    expect(lower('mr bean is funny')).toEqual([]);
  });
});

describe('an unlisted name after a self-introduction, closed by a comma', () => {
  const lower = (text: string) =>
    lowerCaseNames(text, lexicon).map((span) => text.slice(span.start, span.end));

  it('reads `hey its farhan,` but not a number read out', () => {
    expect(lower('hey its farhan, new num save it pls')).toEqual(['farhan']);
    expect(lower("it's oh-seven-nine-one-one, two-six-four")).toEqual([]);
  });
});
