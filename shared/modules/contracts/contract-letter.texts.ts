// Texts of the contract confirmation (electron/main/modules/contracts/contract-letter.ts): the agreed
// terms with the cancel-by date spelled out. Periods (days, weeks, months) are `contract.period.*`.
import type { Texts } from '../../platform/texts'

export const CONTRACT_LETTER_TEXTS = {
  'letter.contract.subject': { de: 'Vertragsbestätigung {number} – {title}', en: 'Contract confirmation {number} – {title}' },
  'letter.contract.contractNumber': { de: 'Vertragsnummer', en: 'Contract no.' },
  'letter.contract.intro': {
    de: 'vielen Dank für Ihr Vertrauen. Hiermit bestätigen wir den folgenden Vertrag{hasTitle, select, yes { über {title}} other {}}{hasOffer, select, yes { auf Grundlage unseres Angebots {offer}} other {}}.',
    en: 'thank you for your trust. We hereby confirm the following contract{hasTitle, select, yes { for {title}} other {}}{hasOffer, select, yes { based on our offer {offer}} other {}}.',
  },
  'letter.contract.terms': { de: 'Vertragsbedingungen', en: 'Terms' },
  'letter.contract.type': { de: 'Vertragsart', en: 'Contract type' },
  'letter.contract.start': { de: 'Vertragsbeginn', en: 'Start' },
  'letter.contract.minimumTerm': { de: 'Mindestlaufzeit', en: 'Minimum term' },
  'letter.contract.end': { de: 'Ende der Laufzeit', en: 'End of term' },
  'letter.contract.notice': { de: 'Kündigungsfrist', en: 'Notice period' },
  'letter.contract.noticeText': { de: '{period} zum Ende der Laufzeit', en: '{period} to the end of the term' },
  'letter.contract.cancelBy': { de: 'Kündigung spätestens bis', en: 'Notice to be received by' },
  'letter.contract.renewal': { de: 'Verlängerung', en: 'Renewal' },
  'letter.contract.renewalText': {
    de: 'stillschweigend um jeweils {months, plural, one {# Monat} other {# Monate}}, wenn nicht fristgerecht gekündigt wird',
    en: 'renews automatically for {months, plural, one {# month} other {# months}} at a time unless cancelled in time',
  },
  'letter.contract.noRenewal': { de: 'keine stillschweigende Verlängerung', en: 'no automatic renewal' },
  'letter.contract.annualValue': { de: 'Jahreswert (netto)', en: 'Annual value (net)' },
  'letter.contract.items': { de: 'Vertragsgegenstand', en: 'Subject of the contract' },
  'letter.contract.cancelNote': {
    de: 'Eine Kündigung muss uns spätestens am {date} zugehen, damit der Vertrag zum Ende der Laufzeit endet.',
    en: 'A notice of termination must reach us by {date} at the latest for the contract to end at the end of the term.',
  },
  'letter.contract.endNote': { de: 'Der Vertrag endet am {date}, ohne dass es einer Kündigung bedarf.', en: 'The contract ends on {date} without any notice being required.' },
  'letter.contract.closingLine': {
    de: 'Wir freuen uns auf die Zusammenarbeit und stehen für Fragen jederzeit gern zur Verfügung.',
    en: 'We look forward to working with you and are happy to answer any questions.',
  },
} as const satisfies Texts
