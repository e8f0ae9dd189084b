// Texts of the DSGVO module: the erasure of a person (Art. 17), its confirmation and the erasure log.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const DSGVO_TEXTS = {
  'dsgvo.eraseLink': { de: 'Person löschen (DSGVO)', en: 'Erase person (GDPR)' },
  'dsgvo.eraseTitle': { de: 'Person löschen (DSGVO Art. 17)', en: 'Erase person (GDPR Art. 17)' },
  'dsgvo.eraseSubtitle': { de: '{name} · {company}', en: '{name} · {company}' },
  'dsgvo.eraseWhat': { de: 'Was passiert', en: 'What happens' },
  'dsgvo.eraseEverywhere': {
    de: 'Die personenbezogenen Daten dieser Person werden gelöscht – auf diesem Gerät, auf dem Sync-Server und bei der nächsten Synchronisation auf allen anderen Geräten. Auch Suchindex, noch nicht übertragene Änderungen und erzeugte Angebots- und Vertragsschreiben an sie werden entfernt.',
    en: 'The personal data of this person is erased – on this device, on the sync server and, at their next sync, on every other device. The search index, changes not yet sent and generated offer and contract letters addressed to them are removed too.',
  },
  'dsgvo.eraseKept': {
    de: 'Für die Statistik bleiben anonymisiert erhalten: {touchpoints, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}}, {offers, plural, one {# Angebot} other {# Angebote}}, {contracts, plural, one {# Vertrag} other {# Verträge}} und {cases, plural, one {# Fall} other {# Fälle}} – ohne Ansprechpartner und ohne den Text über die Person.',
    en: 'Kept anonymised for the statistics: {touchpoints, plural, one {# touchpoint} other {# touchpoints}}, {offers, plural, one {# offer} other {# offers}}, {contracts, plural, one {# contract} other {# contracts}} and {cases, plural, one {# case} other {# cases}} – without the contact person and without the text about them.',
  },
  'dsgvo.eraseFinal': { de: 'Das kann nicht rückgängig gemacht werden. Protokolliert wird nur, wer wann welchen Datensatz (Kennung) gelöscht hat – kein Name.', en: 'This cannot be undone. Only who erased which record (its id) and when is logged – no name.' },
  'dsgvo.openOffersQuestion': {
    de: '{count, plural, one {Diese Person ist Ansprechpartner eines offenen Angebots} other {Diese Person ist Ansprechpartner von # offenen Angeboten}}: {numbers}. Was soll damit geschehen?',
    en: '{count, plural, one {This person is the addressee of an open offer} other {This person is the addressee of # open offers}}: {numbers}. What should happen to {count, plural, one {it} other {them}}?',
  },
  'dsgvo.offerDecision': { de: 'Offene Angebote', en: 'Open offers' },
  'enum.offerDecision.keepWithoutContact': { de: 'Angebot behalten (ohne Ansprechpartner)', en: 'Keep the offer (without contact person)' },
  'enum.offerDecision.withdraw': { de: 'Angebot zurückziehen', en: 'Withdraw the offer' },
  'dsgvo.eraseConfirm': { de: 'Endgültig löschen', en: 'Erase for good' },
  'dsgvo.erasing': { de: 'Wird gelöscht …', en: 'Erasing …' },
  'dsgvo.erased': { de: 'Die Person wurde gelöscht. Die anderen Geräte löschen sie bei ihrer nächsten Synchronisation.', en: 'The person was erased. The other devices erase them at their next sync.' },
  'dsgvo.errors.offerDecisionRequired': { de: 'Bitte wählen Sie, was mit den offenen Angeboten geschehen soll.', en: 'Please choose what should happen to the open offers.' },
  'dsgvo.errors.managersOnly': { de: 'Das Löschprotokoll sehen nur Vertriebsleitung und Administration.', en: 'Only managers and administrators can see the erasure log.' },
  'dsgvo.logTitle': { de: 'DSGVO-Löschprotokoll', en: 'GDPR erasure log' },
  'dsgvo.logIntro': { de: 'Wer wann welchen Datensatz nach Art. 17 DSGVO gelöscht hat. Es enthält keine Namen der gelöschten Personen.', en: 'Who erased which record under GDPR Art. 17, and when. It holds no names of the erased persons.' },
  'dsgvo.logStandalone': { de: 'Dieses Gerät ist mit keinem Sync-Server verbunden, daher ist keine Rolle bekannt: das Protokoll zeigt die Löschungen dieses Geräts. Mit Server sehen es nur Vertriebsleitung und Administration.', en: 'This device is not connected to a sync server, so no role is known: the log shows this device\'s erasures. With a server only managers and administrators see it.' },
  'dsgvo.logEmpty': { de: 'Noch keine Löschungen.', en: 'No erasures yet.' },
  'dsgvo.logWhen': { de: 'Zeitpunkt', en: 'When' },
  'dsgvo.logWho': { de: 'Gelöscht von', en: 'Erased by' },
  'dsgvo.logRecord': { de: 'Datensatz (Kennung)', en: 'Record (id)' },
  'dsgvo.logCompany': { de: 'Firma', en: 'Company' },
  'dsgvo.logOffers': { de: 'Offene Angebote', en: 'Open offers' },
  'dsgvo.logPending': { de: 'noch nicht übertragen', en: 'not yet sent' },
  'dsgvo.logTable.contacts': { de: 'Ansprechpartner', en: 'Contact' },
  'dsgvo.auditTitle': { de: 'Datenschutz-Protokoll: Exporte und Auskünfte', en: 'Privacy log: exports and access requests' },
  'dsgvo.auditIntro': {
    de: 'Jede Datei mit Kundendaten, die die App verlässt – Listen als CSV oder Excel, vCards, Kalender, Auskünfte nach Art. 15 –, mit wer, wann und wie viele Datensätze.',
    en: 'Every file with customer data that leaves the app – lists as CSV or Excel, vCards, calendars, Art. 15 access reports – with who, when and how many records.',
  },
  'dsgvo.auditEmpty': { de: 'Noch nichts exportiert.', en: 'Nothing exported yet.' },
  'dsgvo.auditWhat': { de: 'Was', en: 'What' },
  'dsgvo.auditRows': { de: 'Datensätze', en: 'Records' },
  'dsgvo.auditPerson': { de: 'Person (ID)', en: 'Person (ID)' },
  'enum.auditKind.export': { de: 'Export', en: 'Export' },
  'enum.auditKind.access_report': { de: 'Auskunft Art. 15', en: 'Access report (Art. 15)' },
} as const satisfies Texts
