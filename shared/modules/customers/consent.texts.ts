// Texts of consents per contact (DSGVO): the section on the contact page and the marks where an e-mail is offered.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const CONSENT_TEXTS = {
  'consent.title': { de: 'Einwilligungen (DSGVO)', en: 'Consents (GDPR)' },
  'consent.hint': {
    de: 'Wofür die Person eingewilligt hat, über welchen Kanal, seit wann und woher – und wann sie widerrufen hat. Ein Widerruf gilt ab dem Tag; die Historie bleibt.',
    en: 'What the person agreed to, on which channel, since when and from where – and when they withdrew. A withdrawal holds from its day; the history stays.',
  },
  'consent.list': { de: 'Einwilligungen', en: 'Consents' },
  'consent.channel': { de: 'Kanal', en: 'Channel' },
  'consent.purpose': { de: 'Zweck', en: 'Purpose' },
  'consent.givenOn': { de: 'Erteilt am', en: 'Given on' },
  'consent.source': { de: 'Quelle', en: 'Source' },
  'consent.withdrawnOn': { de: 'Widerrufen am', en: 'Withdrawn on' },
  'consent.note': { de: 'Notiz', en: 'Note' },
  'consent.add': { de: 'Einwilligung erfassen', en: 'Record consent' },
  'consent.withdraw': { de: 'Widerruf erfassen', en: 'Record withdrawal' },
  'consent.withdrawConfirm': { de: 'Widerruf speichern', en: 'Save withdrawal' },
  'consent.active': { de: 'gilt', en: 'in force' },
  'consent.empty': { de: 'Keine Einwilligung erfasst. Werbung per E-Mail ist ohne Einwilligung nicht erlaubt (§ 7 UWG).', en: 'No consent recorded. Advertising by e-mail is not allowed without consent (§ 7 UWG).' },
  'consent.saved': { de: 'Einwilligung gespeichert.', en: 'Consent saved.' },
  'consent.withdrawn': { de: 'Widerruf gespeichert.', en: 'Withdrawal saved.' },
  'consent.emailWithdrawn': { de: 'E-Mail-Einwilligung widerrufen', en: 'E-mail consent withdrawn' },
  'consent.emailWithdrawnHint': { de: 'Diese Person hat die Einwilligung in E-Mails widerrufen: keine Werbung per E-Mail.', en: 'This person withdrew their consent to e-mails: no advertising by e-mail.' },
  'enum.consentChannel.email': { de: 'E-Mail', en: 'E-mail' },
  'enum.consentChannel.phone': { de: 'Telefon', en: 'Phone' },
  'enum.consentChannel.letter': { de: 'Brief', en: 'Letter' },
  'enum.consentChannel.sms': { de: 'SMS', en: 'Text message' },
  'enum.consentPurpose.advertising': { de: 'Werbung und Angebote', en: 'Advertising and offers' },
  'enum.consentPurpose.newsletter': { de: 'Newsletter', en: 'Newsletter' },
  'enum.consentPurpose.events': { de: 'Veranstaltungen', en: 'Events' },
  'enum.consentPurpose.surveys': { de: 'Umfragen', en: 'Surveys' },
  'errors.consentWithdrawn': { de: 'Diese Einwilligung ist bereits widerrufen.', en: 'This consent is already withdrawn.' },
  'errors.consentBeforeGiven': { de: 'Der Widerruf kann nicht vor der Einwilligung liegen.', en: 'The withdrawal cannot be before the consent.' },
} as const satisfies Texts
