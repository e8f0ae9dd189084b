// Texts of the demo data section on the settings page.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const DEMO_TEXTS = {
  'settings.demo': { de: 'Demodaten', en: 'Demo data' },
  'settings.demoHint': { de: 'Füllt die Datenbank mit 60 Beispielfirmen samt Ansprechpartnern und Kontaktpunkten.', en: 'Fills the database with 60 sample companies with contacts and touchpoints.' },
  'settings.demoLoad': { de: 'Demodaten laden', en: 'Load demo data' },
  'settings.demoLoaded': { de: '{count, plural, one {# Firma angelegt.} other {# Firmen angelegt.}}', en: '{count, plural, one {# company created.} other {# companies created.}}' },
} as const satisfies Texts
