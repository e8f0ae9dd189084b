// Texts of the retention review (Aufbewahrung): the monthly list of companies due for a deletion decision.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const RETENTION_TEXTS = {
  'retention.title': { de: 'Aufbewahrung prüfen', en: 'Retention review' },
  'retention.hint': {
    de: 'Firmen, mit denen länger als die eingestellte Frist nichts geschehen ist. Entscheiden Sie je Firma: löschen (auf der Firmenseite) oder behalten. Gelöscht wird nie automatisch.',
    en: 'Companies with no activity for longer than the period set. Decide for each: delete (on the company page) or keep. Nothing is ever deleted automatically.',
  },
  'retention.settings': { de: 'Fristen', en: 'Periods' },
  'retention.prospectYears': { de: 'Interessenten ohne Aktivität (Jahre)', en: 'Prospects without activity (years)' },
  'retention.formerYears': { de: 'Ehemalige Kunden ohne Aktivität (Jahre)', en: 'Former customers without activity (years)' },
  'retention.saveSettings': { de: 'Fristen speichern', en: 'Save periods' },
  'retention.settingsSaved': { de: 'Fristen gespeichert.', en: 'Periods saved.' },
  'retention.due': { de: 'Zur Entscheidung fällig', en: 'Due for a decision' },
  'retention.empty': { de: 'Keine Firma ist fällig.', en: 'No company is due.' },
  'retention.lastActivity': { de: 'Letzte Aktivität', en: 'Last activity' },
  'retention.dueSince': { de: 'Fällig seit', en: 'Due since' },
  'retention.contacts': { de: 'Ansprechpartner', en: 'Contacts' },
  'retention.keep': { de: 'Ein Jahr behalten', en: 'Keep for a year' },
  'retention.kept': { de: '„{name}“ wird bis {date} nicht mehr aufgeführt.', en: '"{name}" is not listed again until {date}.' },
  'retention.complete': { de: 'Prüfung abgeschlossen', en: 'Review completed' },
  'retention.lastReview': { de: 'Zuletzt geprüft am {date}.', en: 'Last reviewed on {date}.' },
  'retention.reviewDue': { de: 'Die monatliche Prüfung steht an.', en: 'The monthly review is due.' },
} as const satisfies Texts
