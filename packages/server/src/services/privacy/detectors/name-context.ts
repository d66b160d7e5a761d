import { FIELDS_IN_CAPITALISED_SCRIPTS, ROLES_IN_CAPITALISED_SCRIPTS } from './name-roles.js';

/** Context words and patterns for the person-name detector. */

export const HONORIFICS = new Set(
  `mr mrs ms miss mx dr prof sir dame lady lord herr frau fräulein monsieur mme mlle madame mademoiselle m señor señora señorita
sr sra srta don doña dona sig signor signora signorina sgr pan pani senhor senhora sayın bay bayan hr fru mevrouw meneer heer dhr mevr
br sheikh shaikh sayyid hajji bw bwana bi commodore admiral colonel shri sri smt md mohd muhd mister captain capt officer detective sgt sergeant inspector
judge pc dci dsi pcso constable cllr councillor lt col maj cpl rev revd reverend pastor imam rabbi dottore dottoressa dottor avvocato eng
avvocata ingegnere professore professoressa dña
κ κος κα κύριος κύριε κυρία κυρ gng ginang ginoo binibini atty engr hon fr dj dott dottssa profssa sigra signa avv avvta ing geom gospodine gospodin gospođo gospođa gospođe gospodina gospodinu doamna doamnei domnul domnule dna dl pán paní panu pane puan encik tuan cik datuk dato datin haji hajah ọgbẹ́ni ogbeni arábìnrin alhaji alhaja mallam malam bwana mzee panią panem pana пан пане пані господин госпожа господине`
    .split(/\s+/)
    .filter(Boolean),
);
export const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'binti',
  'bint',
  // Filipino: `Maricel Dela Cruz`, `Jose delos Santos`.
  'dela',
  'delos',
  'ibn',
  'al',
  'el',
  'zu',
  "d'",
  'mac',
  'ó',
  'ní',
  'nic',
  'ua',
  'ben',
  'bat',
  // Catalan `i`, Spanish `y` and Portuguese `e` between two family names (`Jordi Puig i Serra`,
  // `Ortega y Gasset`, `João Pedro de Souza e Silva`).
  'i',
  'y',
  'e',
  // Māori `Te` (`Aroha Te Whata`), Italian `Lo` (`Rosaria Lo Presti`).
  'te',
  'lo',
  'abu',
  // Kalenjin `arap` (son of): `Joseph Kiprono arap Sang`; the `Ah` of Hokkien and Cantonese given names in Singapore and
  // Malaysia, and of Samoan names (`Tan Ah Kow`, `Pita Ah Kuoi`).
  'arap',
  'ah',
  // South Asian connectors inside a name (`Noor ul Ain`, `Zia ur Rehman`, `Salah ud Din`).
  'ul',
  'ur',
  'ud',
  'un',
  // Welsh `ap`/`ab` (son of) and `ferch` (daughter of): `Dylan ap Rhys`, `Gwen ferch Ifan`.
  'ap',
  'ab',
  'ferch',
]);
export const EAST_ASIAN_FAMILY = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao
peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu
fang bai zou meng xiong qin qiu hou yin xue yan duan lei long mao hao gu gong shao wan qian kim lee park choi jung jeong kang cho
yoon jang lim oh seo shin kwon hwang ahn jeon hong yoo moon son bae baek nam nguyen tran le pham hoang huynh phan vu vo dang bui
do ngo duong truong`.split(/\s+/),
);
export const VIETNAMESE_MIDDLE = new Set(
  'van thi duc ngoc thanh quoc huu minh hoang xuan kim cong dinh'.split(' '),
);
/** Names that are first of all places: alone they are the place. */
export const PLACE_NAMES = new Set(
  `sydney paris florence victoria georgia adelaide carolina virginia madison charlotte regina chelsea brooklyn dallas houston
phoenix austin jordan london india china denver tyler lincoln washington milan orlando savannah lourdes roma santiago aurora
florida dakota israel kenya heathrow gatwick stansted schiphol berlin vienna chad wien münchen köln zürich genève geneve praha warszawa kraków lisboa napoli
milano firenze venezia torino bruxelles brussel antwerpen liège københavn göteborg moskva beograd bucurești athína`.split(
    /\s+/,
  ),
);
/** Institutions whose names read like a person's (`Kaiser Permanente`, `Johns Hopkins`): a place, never a person. */
export const INSTITUTION_NAMES = [
  'kaiser permanente',
  'johns hopkins',
  'mount sinai',
  'cedars sinai',
  'cedars-sinai',
  'mayo clinic',
  'sloan kettering',
  'md anderson',
  'sutter health',
  'brigham and women',
  'guy and st thomas',
  'walgreens',
  'rite aid',
  'lloyds pharmacy',
  'boots pharmacy',
  'sri lankan',
  // Brands, firms and days named after people (a person's name in them names no one present).
  ...`calvin klein|tommy hilfiger|louis vuitton|ralph lauren|hugo boss|giorgio armani|christian dior|estée lauder
|ted baker|kate spade|michael kors|tory burch|jimmy choo|vera wang|carolina herrera|stella mccartney|christian louboutin
|salvatore ferragamo|yves saint|jack daniel|jack daniels|jack daniel's|johnnie walker|jim beam|sam adams|estrella galicia
|albert heijn|marks spencer|dr martens|dr pepper|mr muscle|mr clean|marie curie|martin luther|ronald mcdonald|tim hortons
|sara lee|betty crocker|uncle ben|uncle ben's|fred perry|ben sherman|jack wills|harley davidson|harley-davidson|rolls royce
|rolls-royce|aston martin|walt disney|wells fargo|charles schwab|merrill lynch|goldman sachs|morgan stanley|dow jones
|johnson matthey|van houten|douwe egberts|easter monday|día de muertos|día de|eid mubarak|eid al-fitr|eid al-adha|hari raya
|diwali|deepavali|boże ciało|wesołych świąt|bożego narodzenia|chinese new|lunar new|rosh hashanah|yom kippur|hanukkah
|songkran|navratri|durga puja|raksha bandhan|nowruz|ramazan bayramı|kurban bayramı|cumhuriyet bayramı|waitangi day
|anzac day|freedom day|heritage day|juneteenth|kwanzaa|sinterklaas|koningsdag|fête nationale|semana santa|fiestas patrias
|christmas eve|christmas day|new year|carnaval|carnival|galeries lafayette|rumah sakit|paris saint-germain|mercedes benz|mercedes-benz|ben jerry|ben jerry's
|harry potter|mario kart|super mario|kit kat|william hill|zara home|marriott marquis|paul smith|alexander mcqueen|peppa pig
|hello kitty|mickey mouse|minnie mouse|winnie the pooh|james bond|sherlock holmes|colonel sanders|dr oetker|mrs ball|mrs ball's
|john lewis|marks and spencer|victoria's secret|levi strauss|max factor|elizabeth arden|yves rocher|coco chanel|dolce gabbana
|gianni versace|karl lagerfeld|jean paul gaultier|paco rabanne|oscar de la renta|donna karan|marc jacobs|enzo ferrari
|chivas regal|jose cuervo|captain morgan|sailor jerry|john deere|black decker|ritz carlton|thomas cook|jack wolfskin
|helly hansen|trader joe's|carl's jr|little debbie|duncan hines|chef boyardee|famous amos|ruby tuesday|warner bros
|john hancock|charles tyrwhitt|ouma rusks|tommy bahama|anne klein|ferrari|lamborghini|mclaren|porsche|heinz|cadbury|dangote
|bunnings|greggs|nando's|mcdonald's|jameson|glenfiddich|pokémon|pokemon|stan smith|air jordan|hermès|cartier|dior
|balenciaga|givenchy|lacoste|mcdonald|domino|ferrero rocher|samsonite|túró rudi|jack russell|sauti sol|tim horton
|gift aid|queen elizabeth hall|king's gallery`
    .split(/\n?\|/)
    .map((name) => name.trim()),
  // Medicines, by brand and by substance (`Voltaren Schmerzgel`, `Apap, Ibuprom i Paracetamol`).
  ...`paracetamol acetaminophen ibuprofen ibuprom ibuflam apap aspirin aspirine polopiryna voltaren voltarol diclofenac
naproxen nurofen panadol panado tylenol advil anadin solpadeine cuprofen calpol doliprane dafalgan efferalgan spasfon
smecta buscopan novalgin metamizol nimesil grippostad thomapyrin iberogast sinupret mucosolvan bepanthen fenistil
crocin dolo combiflam saridon disprin codeine tramadol amoxicillin augmentin metformin levothyroxine omeprazole
lansoprazole nexium losec gaviscon rennie strepsils piriton benadryl sudafed lemsip beechams ventolin salbutamol seretide
symbicort flixotide epipen insulin lantus novorapid humalog ritalin concerta adderall zoloft sertraline citalopram
fluoxetine prozac amlodipine ramipril lisinopril atorvastatin simvastatin lipitor crestor warfarin clexane heparin
prednisolone prednisone eliquis xarelto plavix ozempic wegovy mounjaro viagra cialis imodium claritin zyrtec cetirizine
loratadine xanax valium diazepam theraflu coldrex fervex rutinoscorbin`.split(/\s+/),
];
/**
 * Words after which capitalised words name a saint's place, a mountain, a street or an institution,
 * not a person: `St. Thomas' Hospital`, `San Pablo`, `Mount Sinai`, `Farmacia Guadalupe`, `Avenida Juárez`.
 */
export const INSTITUTION_LEADS = new Set(
  `aéroport flughafen toyota nissan kia hyundai perodua proton mazda chevrolet volkswagen renault peugeot citroën
mercedes-benz fiat škoda skoda seat cupra opel dacia lada lexus volvo tesla subaru mitsubishi audi bmw porsche jeep geely chery tata mahindra bridgestone pirelli michelin goodyear dunlop yokohama hankook st saint sainte san santa santo são sao rondo rondzie ulica ulicy plac placu aleja alei osiedle náměstí nábřeží ulice trg mount mt fort farmacia farmácia pharmacy pharmacie apotheke drogaria droguería
drogueria clínica clinica klinik clinique hospital hôpital ospedale hotel hôtel universidad universidade université università
port stade estadio stadio estádio stadion corso bulevar bulvar heol stryd ffordd ecole école escola scuola liceo lycée szkoła
szpital nemocnice imienia edificio torre terminal avda raum room sala salle zaal
universität colegio escuela instituto institut banco banque avenida avenue calle rua rue via viale piazza plaza paseo
boulevard estación estação aeropuerto aeroporto parque museo musée teatro iglesia igreja église chiesa kirche stiftung
fundación fondation jalan jl jln lorong soi thanon đường phố ngõ universiti trattoria ristorante pizzeria osteria gasthof
gasthaus restaurant café cafe bistro taverna warung masjid bulevardul strada calea rruga spitali spitalul ulitsa улица
вулиця проспект бульвар площадь площа набережная οδός λεωφόρος πλατεία hospitali barabara mtaa òpópónà carrer avinguda
plaça passeig bệnh viện hastanesi gatve prospektas iela tänav policlinico poliklinika colegiul liceul universitatea școala
scoala premio prix prêmio gare sankt rs rsud rsup stadionie stadionu piața piata άγιος άγιο αγίου αγία αγίας agios agia`.split(
    /\s+/,
  ),
);
/**
 * After a name, these (perhaps after `International`, `Memorial` …) make it a landmark's, a road's or an
 * award's name (`Ninoy Aquino International Airport`, `Marcos Highway`, `Ramon Magsaysay Award`).
 */
export const LANDMARK_NOUNS = new Set(
  `street road avenue boulevard highway expressway freeway motorway interchange airport terminal hospital university
award prize memorial stadium station bridge centrale centraal hauptbahnhof bahnhof gare estación estação stazione
foundation institute trust analytics havalimanı havaalanı bayramı köprüsü stadyumu hastanesi üniversitesi meydanı maidan
chowk marg nagar caddesi sokak sokağı bulvarı mahallesi ko'chasi kalea etorbidea hiribidea building cottage arena`.split(
    /\s+/,
  ),
);
/**
 * Landmark nouns written in lower case after the name (Hungarian `Margit híd`, `Kossuth utca`; Turkish
 * `Atatürk caddesi`; Polish `Kościuszki ulica`; Swedish `Drottning gatan`). Not Czech/Polish `most` (bridge),
 * an English word.
 */
export const LOWER_CASE_LANDMARK_NOUNS = new Set(
  'híd utca út tér körút sokak sokağı caddesi cadde köprüsü bulvarı ulica ulice náměstí gatan vägen building wing campus grounds stadium airport'.split(
    ' ',
  ),
);
/** Landmark nouns that are also surnames (`John Hall`, `Jenny Park`): a landmark only after a name of two words or more. */
export const LANDMARK_NOUNS_AFTER_FULL_NAME = new Set(
  'park hall bay square gardens school college centre center museum market tower towers way lane drive crescent close'.split(
    ' ',
  ),
);
/** Capitalised words that follow a name-like word in place names (`Victoria Station`), never surnames. */
export const PLACE_NOUNS = new Set(
  `station centrale centraal hauptbahnhof bahnhof gare estación estação stazione street st road rd way crescent avenue ave lane drive square park bridge airport harbour harbor river lake mountain mount city county
university college school hospital clinic hotel opera house tower hall center centre church cathedral museum stadium arena mall
market line bay beach island asa ab oy oyj aps srl spa sarl kft sro tekstil ticaret sanayi inşaat valley falls heights gardens garden terminal port state province district company inc ltd gmbh corp
group team club cup street strasse straße platz weg allee rue avenue calle plaza via piazza east west north south central
international airport day night period consultancy consulting services solutions systems technologies technology holdings
partners associates logistics bank insurance foods motors airways airlines telecom pharma labs health healthcare limited plc
llc ag bv nv sa co clinic clinics ventures capital industries enterprises agency studios media energy universidad
universidade université università universität universiteit instituto institut istituto hospital hôpital ospedale
krankenhaus ziekenhuis banco banque banca ministerio ministère ministero colegio escuela école scuola schule museo musée
teatro théâtre iglesia église chiesa kirche stiftung fundación fondation highway expressway freeway motorway interchange
award prize memorial termini academy academies akademie académie accademia academia institute foundation society
association federation council committee ministry faculty polytechnic conservatory kindergarten nursery preschool lyceum lycée`.split(
    /\s+/,
  ),
);
export const DETERMINERS = new Set(
  'the a an this that these those our your my his her their its der die das den dem des ein eine le la les un une el los las il lo gli una'.split(
    ' ',
  ),
);
/** Verbs only people do: a lone ambiguous name before one is a person (`Jordan said`). */
export const SPEECH_VERBS = new Set(
  `said says wrote writes asked asks told tells replied replies called emailed texted mentioned agreed signed approved joined met`.split(
    /\s+/,
  ),
);
/** Verbs only a person does: after them even a given name that is a place is a person (`Paris booked the flights`). */
export const PERSON_ONLY_VERBS = new Set([
  ...SPEECH_VERBS,
  ...'booked drove phoned rang messaged resigned reckons'.split(' '),
]);
/** Verbs that make a lone ambiguous name at a sentence start a person (`Mark will`). */
export const PERSON_VERBS = new Set([
  ...SPEECH_VERBS,
  ...`sent thinks thought wants needs will would can could should has had was phoned rang messaged confirmed cancelled drove
brings flew
booked paid dropped picked covered swapped resigned arrived reckons swallowed cried vomited coughed sneezed woke texted emailed graduated isn't wasn't won't can't`.split(
    /\s+/,
  ),
]);
export const PINYIN_LIKE =
  /^(?:(?:zh|ch|sh|[bcdfghjklmnpqrstwxyz])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|ei|ia|ie|in|iu|ou|ua|uo|ui|un|an|en|er|a|e|i|o|u|ü)){1,2}$/;
export const KOREAN_GIVEN = /^[A-Z][a-z]{1,5}-[a-z]{2,5}$/;
/** Vietnamese family names (without their diacritics): after one, given-name syllables of any Vietnamese shape follow. */
export const VIETNAMESE_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong truong ly ho dinh trinh mai luong lam'.split(
    ' ',
  ),
);
/** One Vietnamese syllable, its diacritics taken off (`Thu`, `Trang`, `Khanh`, `Nghia`). */
export const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$/;

/**
 * Kinship and courtesy titles that stand before a given name in many languages and are not part of
 * it (`Ate Marites`, `Kuya Jomar`, `Aling Nena`, `Oma Gerda`, `Bu Ratna`, `Datuk Rosli`, `bác Tư`, `la licenciada
 * Reyes`, `Auntie Lou`): like `my colleague …`, they say a person follows. (Those that are also given
 * names, `Lola`, or ordinary words in another language, Portuguese `em`, are left out.)
 */
const KINSHIP_TITLES = `ate kuya manang manong aling mang tita tito ninang ninong oma opa tante onkel nonna nonno abuela abuelo tía tío
tia tio zia zio babcia dziadek ciocia wujek auntie aunty uncle bu ibu pak bapak mbak kak kakak datuk dato datin puan encik
cik haji hajah bác chị cô chú ông bà nong khun apa appa amma bhai bhaiya didi dadi nani baji licenciada licenciado
ingeniera ingeniero doutor doutora mzee mwalimu ndugu kay si ammi abbu ammu`;
/**
 * Family members as a chat calls them instead of by name (`[07:07] Gogo: …`, `Мама: …`): never a name alone
 * (the fixtures' rule: a bare kinship word is no PERSON). Those that are also given names (`Lola`, `Anne`) are left out.
 */
export const BARE_KINSHIP = new Set(
  `${KINSHIP_TITLES} mama mamá maman mami mamita mamma mom mum mummy mommy papa papá papi papà dad daddy abuelita
abuelito vovó vovô avó avô oma opa omi opi gogo mkhulu babcia dziadek mak ayah bunda ummi umma amma ammi abba ээж аав
мама папа бабушка дедушка бабуля дедуля бабуся дідусь tinā tamā nene dede anneanne babaanne dedem hooyo aabo ayeeyo awoowe nani dadi`.split(
    /\s+/,
  ),
);
/** Greetings and thanks in other languages, before the person greeted (`Hola Caro`, `Selam Hanna`). */
const GREETING_WORDS = `hola halo selam salam salaam molo talofa aloha marhaba ciao salut bonjour hallo hej moin olá valeu
obrigado obrigada gracias merci danke grazie salamat kumusta namaste sawubona habari moien bonjou bula salom tere moi
hei oi servus pozdrav zdravo ahoj labas sveiki pozdrawiam saludos cumprimentos atenciosamente cordialement groeten
hälsningar terveisin hilsen kveðja kæri kæra liebe lieber liebes hujambo привет привіт прывітанне здравствуйте здравствуй вітаю сәлем сәлеметсіз салом γεια χαίρετε`;

/** Words right before a name that say a person follows: `Dear …`, `Thanks, …`, `my colleague …`. */
export const PERSON_BEFORE = new Set(
  `dear hi hello hey hiya thanks thank thx cheers regards sincerely greetings welcome congratulations congrats bye goodbye
attn attention cc bcc contact ask asked tell told ping pinged called named met meet emailed texted phoned rang thank
sponsor guarantor referee declarant claimant complainant plaintiff accused suspect victim witness
pelapor pemohon penerima penanggung mlalamikaji mshtakiwa mlalamikiwa shahidi mwombaji mdai
colleague colleagues manager engineer technician tech agent assistant husband wife son daughter mother father mom mum dad
brother sister boss friend partner neighbour neighbor landlord landlady tenant driver customer client patient caller doctor
nurse director ceo cto cfo coo founder owner lead supervisor rep representative teammate intern cousin uncle aunt niece
nephew grandmother grandfather grandma grandpa fiancé fiancée girlfriend boyfriend user member student teacher lawyer
accountant consultant contractor courier plumber electrician officer admin administrator developer designer analyst buyer
seller vendor guest visitor applicant candidate employee staff coach tutor secretary receptionist chairman chairwoman chair
president vp head chief name surname forename nombre apellidos vorname nachname prénom nome sobrenome chase assignee reporter requester holder beneficiary payee recipient sender author signatory
attendees attendee invitees participants panelists panellists speakers presenters organiser organizer née
geb geborene nacida nascida
passenger resident homeowner mr mrs ms pt pts destinatário destinataire empfänger ontvanger recipient addressee
consignee rider courier tenant landlord kurir kurye mensajero livreur cust lvm khách
halter halterin fahrer fahrerin kunde kundin patientin inhaber inhaberin mieter mieterin ansprechpartner ansprechpartnerin
kierowca klient klientka pacjent pacjentka opiekun sürücü müşteri hasta chauffeur conducteur conductor conductora condutor
motorista cliente paciente titular locataire propriétaire ασθενής πελάτης πελάτισσα οδηγός
estudiante alumno alumna aluno aluna élève mãe pai dona entregador chofer fournisseur proveedor bénéficiaire beneficiário repartidor lui
nok abrazo abrazos besos cordialmente atentamente bisous bises cordialement grüße gruß pozdrawiam groetjes
cumprimentos abraços beijos saludos filha filho esposa esposo marido irmã irmão hija hijo hermana hermano fille fils épouse époux sœur frère figlia figlio moglie marito
sorella fratello tochter sohn ehefrau ehemann schwester bruder dochter zoon echtgenote echtgenoot zus broer córka syn żona mąż
siostra brat dcera manželka manžel beneficiaria beneficiario
little baby piccolo piccola pequeño pequeña pequenino pequenina kleine kleiner petit petite text pay
${KINSHIP_TITLES} ${GREETING_WORDS} ${ROLES_IN_CAPITALISED_SCRIPTS.join(' ')}`
    .split(/\s+/)
    .filter(Boolean),
);
/** Forms and requests a name follows after a colon, though no person: `Visa: …`, `Ticket: …`. */
export const FIELDS_BEFORE_NAME = new Set(FIELDS_IN_CAPITALISED_SCRIPTS);
/** Roles in Cyrillic and Somali before a colon: a name follows, though the lists call it also a word. */
export const ROLES_BEFORE_COLON = new Set(ROLES_IN_CAPITALISED_SCRIPTS);
/** Two-word cues before a name: `spoke with …`, `this is …`, `sent by …`. */
export const PERSON_BEFORE_PAIRS = new Set(
  `spoke with|spoke to|speak with|speak to|speaking with|speaking to|talked to|talked with|talk to|met with|meeting with|
call with|chat with|email from|e-mail from|message from|note from|call from|calls from|sent by|signed by|approved by|confirmed by|
referred by|reported by|raised by|opened by|submitted by|assigned to|reassigned to|escalated to|escalated by|forwarded by|
forwarded to|behalf of|attention of|care of|name is|this is|it is|i am|i'm|it's|its|am i|thanks to|according to|handed to|
handed over to|passed to|transferred to|replied to|wrote to|talking to|talking with|hand over to|pass on to|thank you|speaking to|you're speaking|logged by|signed by|completed by|collected by|delivered to|addressed to|the late|first name|given name|goes by|calls her|calls him|known as|statement of|affidavit of|surname is|last name is|family name is|first name is|vm for|voicemail for|message for|spoke w/|kia ora|asante sana|ngā mihi|nga mihi|mālō e|malo e|joined by|
apologies from|ask for|asking for|call w/|mtg w/|meeting w/|met w/|chat w/|loop in|intestato a|intestata a|nombre de|nom de|nome de|na imię|на имя|hosted by|presented by|interviewed by|chaired by|led by|booked by|booking under|reserved under|booked under|
je suis|ich bin|ik ben|mi chiamo|me llamo|jestem|é a|é o|c'est|c’est|aquí es|aqui é|sono io|soy yo`
    .split(/\|\s*/)
    .filter(Boolean),
);
/**
 * `soy Jacinto`, `sou a Thaís`, `это Рустам`: "I am", "this is" before a name. Cues before a name only: after a
 * name and a comma they would make a greeting one (`Buenas, soy Camila`).
 */
export const SELF_INTRODUCTIONS = new Set(['soy', 'sou', 'это']);
/** Weaker cues: a name after them needs a second clue (another name-like word or a name shape). */
export const WEAK_BEFORE = new Set('by for with from to cc via'.split(' '));
/** Before these, a capitalised word names a place or a thing (`in Lekki`, `the Minato office`). */
export const NOT_PERSON_BEFORE = new Set(
  `in at near into onto across around outside inside of on towards toward via within the a an this that these those our
your their its every each`.split(/\s+/),
);
/** After a name: verbs and phrases only people go with (`… confirmed`, `… from finance`). */
export const PERSON_AFTER = new Set(
  `said says asked asks told tells replied replies wrote writes called calls emailed texted phoned rang pinged mentioned
mentions confirmed confirms agreed agrees approved approves signed signs joined joins met wants wanted needs needed prefers
preferred promised promises complained complains requested requests reported thinks thought explained explains suggested
suggests noted notes added answered responded insisted claims claimed handles handled sent sends decided decides declined
refused accepted accepts apologised apologized believes believed feels felt knows knew recommended recommends advised
left arrived visited visits booked booked paid pays owes owed reviewed reviews signed forwarded shared asked writes
speaking here сказал сказала сказав просил просила просив попросил попросила написал написала написав звонил звонила
дзвонив дзвонила приехал приехала приїхав приїхала пришёл пришла прийшов прийшла`.split(/\s+/),
);
/** After `…'s`: things and people that belong to a person (`Nnamdi's account`, `Kofi's wife`). */
export const PERSONAL_POSSESSIONS = new Set(
  `wife husband son daughter mother father mom mum dad brother sister boss friend partner team manager assistant account
laptop phone iphone ipad galaxy pixel macbook email e-mail note notes request requests office desk number address birthday car house flat family kids
children colleague colleagues profile password login calendar ticket order invoice home router mobile cell charger
passport licence license visa salary payslip scans signature mailbox inbox appointment flight booking room album
photo photos pictures wedding funeral graduation christening baptism retirement anniversary quinceañera
blood test tests results scan x-ray diagnosis prescription medication meds surgery operation therapist doctor gp dentist nurse
carer allergy allergies vaccination vaccine teacher tutor homework grades school classmates coach lawyer solicitor probation
parole bail caseworker rent lease pension payroll shift contract interview application`.split(/\s+/),
);
/** Honorific suffixes in romanised Japanese, Korean and Indian usage (`Sato-san`, `Ravi-ji`). */
export const HONORIFIC_SUFFIXES = new Set('san sama kun chan sensei senpai ji sahab saab ssi nim'.split(' '));
/** Header and field words of e-mails and forms in other languages (`Asunto: la factura del mes`). */
export const HEADER_WORDS = new Set(
  'fwd fw re cc bcc sehr tá conseiller conseillère asesor asesora atendente berater beraterin consulente operatore operador acme mtg cust appt mgr lvm acct dept qbr eod fyi tmrw pls asap inv pmt nok dsr gesproken nombre apellido apellidos prénom nome cognome imię nazwisko vorname nachname achternaam approver requester reviewer asunto betreff objet oggetto onderwerp assunto temat ämne emne aihe konu tárgy predmet subiect tema adjunto anhang tél né titulaire courriel'.split(
    ' ',
  ),
);
/**
 * Function words some languages capitalise: German polite `Sie`, `Ihr`, `Ihre`, `Bitte`, and `Meine` opening a turn;
 * Russian and Ukrainian pronouns opening a sentence (`Она просила …`).
 */
export const CAPITALISED_FUNCTION_WORDS = new Set(
  'sie ihr ihre ihren ihrem ihrer ihnen bitte euch mein meine meinen meinem meiner unser unsere unseren dein deine nací naci nasci nacido nascido não nao minha meu nossa nosso он она оно они мы вы ты він вона воно вони ми ви ти'.split(
    ' ',
  ),
);
/** Titles written as a word after the name (Turkish `Zeynep Hanım`, `Kemal abi`, `Murat Bey`): never a surname. */
export const TITLES_AFTER_NAME = new Set(
  'hanım hanim bey beyefendi hanımefendi hoca hocam abi abla efendi jauna jaunak jaunari andrea andreak andreari'.split(
    ' ',
  ),
);
/** Departments and roles that may follow `from` or sit in brackets after a name (`Ngozi from finance`). */
export const DEPARTMENTS = new Set(
  `finance billing sales support accounts accounting legal hr it ops operations marketing procurement purchasing logistics
engineering security facilities admin management reception dispatch compliance payroll recruitment recruiting hiring
customer service helpdesk it legal treasury research design product quality warehouse transport`.split(/\s+/),
);

/**
 * Words that name a business function or a service desk in several languages (`Klantenservice`,
 * `Atención al Cliente`, `Livraison`, `Follow-up`), and address fields (`Neue Anschrift:`):
 * capitalised as labels and headings, never a person.
 */
export const SERVICE_WORDS = new Set(
  `atendente agente operador operadora asesor asesora paciente entrevistador entrevistadora moderador moderadora
klantenservice klantendienst kundenservice kundendienst kundencenter kundenbetreuung atención cliente clientes servicio
soporte ventas facturación facturacion reclamaciones devoluciones envíos envios pedidos entrega livraison livraisons
commande commandes facture factures service clientèle clientele assistance réclamations retours expédition expedition
servizio clienti assistenza spedizione spedizioni atendimento suporte vendas entregas encomenda bestelling bestellingen
levering facturen retouren bestellung bestellungen lieferung versand rechnung rechnungen support helpdesk servicedesk
follow-up followup callback escalation onboarding offboarding billing invoicing dispatch returns refunds shipping
anschrift adresse lieferadresse rechnungsadresse postanschrift dirección direccion endereço indirizzo adres osoite
leveransadress`.split(/\s+/),
);
/** Lower-case nouns after a capitalised word that make it a company's or a brand's name (`Aetna plans`, `Oetker pizzas`). */
export const BUSINESS_NOUNS = new Set(
  `plan plans policy policies insurance coverage customers members subscribers stores store products app website portal
shares stock headquarters branch branches subscription subscriptions network pharmacy pharmacies pizzas outlets franchise
premiums claims`.split(/\s+/),
);
