// The publishing organisation's settings (the `site:` block of kommunrapport.config.yaml):
// who publishes, where the site lives, whom to contact, the look shared by every format,
// and what the tillgänglighetsredogörelse (accessibility statement) declares. Written once
// per organisation, so the DCAT-AP-SE catalogue describes the publisher once and every
// report of the site carries the same identity.
import * as t from 'io-ts';
import { strict, NonEmptyString, pattern } from './codec.js';
import { EmailAddress, HexColour, IsoDate, Kommunkod, WebIri } from './ids.js';

/** Organisationsnummer: ten digits written NNNNNN-NNNN, e.g. "212000-0340" for Eskilstuna kommun. */
export const Organisationsnummer = pattern('organisationsnummer (NNNNNN-NNNN, e.g. "212000-0340")', /^\d{6}-\d{4}$/);
export type Organisationsnummer = t.TypeOf<typeof Organisationsnummer>;

/** The address a site is published at: an absolute http(s) IRI ending in "/". */
export const SiteBaseUrl = pattern('site address (absolute https:// or http:// address ending in "/", e.g. "https://www.eskilstuna.se/rapporter/")', /^https?:\/\/[^/?#\s<>"'{}|\\^`]+\/(?:[^?#\s<>"'{}|\\^`]*\/)?$/i);
export type SiteBaseUrl = t.TypeOf<typeof SiteBaseUrl>;

/** The publishing organisation, described once for the whole site and its catalogue. */
export const Publisher = strict(
  'Publisher',
  'The organisation that publishes the reports: name, organisationsnummer and (for a kommun) kommunkod.',
  { name: NonEmptyString, organisationNumber: Organisationsnummer },
  { municipalityCode: Kommunkod, url: WebIri },
);
export type Publisher = t.TypeOf<typeof Publisher>;

/** Where readers and data users write: DCAT-AP-SE requires an e-mail address on the contact point. */
export const SiteContact = strict('SiteContact', 'Where readers and data users can ask: a name and an e-mail address, optionally a phone number and a web page.', { name: NonEmptyString, email: EmailAddress }, { phone: NonEmptyString, url: WebIri });
export type SiteContact = t.TypeOf<typeof SiteContact>;

/** The organisation's logo: an image file next to the config, and its text alternative. */
export const Logo = strict('Logo', 'A logo image (SVG or PNG, relative to the config file) and its alt text.', { file: NonEmptyString, alt: NonEmptyString });
export type Logo = t.TypeOf<typeof Logo>;

/** Colours every format uses alike (HTML, PDF, DOCX): the brand colour of headings and rules, and an accent. */
export const SiteColours = strict('SiteColours', 'Colours used by HTML, PDF and DOCX alike; each is checked for contrast where it carries text.', { primary: HexColour }, { accent: HexColour });
export type SiteColours = t.TypeOf<typeof SiteColours>;

/** Something on the site that does not meet the requirements, why, and when it will (for the accessibility statement). */
export const AccessibilityException = strict(
  'AccessibilityException',
  'A known shortcoming declared in the accessibility statement: what is not accessible, why, and optionally the WCAG criterion and when it will be fixed.',
  { what: NonEmptyString, why: NonEmptyString },
  { criterion: NonEmptyString, fixBy: IsoDate, reason: t.keyof({ 'non-compliance': null, 'disproportionate-burden': null, 'out-of-scope': null }, 'reason (non-compliance, disproportionate-burden or out-of-scope)') },
);
export type AccessibilityException = t.TypeOf<typeof AccessibilityException>;

/** What the tillgänglighetsredogörelse declares beyond what the build knows. */
export const AccessibilitySettings = strict(
  'AccessibilitySettings',
  'Facts for the accessibility statement: when and how the site was last evaluated, where to give feedback, and known exceptions.',
  { evaluated: IsoDate, feedback: WebIri },
  { method: NonEmptyString, exceptions: t.array(AccessibilityException), statementUpdated: IsoDate },
);
export type AccessibilitySettings = t.TypeOf<typeof AccessibilitySettings>;

/** The `site:` block: one organisation's publishing settings. */
export const SiteSettings = strict(
  'SiteSettings',
  'Publishing settings of one organisation: publisher, site address, contact, logo, colours, languages and the accessibility statement.',
  { publisher: Publisher, baseUrl: SiteBaseUrl, contact: SiteContact },
  {
    title: NonEmptyString,
    logo: Logo,
    colours: SiteColours,
    language: t.keyof({ sv: null, en: null }, 'language (sv or en)'),
    licence: WebIri,
    accessibility: AccessibilitySettings,
  },
);
export type SiteSettings = t.TypeOf<typeof SiteSettings>;
