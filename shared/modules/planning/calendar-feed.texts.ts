// Texts of the calendar subscription (issue 16): the settings section (`calendarFeed.*`), its errors
// (`errors.calendarFeed…`) and the entries of the feed the sync server writes (`calendarFeed.event.*`, German).
import type { Texts } from '../../platform/texts'

export const CALENDAR_FEED_TEXTS = {
  'calendarFeed.title': { de: 'Kalender-Abo', en: 'Calendar subscription' },
  'calendarFeed.intro': {
    de: 'Ihre Termine, Aufgaben mit Uhrzeit, Nachfass-Termine und Kündigungsfristen im eigenen Kalender: Der Sync-Server stellt dafür eine private Abo-Adresse bereit. Ihr Kalender fragt sie regelmäßig ab; Änderungen und Absagen kommen von selbst an.',
    en: 'Your appointments, tasks with a time, follow-ups and notice deadlines in your own calendar: the sync server provides a private subscription address. Your calendar checks it regularly; changes and cancellations arrive by themselves.',
  },
  'calendarFeed.howTo': { de: 'So abonnieren Sie die Adresse', en: 'How to subscribe' },
  'calendarFeed.howTo.outlook': {
    de: 'Outlook: Kalender → Kalender hinzufügen → Aus dem Internet abonnieren, Adresse einfügen.',
    en: 'Outlook: Calendar → Add calendar → Subscribe from web, paste the address.',
  },
  'calendarFeed.howTo.thunderbird': {
    de: 'Thunderbird: Neuer Kalender → Im Netzwerk → Adresse einfügen (Format iCalendar).',
    en: 'Thunderbird: New calendar → On the network → paste the address (format iCalendar).',
  },
  'calendarFeed.howTo.apple': { de: 'Apple Kalender: Ablage → Neues Kalenderabonnement, Adresse einfügen.', en: 'Apple Calendar: File → New Calendar Subscription, paste the address.' },
  'calendarFeed.howTo.google': { de: 'Google Kalender: Weitere Kalender → Per URL, Adresse einfügen.', en: 'Google Calendar: Other calendars → From URL, paste the address.' },
  'calendarFeed.privacy': {
    de: 'Wer die Adresse kennt, sieht Ihre Termine mit Kundennamen und Ort. Geben Sie sie nicht weiter; bei Verdacht erstellen Sie eine neue.',
    en: 'Anyone who knows the address sees your appointments with customer names and places. Do not pass it on; if in doubt, create a new one.',
  },
  'calendarFeed.unavailable': {
    de: 'Das Kalender-Abo stellt der Sync-Server bereit: Verbinden Sie sich zuerst unter „Synchronisation“ mit dem Server.',
    en: 'The sync server provides the calendar subscription: connect to the server under “Synchronisation” first.',
  },
  'calendarFeed.active': { de: 'Abo aktiv seit {date}.', en: 'Subscription active since {date}.' },
  'calendarFeed.inactive': { de: 'Noch keine Abo-Adresse.', en: 'No subscription address yet.' },
  'calendarFeed.create': { de: 'Abo-Adresse erstellen', en: 'Create subscription address' },
  'calendarFeed.reset': { de: 'Neue Adresse (alte wird ungültig)', en: 'New address (the old one stops working)' },
  'calendarFeed.revoke': { de: 'Abo beenden', en: 'End subscription' },
  'calendarFeed.revoked': { de: 'Abo beendet: Die Adresse funktioniert nicht mehr.', en: 'Subscription ended: the address no longer works.' },
  'calendarFeed.url': { de: 'Abo-Adresse', en: 'Subscription address' },
  'calendarFeed.copy': { de: 'Kopieren', en: 'Copy' },
  'calendarFeed.copied': { de: 'Kopiert', en: 'Copied' },
  'calendarFeed.shownOnce': {
    de: 'Die Adresse wird nur jetzt angezeigt: Kopieren Sie sie in Ihren Kalender. Später können Sie nur eine neue erstellen.',
    en: 'The address is shown only now: copy it into your calendar. Later you can only create a new one.',
  },
  'calendarFeed.event.appointment': {
    de: '{kind, select, visit {Besuch} call {Telefonat} video {Videotermin} other {Termin}}: {title} – {company}',
    en: '{kind, select, visit {Visit} call {Call} video {Video meeting} other {Appointment}}: {title} – {company}',
  },
  'calendarFeed.event.task': { de: 'Aufgabe: {title} – {company}', en: 'Task: {title} – {company}' },
  'calendarFeed.event.followUp': { de: 'Nachfassen Angebot {number} – {company}', en: 'Follow up offer {number} – {company}' },
  'calendarFeed.event.cancelBy': { de: 'Kündigungsfrist Vertrag {number} ({title}) – {company}', en: 'Notice deadline contract {number} ({title}) – {company}' },
  'calendarFeed.event.unknownCompany': { de: 'Kunde', en: 'Customer' },
  'errors.calendarFeedNotConnected': {
    de: 'Nicht mit dem Sync-Server verbunden: Das Kalender-Abo gibt es nur mit Server.',
    en: 'Not connected to the sync server: the calendar subscription needs the server.',
  },
  'errors.calendarFeedOffline': {
    de: 'Der Sync-Server ist gerade nicht erreichbar: Das Kalender-Abo lässt sich später ändern.',
    en: 'The sync server cannot be reached right now: change the calendar subscription later.',
  },
  'errors.calendarFeedLoggedOut': {
    de: 'Die Anmeldung am Sync-Server gilt nicht mehr: Bitte unter „Synchronisation“ neu verbinden.',
    en: 'The sign-in to the sync server is no longer valid: please connect again under “Synchronisation”.',
  },
  'errors.calendarFeedUnsupported': {
    de: 'Dieser Sync-Server kennt das Kalender-Abo noch nicht: Bitte die Administration, ihn zu aktualisieren.',
    en: 'This sync server does not know the calendar subscription yet: ask your administrator to update it.',
  },
  'errors.calendarFeedFailed': { de: 'Das Kalender-Abo konnte nicht geändert werden. Bitte später erneut versuchen.', en: 'The calendar subscription could not be changed. Please try again later.' },
} as const satisfies Texts
