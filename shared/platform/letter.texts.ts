// Texts every letter shares (DIN 5008, electron/main/platform/documents): the information block, the
// salutation and addressee, the item table, the greeting and the footer. A letter is written in the
// contact's language, so these are rendered with `translate(letter.language, …)`.
import type { Texts } from './texts'

export const LETTER_TEXTS = {
  'letter.common.contact': { de: 'Ihr Ansprechpartner', en: 'Your contact' },
  'letter.common.phone': { de: 'Telefon', en: 'Phone' },
  'letter.common.email': { de: 'E-Mail', en: 'E-mail' },
  'letter.common.mobile': { de: 'Mobil', en: 'Mobile' },
  'letter.common.customerNumber': { de: 'Kundennummer', en: 'Customer no.' },
  'letter.common.date': { de: 'Datum', en: 'Date' },
  // `anonymous`: no contact name ("Damen und Herren"); `none`: a named contact addressed without Frau/Herr.
  'letter.common.salutation': {
    de: '{salutation, select, anonymous {Sehr geehrte Damen und Herren,} none {Guten Tag {name},} ms {Sehr geehrte Frau {hasTitle, select, yes {{title} } other {}}{lastName},} other {Sehr geehrter Herr {hasTitle, select, yes {{title} } other {}}{lastName},}}',
    en: '{salutation, select, anonymous {Dear Sir or Madam,} none {Dear {name},} other {Dear {hasTitle, select, yes {{shortTitle}} other {{salutation, select, ms {Ms} other {Mr}}}} {lastName},}}',
  },
  'letter.common.addressee': { de: '{salutation, select, ms {Frau {name}} mr {Herrn {name}} other {{name}}}', en: '{salutation, select, ms {Ms {name}} mr {Mr {name}} other {{name}}}' },
  'letter.common.greeting': { de: 'Mit freundlichen Grüßen', en: 'Kind regards' },
  'letter.common.greetingTo': { de: 'Mit freundlichen Grüßen nach {city}', en: 'Kind regards to {city}' },

  'letter.common.position': { de: 'Pos.', en: 'Item' },
  'letter.common.item': { de: 'Bezeichnung', en: 'Description' },
  'letter.common.quantity': { de: 'Menge', en: 'Qty' },
  'letter.common.unit': { de: 'Einheit', en: 'Unit' },
  'letter.common.unitPrice': { de: 'Einzelpreis', en: 'Unit price' },
  'letter.common.discount': { de: 'Rabatt', en: 'Discount' },
  'letter.common.total': { de: 'Gesamt', en: 'Total' },
  'letter.common.optional': { de: 'optional', en: 'optional' },

  'letter.common.page': { de: 'Seite', en: 'Page' },
  'letter.common.pageOf': { de: 'von', en: 'of' },
  'letter.common.managingDirectors': { de: 'Geschäftsführung', en: 'Managing directors' },
  'letter.common.vatId': { de: 'USt-IdNr.', en: 'VAT ID' },
  'letter.common.registeredOffice': { de: 'Sitz: {city}', en: 'Registered office: {city}' },

  'errors.letterDetailsMissing': {
    de: 'Das Angebot kann noch nicht versendet werden: Im Profil fehlen Ihr Name oder Pflichtangaben des Briefkopfs (Firma, Anschrift, Geschäftsführung, Registergericht und -nummer, USt-IdNr., IBAN).',
    en: 'The offer cannot be sent yet: the profile lacks your name or details a business letter must carry (company, address, managing directors, register court and number, VAT ID, IBAN).',
  },
} as const satisfies Texts
