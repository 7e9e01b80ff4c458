// The speech form of text (Formatter.speechText): each rule a speech engine needs, on the
// Swedish and English presets' words.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadReport, presets, type Governance } from '@kommunrapport/model';
import { createFormatter, createPhraser, createSpeechText, createVocabulary, monthNames, phraseText, SPEECH_WORDS, speechAbbreviation, type AbbreviationNode } from '../src/index.js';
import { speechRules } from '../src/speech-rules.js';
import { reportFile } from './helpers.js';

const base = loadReport(readFileSync(reportFile, 'utf8'), reportFile).report!;

const sv = createFormatter('sv', presets.eskilstuna).speechText;
const en = createFormatter('en', presets['generic-en']).speechText;
/** Non-breaking spaces shown as plain spaces, so expectations read as text. */
const say = (f: (s: string) => string, s: string) => f(s).replace(/\u00a0/g, ' ');

describe('speechText', () => {
  it('says a negative number with the vocabulary\'s word, never the minus sign', () => {
    expect(say(sv, 'Resultat −12,3 mnkr')).toBe('Resultat minus 12 komma 3 miljoner kronor');
    expect(say(sv, 'avvikelse -4 och +15,6')).toBe('avvikelse minus 4 och plus 15 komma 6');
    expect(sv('−1')).not.toContain('\u2212');
    // A sign already in words stays with its number, so wrapping never parts them.
    expect(sv('Budget minus 78,0')).toBe(['Budget minus', '78', 'komma', '0'].join('\u00a0'));
  });

  it('leaves a hyphen that is no sign alone: ISO dates, case numbers, compounds', () => {
    expect(sv('2022-08-31, KS/2022:17, KF/KS-nivå')).toBe('2022-08-31, KS/2022:17, KF/KS-nivå');
  });

  it('says the decimal comma as a word in Swedish and leaves the English point', () => {
    expect(say(sv, '1,7 %')).toBe('1 komma 7 procent');
    expect(say(en, '1.7 %')).toBe('1.7 percent');
    expect(say(sv, 'äpplen, päron')).toBe('äpplen, päron');
  });

  it('keeps a figure on one line: the words of a number are joined by non-breaking spaces', () => {
    expect(sv('−12,3')).toBe('minus\u00a012\u00a0komma\u00a03');
  });

  it('writes digits without grouping so the engine reads one number', () => {
    expect(sv('30\u00a0210 anställda')).toBe('30210 anställda');
  });

  // Digit groups an author wrote with ordinary spaces: joined where the grouping is unambiguous
  // (1–3 digits, then groups of exactly 3), parted by a comma where a space and three digits
  // follow a number they do not belong to, as espeak-ng would join them; else as written.
  const spaced: [string, string][] = [
    ['Avvikelsen är 12 345 tkr', 'Avvikelsen är 12345 tusen kronor'],
    ['1 200 000 kronor', '1200000 kronor'],
    ['−1 200 000 kr', 'minus 1200000 kronor'],
    ['1 234,5 mnkr', '1234 komma 5 miljoner kronor'],
    ['1 000–2 000 invånare', '1000 till 2000 invånare'],
    ['(12 345)', '(12345)'],
    ['5 000 och 7 000', '5000 och 7000'],
    // Two years, a list, a postal code, telephone numbers, an organisationsnummer: not one number.
    ['2021 2022', '2021 2022'],
    ['3 5 7', '3 5 7'],
    ['633 48 Eskilstuna', '633 48 Eskilstuna'],
    ['016-710 10 00', '016-710 10 00'],
    ['212000-0340', '212000-0340'],
    ['år 2021 100 personer', 'år 2021, 100 personer'],
    ['Storgatan 12 633 48 Eskilstuna', 'Storgatan 12, 633 48 Eskilstuna'],
    ['070 123 45 67', '070, 123 45 67'],
    ['08-123 456 78', '08-123, 456 78'],
    ['12 345 678 90', '12, 345, 678 90'],
    ['0,123 456', '0 komma 123, 456'],
    // A year before a grouped number (a column's header and its value, as a row is read): the year, then the number.
    ['2021 156 000; 2022 157 200.', '2021, 156000; 2022, 157200.'],
    ['Utfall 2023 1 240 ton', 'Utfall 2023, 1240 ton'],
  ];
  it.each(spaced)('digit groups written with spaces: %s → %s', (written, said) => {
    expect(say(sv, written)).toBe(said);
  });

  it('joins any number grouped by spaces in threes, and never digits of two numbers', () => {
    const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('', 'Utfall ', '−'), fc.constantFrom('', ' tkr', ' kronor', '.'), (n, before, after) =>
        say(sv, `${before}${grouped(n)}${after}`).includes(String(n))),
      { numRuns: 2000 },
    );
    // Groups that are not thousands (a group of 1, 2 or 4 digits after the first, or a first group starting with 0): no digits joined.
    const group = fc.oneof(fc.stringMatching(/^[0-9]{1,2}$/), fc.stringMatching(/^[0-9]{4}$/));
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,4}$/), fc.array(fc.stringMatching(/^[0-9]{3}$/), { maxLength: 3 }), group, (first, threes, odd) => {
        const written = [first, ...threes, odd].join(' ');
        return say(sv, written).split(/[ ,]+/).join(' ') === written;
      }),
      { numRuns: 2000 },
    );
  });

  it('says ranges in words', () => {
    expect(sv('0–20 år')).toBe('0 till 20 år');
    expect(sv('2025 – 2028')).toBe('2025 till 2028');
    expect(say(sv, 'jan–aug')).toBe('januari till augusti');
    expect(sv('januari-augusti 2022')).toBe('januari till augusti 2022');
    expect(sv('januari – augusti')).toBe('januari till augusti');
    expect(en('0–20 years')).toBe('0 to 20 years');
  });

  it('writes month abbreviations in full beside a number, keeping a capital', () => {
    expect(sv('Utfall Aug 2021')).toBe('Utfall augusti 2021');
    expect(sv('Aug 2021 var bra. Aug 2022 också')).toBe('Augusti 2021 var bra. Augusti 2022 också');
    expect(sv('31 aug. 2022')).toBe('31 augusti 2022');
    expect(sv('Årsprognos aug 461,5').replace(/\u00a0/g, ' ')).toBe('Årsprognos augusti 461 komma 5');
    expect(sv('Årsprognos aug −5,9').replace(/\u00a0/g, ' ')).toBe('Årsprognos augusti minus 5 komma 9');
    expect(sv('8,6 procent (aug) varav').replace(/\u00a0/g, ' ')).toBe('8 komma 6 procent (augusti) varav');
    expect(sv('Årsprognos aug minus 115,5').replace(/\u00a0/g, ' ')).toBe('Årsprognos augusti minus 115 komma 5');
    // Not a month where no number or month stands beside it: "jul" is also Christmas.
    expect(sv('God jul och mars')).toBe('God jul och mars');
    expect(en('Aug 2021 and aug 2022')).toBe('August 2021 and August 2022');
    // "Sept" as well as "sep": a column "Sept–dec 2025" was said "Sept–december 2025".
    expect(say(sv, 'Utfall Sept–dec 2025, sept. 2024 och 3 sept')).toBe('Utfall september till december 2025, september 2024 och 3 september');
    expect(say(en, 'Sept 2025')).toBe('September 2025');
    expect(sv('Septima och septet')).toBe('Septima och septet');
  });

  it('writes a month abbreviation in lower case out also alone: at the end of a sentence or line, or with its full stop', () => {
    // espeak-ng read "Prognos i okt." as `i:; 'Okt`: a column header of the Fjällby report, said before "Värde saknas".
    expect(sv('Prognos i okt.')).toBe('Prognos i oktober.');
    expect(sv('Prognos i okt. Värde saknas')).toBe('Prognos i oktober. Värde saknas');
    expect(sv('Prognos i okt. ej tillämpligt')).toBe('Prognos i oktober ej tillämpligt');
    expect(sv('Utfall per okt, sedan per nov; till dec\nny rad')).toBe('Utfall per oktober, sedan per november; till december\nny rad');
    expect(sv('(sep)')).toBe('(september)');
    // A word that is also a month stays a word; a capitalised word may be a name; inside an address or a word it is no month.
    expect(sv('God jul. Vi ses i jul')).toBe('God jul. Vi ses i jul');
    expect(sv('Jan. Dec')).toBe('Jan. Dec');
    expect(sv('example.org/okt, oktav, nov-')).toBe('example.org/okt, oktav, nov-');
    expect(en('Forecast in oct.')).toBe('Forecast in October.');
    expect(en('Spring in mar.')).toBe('Spring in mar.');
  });

  it('takes the month names from the locale', () => {
    expect(monthNames('sv-SE').get('aug')).toBe('augusti');
    expect(monthNames('sv-SE').get('okt')).toBe('oktober');
    expect(monthNames('en-GB').get('sept')).toBe('September');
  });

  it('writes units in words from the governance vocabulary', () => {
    expect(say(sv, 'Belopp i mnkr')).toBe('Belopp i miljoner kronor');
    expect(say(sv, 'uppgår till 266 tkr.')).toBe('uppgår till 266 tusen kronor.');
    expect(say(sv, 'på 78% och 92 %')).toBe('på 78 procent och 92 procent');
    expect(say(sv, 'Sjukfrånvaro (%)')).toBe('Sjukfrånvaro (procent)');
    expect(say(sv, 'tkrs')).toBe('tkrs');
  });

  it('says no unit twice', () => {
    expect(say(sv, '12 mnkr miljoner kronor')).toBe('12 miljoner kronor');
    expect(say(sv, '5 procent procent')).toBe('5 procent');
  });

  it('writes the language\'s abbreviations out', () => {
    expect(sv('d v s att')).toBe('det vill säga att');
    expect(sv('dvs. att, t.ex. KLK, bl.a. SBN, ca 5')).toBe('det vill säga att, till exempel KLK, bland annat SBN, cirka 5');
    expect(sv('Bl.a. detta. Detta, T.ex. det')).toBe('Bland annat detta. Detta, till exempel det');
    expect(en('e.g. this')).toBe('for example this');
    // Abbreviations of a bolag's årsredovisning that espeak-ng spells letter by letter or reads as words of their own.
    expect(say(sv, 'Försenad p.g.a. leveransproblem, pga. väder och pga snö; Enl. ägardirektivet 38,50 kr inkl. moms (exkl. moms 30,80 kr)'))
      .toBe('Försenad på grund av leveransproblem, på grund av väder och på grund av snö; enligt ägardirektivet 38 komma 50 kronor inklusive moms (exklusive moms 30 komma 80 kronor)');
    expect(sv('SN m.fl. nämnder, resp. bolag, jfr tabell 2 (jfr. not 3), f.d. VD, hyror o.d., kv. 2 2026'))
      .toBe('SN med flera nämnder, respektive bolag, jämför tabell 2 (jämför not 3), före detta VD, hyror och dylikt, kvartal 2 2026');
    expect(sv('Enl. planen. Inkl. moms')).toBe('Enligt planen. Inklusive moms');
  });

  it('says units of measure after a number and "§" before one in words', () => {
    // espeak-ng's Swedish voice reads "95 °C" as "nittiofem se", "§ 87" as "åttiosju", spells "km" and "GWh".
    expect(say(sv, 'Från 95 °C till 85°C, 4,2 km ledningar, 2,1 GWh och 310 MWh, 12 kWh, 40 m² och 3 m³; styrelsen § 87'))
      .toBe('Från 95 grader Celsius till 85 grader Celsius, 4 komma 2 kilometer ledningar, 2 komma 1 gigawattimmar och 310 megawattimmar, 12 kilowattimmar, 40 kvadratmeter och 3 kubikmeter; styrelsen paragraf 87');
    // Minutes, tonnes, hours, power: espeak-ng read "38 min" as the word "min" and "5 t" as the letter; one of a unit after 1.
    expect(say(sv, '38 min per kund, 1 min, 0,1 min, 5 t avfall, 2 h, 1 h, 3 MW, 1 kWh, 4 TWh, 12 kg och 7 ha'))
      .toBe('38 minuter per kund, 1 minut, 0 komma 1 minuter, 5 ton avfall, 2 timmar, 1 timme, 3 megawatt, 1 kilowattimme, 4 terawattimmar, 12 kilogram och 7 hektar');
    // A rate after a slash and a unit in parentheses (an indicator's name): "öre/kWh" was spelt.
    expect(say(sv, '12,3 öre/kWh, 1,12 kronor/kWh, 50 km/h, 90 kWh/m²')).toBe('12 komma 3 öre per kilowattimme, 1 komma 12 kronor per kilowattimme, 50 kilometer per timme, 90 kilowattimmar per kvadratmeter');
    expect(sv('Energianvändning (kWh per kvadratmeter), (kWh/m²), (min)')).toBe('Energianvändning (kilowattimmar per kvadratmeter), (kilowattimmar per kvadratmeter), (minuter)');
    expect(say(sv, 'VA-taxan per m³: 38,50 kronor, 90 kr per kWh, 2 per t, super min')).toBe('VA-taxan per kubikmeter: 38 komma 50 kronor, 90 kronor per kilowattimme, 2 per ton, super min');
    // Swedish short forms: espeak-ng spelt "kvm" (k v m) and read "tim" as a word.
    expect(say(sv, '1 200 kvm, 850 kr/kvm, 3 tim och 1 tim')).toBe('1200 kvadratmeter, 850 kronor per kvadratmeter, 3 timmar och 1 timme');
    // English in its own words.
    expect(say(en, '38 min, 1 min, 5 t, 1 h, 12.5 kWh, 4 km, 95 °C, 90 kWh/m², 0.8 kg CO₂e per km')).toBe('38 minutes, 1 minute, 5 tonnes, 1 hour, 12.5 kilowatt hours, 4 kilometres, 95 degrees Celsius, 90 kilowatt hours per square metre, 0.8 kilograms carbon dioxide equivalent per kilometre');
    // Symbols said as words wherever they stand alone.
    expect(sv('1 240 ton CO₂e, CO₂-utsläpp')).toBe('1240 ton koldioxidekvivalenter, koldioxid-utsläpp');
    // Only beside a number: words and other units are left as written.
    expect(sv('km-ersättning, kWh-pris, °C-skalan, §-nummer och 5 kmh')).toBe('km-ersättning, kWh-pris, °C-skalan, §-nummer och 5 kmh');
    // Whole words only.
    expect(sv('cafe och dvsx')).toBe('cafe och dvsx');
  });
});

describe('abbreviations in speech', () => {
  it('says the Swedish genitive of an abbreviation in capitals as one word ("KLK\'s"), nowhere else', () => {
    expect(sv('KLK:s kostnader och SKR:s prognos')).toBe("KLK's kostnader och SKR's prognos");
    // Not after a lower-case word or a single capital, not inside a case number.
    expect(sv('a:s, A:s, KS/2022:17, KLK:sak')).toBe('a:s, A:s, KS/2022:17, KLK:sak');
    expect(en('KLK:s')).toBe('KLK:s');
  });

  it('says an abbreviation in full at its first use in each top-level section, a genitive as the full name\'s', () => {
    const node = (text: string, flags: Partial<AbbreviationNode> = {}): AbbreviationNode => ({ type: 'abbreviation', text, abbreviation: text.replace(/[:-].*$/u, ''), expansion: 'Kommunledningskontoret', first: false, ...flags });
    expect(speechAbbreviation(node('KLK', { firstInSection: true }))).toBe('Kommunledningskontoret (KLK)');
    expect(speechAbbreviation(node('KLK:s', { first: true }))).toBe('Kommunledningskontorets (KLK)');
    expect(speechAbbreviation({ ...node('EEM:s', { firstInSection: true }), expansion: 'Eskilstuna Energi & Miljö AB' })).toBe('Eskilstuna Energi & Miljö AB:s (EEM)');
    expect(speechAbbreviation({ ...node('SBN:s', { firstInSection: true }), expansion: 'Socialnämndens kansli Rådhus' })).toBe('Socialnämndens kansli Rådhus (SBN)');
    expect(speechAbbreviation(node('KLK-nivå', { firstInSection: true }))).toBe('KLK-nivå (Kommunledningskontoret)');
    expect(speechAbbreviation(node('KLK:s'))).toBe('KLK:s');
    expect(phraseText([{ type: 'text', value: 'För ' }, node('KLK:s', { first: true })], { speech: true })).toBe('För Kommunledningskontorets (KLK)');
    expect(phraseText([{ type: 'text', value: 'För ' }, node('KLK:s', { first: true })])).toBe('För KLK:s (Kommunledningskontoret)');
  });

  it('the phraser flags the first use in each top-level section, unless the author explains it there', () => {
    const v = createVocabulary(base);
    const p = createPhraser(v);
    const flags = (text: string) => p.running(text).flatMap((n) => (n.type === 'abbreviation' ? [[n.text, n.first, n.firstInSection === true]] : []));
    p.section();
    expect(flags('KS och KS:s plan')).toEqual([['KS', true, true], ['KS:s', false, false]]);
    expect(flags('KS igen')).toEqual([['KS', false, false]]);
    p.section();
    expect(flags('Sedan KS:s beslut')).toEqual([['KS:s', false, true]]);
    p.section();
    expect(flags('Kommunstyrelsen (KS) beslutar')).toEqual([['KS', false, false]]);
  });
});

describe('speechText made once and run only where a rule can match', () => {
  const cases = [
    { locale: 'sv', language: 'sv', governance: presets.eskilstuna },
    { locale: 'en', language: 'en', governance: presets['generic-en'] },
  ];
  // Text built from what the rules look for (months in any case, signs, dashes, units,
  // abbreviations, genitives, spaces of every kind), mixed with any characters, among them
  // those that match a letter only under Unicode case folding (ſ, the Kelvin sign K).
  const TOKENS = [
    'Aug', 'aug.', 'AUG', 'jan', 'Januari', 'augusti', 'sept', 'mar', 'marknad', 'maj', 'September', 'ſep', 'jul', 'God jul',
    '0', '12', '2021', '30', '210', '5,9', ',', '.', ':', '(', ')', '–', '-', '−', '+', ' ', '  ', '\u00a0', '\u202f', '\n',
    '%', 'mnkr', 'tkr', 'kr', 'st.', 'procent', 'Procent', 'miljoner kronor', 'percent', 'dagar', 'days',
    'minus', 'Plus', 'MINUS', 'plus', 'KLK', 'SKR', 'A', ':s', ':sak', 'd v s', 'D.v.s.', 'dvs', 'dvſ', 't.ex.', 'T ex', 'bl.a.', 'ca', 'e.g.', 'i.e.', 'osv', 'Kelvin K', 'km', 'kWh', 'm³', '°C', '§', '§ ', 'min', 't', 'h', '/', 'per', 'CO₂e', 'CO₂', 'okt', 'okt.', 'oct', 'jul.', 'nov', 'Dec.',
  ];
  const text = fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }), { maxLength: 24 })
    .map((parts) => parts.join(''));

  for (const { locale, language, governance } of cases) {
    const rules = speechRules(SPEECH_WORDS[language]!, monthNames(locale), governance);
    const plain = (t: string) => rules.reduce((s, [re, by]) => s.replace(re, by as never), t);

    it(`${language}: each rule's quick test is true wherever its pattern matches`, () => {
      expect(rules.filter((r) => r[2]).length).toBeGreaterThan(5);
      for (const [re, , may] of rules) {
        if (!may) continue;
        const once = new RegExp(re.source, re.flags.replace('g', ''));
        fc.assert(fc.property(text, (t) => !once.test(t) || may(t)), { numRuns: 3000 });
      }
    });

    it(`${language}: speechText equals every rule applied in turn without the quick tests`, () => {
      const speak = createSpeechText(locale, language, governance);
      fc.assert(fc.property(text, (t) => speak(t) === plain(t)), { numRuns: 3000 });
      // A quick test that is false skips its rule: the texts above do reach the rules.
      expect(plain('Aug 2021: −12,3 mnkr, 78% (%), 0–20 KLK:s dvs procent procent')).not.toBe('Aug 2021: −12,3 mnkr, 78% (%), 0–20 KLK:s dvs procent procent');
    });
  }

  it('is made once for equal words and anew for other words', () => {
    const copy = JSON.parse(JSON.stringify(presets.eskilstuna)) as Governance;
    expect(createSpeechText('sv', 'sv', copy)).toBe(createSpeechText('sv', 'sv', presets.eskilstuna));
    expect(createFormatter('sv', copy).speechText('−1')).toBe(sv('−1'));
    const other: Governance = { ...copy, terms: { ...copy.terms, minus: 'negativ' }, units: { ...copy.units, mnkr: { ...copy.units.mnkr, long: 'miljoner' } } };
    const speakOther = createSpeechText('sv', 'sv', other);
    expect(speakOther).not.toBe(createSpeechText('sv', 'sv', presets.eskilstuna));
    expect(speakOther('−1 mnkr').replace(/\u00a0/g, ' ')).toBe('negativ 1 miljoner');
    expect(createSpeechText('sv', 'en', copy)).not.toBe(createSpeechText('sv', 'sv', copy));
  });
});
