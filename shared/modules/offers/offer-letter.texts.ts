// Texts of the offer letter (electron/main/modules/offers/offer-letter.ts, renderOfferLetter):
// subject, the introduction that takes up the pre-offer conversation, totals and terms.
import type { Texts } from '../../platform/texts'

export const OFFER_LETTER_TEXTS = {
  'letter.offer.subject': { de: 'Angebot {number} – {item}', en: 'Offer {number} – {item}' },
  'letter.offer.offerNumber': { de: 'Angebotsnummer', en: 'Offer no.' },
  'letter.offer.numberWithRevision': { de: '{number} (Rev. {revision})', en: '{number} (rev. {revision})' },
  'letter.offer.yourRequest': { de: 'Ihre Anfrage', en: 'your enquiry' },

  'letter.offer.thanksConversation': { de: 'vielen Dank für das angenehme Gespräch am {date}.', en: 'thank you for the pleasant conversation on {date}.' },
  'letter.offer.thanksGeneric': {
    de: 'vielen Dank für Ihr Interesse an unseren Leistungen. Gern unterbreiten wir Ihnen folgendes Angebot.',
    en: 'thank you for your interest in our services. We are pleased to make you the following offer.',
  },
  // {list} is the conversation's points joined as prose ("A, B und C", offer-letter.rules.ts); {count} how many.
  'letter.offer.needs': {
    de: 'Sie haben uns geschildert, worauf es Ihnen ankommt: {list}.',
    en: 'You explained to us what matters most to you: {list}.',
  },
  'letter.offer.goals': {
    de: '{count, plural, one {Ihr Ziel dabei ist klar: {list}.} other {Ihre Ziele dabei sind klar: {list}.}}',
    en: '{count, plural, one {Your goal is clear: {list}.} other {Your goals are clear: {list}.}}',
  },
  'letter.offer.worries': {
    de: '{count, plural, one {Offen angesprochen haben Sie auch Ihre Sorge: {list}.} other {Offen angesprochen haben Sie auch Ihre Sorgen: {list}.}} {benefits, select, yes {Wir nehmen das ernst und bieten Ihnen deshalb:} other {Wir nehmen das ernst und haben unser Angebot darauf abgestimmt.}}',
    en: '{count, plural, one {You were also open about your concern: {list}.} other {You were also open about your concerns: {list}.}} {benefits, select, yes {We take this seriously, which is why we offer you:} other {We take this seriously and have tailored our offer accordingly.}}',
  },
  'letter.offer.benefitsIntro': { de: 'Ihr Nutzen auf einen Blick:', en: 'Your benefits at a glance:' },
  'letter.offer.offerIntro': { de: 'Auf dieser Grundlage bieten wir Ihnen an:', en: 'On this basis we are pleased to offer:' },

  'letter.offer.itemsNet': { de: 'Summe der Positionen (netto)', en: 'Items (net)' },
  'letter.offer.offerDiscount': { de: 'Angebotsrabatt {percent} %', en: 'Offer discount {percent} %' },
  'letter.offer.net': { de: 'Nettobetrag', en: 'Net amount' },
  'letter.offer.vat': { de: 'zzgl. {rate} % USt. auf {base}', en: 'plus {rate} % VAT on {base}' },
  'letter.offer.gross': { de: 'Gesamtbetrag', en: 'Total amount' },
  'letter.offer.optionalSum': { de: 'Optionale Positionen (nicht im Gesamtbetrag enthalten)', en: 'Optional items (not included in the total)' },

  'letter.offer.validUntil': { de: 'Dieses Angebot gilt bis {date}.', en: 'This offer is valid until {date}.' },
  'letter.offer.payment': {
    de: 'Zahlbar innerhalb von {netDays, plural, one {# Tag} other {# Tagen}} netto{withSkonto, select, yes {; bei Zahlung innerhalb von {skontoDays, plural, one {# Tag} other {# Tagen}} gewähren wir {skonto} % Skonto} other {}}.',
    en: 'Payable within {netDays, plural, one {# day} other {# days}} net{withSkonto, select, yes {; {skonto} % early-payment discount if paid within {skontoDays, plural, one {# day} other {# days}}} other {}}.',
  },
  'letter.offer.delivery': { de: 'Lieferung: {terms}', en: 'Delivery: {terms}' },
  'letter.offer.closingLine': { de: 'Wir freuen uns auf Ihren Auftrag und stehen für Fragen jederzeit gern zur Verfügung.', en: 'We look forward to your order and are happy to answer any questions.' },
} as const satisfies Texts
