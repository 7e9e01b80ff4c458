// The words of a published site (start page, navigation, footer, indicator pages and the
// tillgänglighetsredogörelse), in Swedish and English, beside the report presets: a site's
// own pages speak the site's language (`site.language`), a report's words stay the report's.
// `{name}` placeholders are filled in by the site builder.

/** Every word the site's own pages show. */
export interface SiteTerms {
  language: string;
  skipToContent: string;
  mainNavigation: string;
  breadcrumbs: string;
  startPage: string;
  reports: string;
  reportsIntro: string;
  indicatorsPage: string;
  indicatorsIntro: string;
  accessibility: string;
  catalogue: string;
  catalogueRdf: string;
  catalogueJsonLd: string;
  contact: string;
  email: string;
  phone: string;
  publishedBy: string;
  formats: string;
  formatHtml: string;
  formatPdf: string;
  formatText: string;
  formatDocx: string;
  formatOpenData: string;
  tablesOfReport: string;
  tableColumn: string;
  csvColumn: string;
  downloadCsv: string;
  showInReport: string;
  indicatorsOfReport: string;
  seriesCaption: string;
  periodColumn: string;
  reportColumn: string;
  unitColumn: string;
  noValue: string;
  chartDescription: string;
  a11yIntro: string;
  a11yCompliance: string;
  a11yFully: string;
  a11yPartially: string;
  a11yNot: string;
  a11yNotAccessible: string;
  a11yNoExceptions: string;
  a11yCriterion: string;
  a11yFixBy: string;
  a11yReasonNonCompliance: string;
  a11yReasonBurden: string;
  a11yReasonOutOfScope: string;
  a11yHowChecked: string;
  a11yChecksIntro: string;
  a11yCheckHtml: string;
  a11yCheckPdf: string;
  a11yCheckText: string;
  a11yCheckDocx: string;
  a11yCheckOpenData: string;
  a11yCheckSite: string;
  a11yMethod: string;
  a11yEvaluated: string;
  a11yStatementUpdated: string;
  a11yFeedback: string;
  a11yFeedbackText: string;
  a11yEnforcement: string;
  a11yEnforcementText: string;
  a11yDiggLink: string;
  a11yMissing: string;
}

/** Swedish. */
export const siteTermsSv: SiteTerms = {
  language: 'sv',
  skipToContent: 'Hoppa till innehållet',
  mainNavigation: 'Huvudmeny',
  breadcrumbs: 'Du är här',
  startPage: 'Startsida',
  reports: 'Rapporter',
  reportsIntro: 'Uppföljningsrapporter från {publisher}, ordnade efter år, organ och rapportslag. Varje rapport finns som webbsida, PDF, text, Word och öppna data.',
  indicatorsPage: 'Nyckeltal',
  indicatorsIntro: 'Varje nyckeltal följt över perioderna i alla rapporter på webbplatsen.',
  accessibility: 'Tillgänglighetsredogörelse',
  catalogue: 'Datakatalog',
  catalogueRdf: 'Datakatalog (DCAT-AP-SE, RDF/XML)',
  catalogueJsonLd: 'Datakatalog (JSON-LD)',
  contact: 'Kontakt',
  email: 'E-post',
  phone: 'Telefon',
  publishedBy: 'Publiceras av {publisher}, organisationsnummer {number}',
  formats: 'Rapporten i andra format',
  formatHtml: 'Rapporten som webbsida',
  formatPdf: 'PDF',
  formatText: 'Ren text',
  formatDocx: 'Word (DOCX)',
  formatOpenData: 'Öppna data (datapaket)',
  tablesOfReport: 'Tabeller i rapporten',
  tableColumn: 'Tabell',
  csvColumn: 'Ladda ner',
  downloadCsv: '{table} som CSV',
  showInReport: 'Visa i rapporten',
  indicatorsOfReport: 'Nyckeltal i rapporten',
  seriesCaption: '{indicator}: värden per period ({unit})',
  periodColumn: 'Period',
  reportColumn: 'Rapport',
  unitColumn: 'Enhet',
  noValue: '–',
  chartDescription: 'Diagrammet visar samma värden som tabellen.',
  a11yIntro: '{publisher} står bakom den här webbplatsen med uppföljningsrapporter. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.',
  a11yCompliance: 'Hur tillgänglig är webbplatsen?',
  a11yFully: 'Webbplatsen är helt förenlig med lagkraven.',
  a11yPartially: 'Webbplatsen är delvis förenlig med lagkraven, på grund av de brister som beskrivs nedan.',
  a11yNot: 'Webbplatsen är inte förenlig med lagkraven.',
  a11yNotAccessible: 'Innehåll som inte är tillgängligt',
  a11yNoExceptions: 'Vi känner inte till några brister.',
  a11yCriterion: 'Kriterium',
  a11yFixBy: 'Åtgärdas senast {date}.',
  a11yReasonNonCompliance: 'Bristande förenlighet med lagkraven.',
  a11yReasonBurden: 'Oskäligt betungande anpassning.',
  a11yReasonOutOfScope: 'Innehållet omfattas inte av lagkraven.',
  a11yHowChecked: 'Hur vi testat webbplatsen',
  a11yChecksIntro: 'Verktyget som bygger webbplatsen kontrollerar formaten automatiskt i sina tester:',
  a11yCheckHtml: 'Webbsidor: axe-core i webbläsaren Chromium, utan anmärkningar, i bredderna 1280 och 320 pixlar; rubrikordning, tabellrubriker och textalternativ.',
  a11yCheckPdf: 'PDF: taggad PDF/UA-1 med språk, titel, bokmärken, inbäddade typsnitt och taggade tabeller, kontrollerad med qpdf, pdfjs och poppler (veraPDF används inte).',
  a11yCheckText: 'Ren text: läsordning, rubriker, tabeller rad för rad och inga symboler utan ord.',
  a11yCheckDocx: 'Word: rubrikformat, upprepade tabellrubriker, alternativtext, titel och språk.',
  a11yCheckOpenData: 'Öppna data: JSON mot publicerat JSON-schema och CSV-tabeller mot sitt tabellschema (validate-open-data).',
  a11yCheckSite: 'Webbplatsens egna sidor: samma axe-kontroll och en kontroll av att alla interna länkar fungerar.',
  a11yMethod: 'Metod för granskningen: {method}',
  a11yEvaluated: 'Webbplatsen granskades senast {date}.',
  a11yStatementUpdated: 'Redogörelsen uppdaterades senast {date}.',
  a11yFeedback: 'Rapportera brister',
  a11yFeedbackText: 'Om du upptäcker problem som inte beskrivs här, eller behöver innehåll i ett annat format, kontakta oss:',
  a11yEnforcement: 'Tillsyn',
  a11yEnforcementText: 'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
  a11yDiggLink: 'Anmäl till Digg',
  a11yMissing: 'Uppgifter för tillgänglighetsredogörelsen saknas i inställningarna (site.accessibility).',
};

/** English. */
export const siteTermsEn: SiteTerms = {
  language: 'en',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main menu',
  breadcrumbs: 'You are here',
  startPage: 'Home',
  reports: 'Reports',
  reportsIntro: 'Follow-up reports from {publisher}, by year, body and kind of report. Every report is available as a web page, PDF, plain text, Word and open data.',
  indicatorsPage: 'Key figures',
  indicatorsIntro: 'Every key figure followed over the periods of all reports on this site.',
  accessibility: 'Accessibility statement',
  catalogue: 'Data catalogue',
  catalogueRdf: 'Data catalogue (DCAT-AP-SE, RDF/XML)',
  catalogueJsonLd: 'Data catalogue (JSON-LD)',
  contact: 'Contact',
  email: 'E-mail',
  phone: 'Phone',
  publishedBy: 'Published by {publisher}, organisation number {number}',
  formats: 'The report in other formats',
  formatHtml: 'The report as a web page',
  formatPdf: 'PDF',
  formatText: 'Plain text',
  formatDocx: 'Word (DOCX)',
  formatOpenData: 'Open data (data package)',
  tablesOfReport: 'Tables of the report',
  tableColumn: 'Table',
  csvColumn: 'Download',
  downloadCsv: '{table} as CSV',
  showInReport: 'Show in the report',
  indicatorsOfReport: 'Key figures of the report',
  seriesCaption: '{indicator}: values by period ({unit})',
  periodColumn: 'Period',
  reportColumn: 'Report',
  unitColumn: 'Unit',
  noValue: '–',
  chartDescription: 'The chart shows the same values as the table.',
  a11yIntro: '{publisher} is responsible for this site of follow-up reports. We want as many people as possible to be able to use it. This statement describes how the site complies with the Swedish Act (2018:1937) on accessibility to digital public services, known shortcomings, and how to report problems.',
  a11yCompliance: 'How accessible is this site?',
  a11yFully: 'This site is fully compliant with the requirements.',
  a11yPartially: 'This site is partially compliant with the requirements, due to the shortcomings described below.',
  a11yNot: 'This site is not compliant with the requirements.',
  a11yNotAccessible: 'Content that is not accessible',
  a11yNoExceptions: 'We know of no shortcomings.',
  a11yCriterion: 'Criterion',
  a11yFixBy: 'To be fixed by {date}.',
  a11yReasonNonCompliance: 'Non-compliance with the requirements.',
  a11yReasonBurden: 'Disproportionate burden.',
  a11yReasonOutOfScope: 'The content is not within the scope of the requirements.',
  a11yHowChecked: 'How we tested this site',
  a11yChecksIntro: 'The tool that builds this site checks the formats automatically in its tests:',
  a11yCheckHtml: 'Web pages: axe-core in the Chromium browser, with no violations, at widths of 1280 and 320 pixels; heading order, table headers and text alternatives.',
  a11yCheckPdf: 'PDF: tagged PDF/UA-1 with language, title, bookmarks, embedded fonts and tagged tables, checked with qpdf, pdfjs and poppler (veraPDF is not used).',
  a11yCheckText: 'Plain text: reading order, headings, tables row by row and no symbol without words.',
  a11yCheckDocx: 'Word: heading styles, repeated table header rows, alternative text, title and language.',
  a11yCheckOpenData: 'Open data: JSON against its published JSON Schema and CSV tables against their table schema (validate-open-data).',
  a11yCheckSite: 'The site\'s own pages: the same axe check and a check that every internal link works.',
  a11yMethod: 'Method of evaluation: {method}',
  a11yEvaluated: 'The site was last evaluated on {date}.',
  a11yStatementUpdated: 'This statement was last updated on {date}.',
  a11yFeedback: 'Report shortcomings',
  a11yFeedbackText: 'If you find problems not described here, or need content in another format, contact us:',
  a11yEnforcement: 'Enforcement',
  a11yEnforcementText: 'The Agency for Digital Government (Digg) is responsible for enforcing the Act. If you are not satisfied with how we handle your feedback, you can contact Digg.',
  a11yDiggLink: 'Report to Digg',
  a11yMissing: 'Facts for the accessibility statement are missing from the settings (site.accessibility).',
};

/** The site words of a language. */
export const siteTerms = { sv: siteTermsSv, en: siteTermsEn } as const;
