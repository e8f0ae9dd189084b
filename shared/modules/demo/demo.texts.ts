// Texts of the demo: the settings section, the confirmation, the banner in the frame and the refusals.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const DEMO_TEXTS = {
  'settings.demo': { de: 'Demo', en: 'Demo' },
  'settings.demoHint': {
    de: 'Probieren Sie die App mit 60 Beispielfirmen aus – in einer eigenen Demo-Datenbank. Ihre Daten bleiben unberührt.',
    en: 'Try the app with 60 sample companies – in a demo database of its own. Your data stays untouched.',
  },
  'settings.demoTry': { de: 'Demo ausprobieren', en: 'Try the demo' },
  'settings.demoActive': {
    de: 'Sie arbeiten gerade in der Demo-Datenbank. Was Sie hier ändern, bleibt in der Demo.',
    en: 'You are working in the demo database. What you change here stays in the demo.',
  },
  // Not shown any more (the demo is filled when it is first opened); tests/unit/i18n.test.ts still renders its plural.
  'demo.confirmTitle': { de: 'Demo ausprobieren?', en: 'Try the demo?' },
  'demo.confirmText': {
    de: 'Die App wechselt zu einer eigenen Demo-Datenbank mit 60 Beispielfirmen samt Ansprechpartnern, Angeboten, Verträgen und Servicefällen. Ihre eigenen Daten bleiben unberührt: Nichts aus der Demo kommt in Ihre Datenbank oder zum Sync-Server Ihres Teams. Über das Banner oben kehren Sie jederzeit zu Ihren Daten zurück.',
    en: 'The app switches to a demo database of its own with 60 sample companies and their contacts, offers, contracts and service cases. Your own data stays untouched: nothing from the demo goes into your database or to your team’s sync server. The banner at the top takes you back to your data at any time.',
  },
  'demo.confirm': { de: 'Demo starten', en: 'Start the demo' },
  'demo.switching': { de: 'Wechsle …', en: 'Switching …' },
  'demo.banner': { de: 'Demo – Ihre Daten sind unberührt.', en: 'Demo – your data is untouched.' },
  'demo.back': { de: 'Zurück zu meinen Daten', en: 'Back to my data' },
  'demo.syncUnavailable': {
    de: 'In der Demo gibt es keine Synchronisation: Die Demo-Datenbank wird nie mit einem Server verbunden, damit keine Beispieldaten zu Ihrem Team gelangen.',
    en: 'The demo does not sync: the demo database is never connected to a server, so no sample data reaches your team.',
  },
  'demo.errors.loadRefused': {
    de: 'Demodaten gibt es nur in der Demo-Datenbank („Demo ausprobieren“), nie in Ihrer eigenen Datenbank.',
    en: 'Demo data exists only in the demo database (“Try the demo”), never in your own database.',
  },
  'demo.errors.notDemoDatabase': {
    de: 'Neben Ihrer Datenbank liegt eine Datei mit dem Namen der Demo-Datenbank, die keine Demo-Datenbank ist. Sie wurde nicht verändert; benennen Sie sie um, um die Demo zu starten.',
    en: 'Next to your database there is a file with the demo database’s name that is not a demo database. It was left unchanged; rename it to start the demo.',
  },
  'demo.errors.openFailed': {
    de: 'Die Demo-Datenbank konnte nicht geöffnet werden. Ihre Daten sind unberührt.',
    en: 'The demo database could not be opened. Your data is untouched.',
  },
  'demo.errors.unavailable': { de: 'Der Wechsel der Datenbank ist hier nicht möglich.', en: 'Switching the database is not possible here.' },
  // The frame's skip link (belongs with the shell's texts in shared/platform/platform.texts.ts; kept here until it moves).
} as const satisfies Texts
