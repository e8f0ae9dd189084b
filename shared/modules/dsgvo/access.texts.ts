// Texts of the Art. 15 information (Auskunft): its screen and its letter.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const ACCESS_TEXTS = {
  'access.title': { de: 'Auskunft nach Art. 15 DSGVO', en: 'Access request (Art. 15 GDPR)' },
  'access.link': { de: 'Auskunft (Art. 15)', en: 'Access (Art. 15)' },
  'access.hint': {
    de: 'Erstellt alles, was Kundenreise über diese Person speichert: als JSON-Datei (maschinenlesbar) und als Brief an die Person. Die Anfrage wird protokolliert.',
    en: 'Produces everything Kundenreise stores about this person: as a JSON file (machine-readable) and as a letter to the person. The request is logged.',
  },
  'access.create': { de: 'Auskunft erstellen', en: 'Create access report' },
  'access.done': { de: 'Auskunft erstellt: {files}. Enthalten: {summary}.', en: 'Access report created: {files}. Contains: {summary}.' },
  'access.count.touchpoints': { de: '{count, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}}', en: '{count, plural, one {# touchpoint} other {# touchpoints}}' },
  'access.count.conversations': { de: '{count, plural, one {# Gespräch} other {# Gespräche}}', en: '{count, plural, one {# conversation} other {# conversations}}' },
  'access.count.offers': { de: '{count, plural, one {# Angebot} other {# Angebote}}', en: '{count, plural, one {# offer} other {# offers}}' },
  'access.count.contracts': { de: '{count, plural, one {# Vertrag} other {# Verträge}}', en: '{count, plural, one {# contract} other {# contracts}}' },
  'access.count.cases': { de: '{count, plural, one {# Servicefall} other {# Servicefälle}}', en: '{count, plural, one {# service case} other {# service cases}}' },
  'access.count.referrals': { de: '{count, plural, one {# Empfehlung} other {# Empfehlungen}}', en: '{count, plural, one {# referral} other {# referrals}}' },
  'access.count.feedback': { de: '{count, plural, one {# Rückmeldung} other {# Rückmeldungen}}', en: '{count, plural, one {# feedback entry} other {# feedback entries}}' },
  'access.count.consents': { de: '{count, plural, one {# Einwilligung} other {# Einwilligungen}}', en: '{count, plural, one {# consent} other {# consents}}' },
  'access.count.promises': { de: '{count, plural, one {# Zusage} other {# Zusagen}}', en: '{count, plural, one {# promise} other {# promises}}' },
  'access.count.tasks': { de: '{count, plural, one {# Aufgabe} other {# Aufgaben}}', en: '{count, plural, one {# task} other {# tasks}}' },
  'access.count.appointments': { de: '{count, plural, one {# Termin} other {# Termine}}', en: '{count, plural, one {# appointment} other {# appointments}}' },
  'letter.access.withdrawn': { de: 'widerrufen am {date}', en: 'withdrawn on {date}' },
  'letter.access.subject': { de: 'Ihre Auskunft nach Art. 15 DSGVO', en: 'Your access request under Art. 15 GDPR' },
  'letter.access.intro': {
    de: 'Sie haben Auskunft über die personenbezogenen Daten verlangt, die wir über Sie verarbeiten. Nachfolgend erhalten Sie eine vollständige Aufstellung; dieselben Daten liegen maschinenlesbar als JSON-Datei bei.',
    en: 'You asked for information about the personal data we process about you. Below you find a complete list; the same data is enclosed in machine-readable form as a JSON file.',
  },
  'letter.access.personal': { de: 'Ihre Stammdaten', en: 'Your master data' },
  'letter.access.records': { de: 'Vorgänge, in denen Sie genannt sind', en: 'Records that name you' },
  'letter.access.none': { de: 'keine', en: 'none' },
  'letter.access.purposes': { de: 'Zwecke und Rechtsgrundlage', en: 'Purposes and legal basis' },
  'letter.access.purposesText': {
    de: 'Wir verarbeiten Ihre Daten zur Anbahnung und Durchführung von Verträgen mit {company} (Art. 6 Abs. 1 lit. b DSGVO) und im berechtigten Interesse an der Kundenbetreuung (Art. 6 Abs. 1 lit. f DSGVO); Werbung per E-Mail nur mit Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO).',
    en: 'We process your data to prepare and perform contracts with {company} (Art. 6(1)(b) GDPR) and in our legitimate interest in customer care (Art. 6(1)(f) GDPR); advertising by e-mail only with your consent (Art. 6(1)(a) GDPR).',
  },
  'letter.access.recipients': { de: 'Empfänger und Speicherdauer', en: 'Recipients and retention' },
  'letter.access.recipientsText': {
    de: 'Die Daten sehen die Mitarbeitenden unseres Vertriebs und Service. Wir speichern sie, solange die Geschäftsbeziehung besteht, und danach nur, soweit gesetzliche Aufbewahrungsfristen (bis zu zehn Jahre, § 147 AO, § 257 HGB) es verlangen.',
    en: 'The data is seen by the staff of our sales and service. We keep it while the business relationship lasts and afterwards only as far as statutory retention periods (up to ten years, § 147 AO, § 257 HGB) require.',
  },
  'letter.access.rights': { de: 'Ihre Rechte', en: 'Your rights' },
  'letter.access.rightsText': {
    de: 'Sie haben das Recht auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO) sowie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO).',
    en: 'You have the right to rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21 GDPR), and the right to lodge a complaint with a data protection supervisory authority (Art. 77 GDPR).',
  },
  'letter.access.closingLine': { de: 'Bei Fragen zu Ihren Daten erreichen Sie uns unter den oben genannten Kontaktdaten.', en: 'If you have questions about your data, you can reach us at the contact details above.' },
  'letter.access.field.name': { de: 'Name', en: 'Name' },
  'letter.access.field.jobFunction': { de: 'Funktion', en: 'Function' },
  'letter.access.field.company': { de: 'Firma', en: 'Company' },
  'letter.access.field.email': { de: 'E-Mail', en: 'E-mail' },
  'letter.access.field.phone': { de: 'Telefon', en: 'Phone' },
  'letter.access.field.mobile': { de: 'Mobil', en: 'Mobile' },
  'letter.access.field.language': { de: 'Korrespondenzsprache', en: 'Correspondence language' },
  'letter.access.field.notes': { de: 'Notizen, Ziele und Anliegen', en: 'Notes, goals and concerns' },
  'letter.access.field.since': { de: 'Gespeichert seit', en: 'Stored since' },
} as const satisfies Texts
