// Texts of the work list: due follow-ups and reminders of every source, and the notice of what is due.
// Keys are stable (code and tests use them); add a text with both languages.
import type { Texts } from '../../platform/texts'

export const WORKLIST_TEXTS = {
  'followUp.title': { de: 'Nachfassen', en: 'Follow-up' },
  'followUp.summary': { de: '{overdue} überfällig, {today} heute', en: '{overdue} overdue, {today} today' },
  'followUp.exportIcs': { de: 'Als Kalender (ICS) exportieren', en: 'Export as calendar (ICS)' },
  'followUp.owner': { de: 'Zuständig', en: 'Owner' },
  'followUp.empty': { de: 'Nichts nachzufassen. Versendete Angebote erscheinen hier automatisch zu den Nachfassterminen.', en: 'Nothing to follow up. Sent offers appear here automatically on their follow-up dates.' },
  'followUp.overdue': { de: 'Überfällig', en: 'Overdue' },
  'followUp.today': { de: 'Heute', en: 'Today' },
  'followUp.upcoming': { de: 'Demnächst', en: 'Upcoming' },
  'followUp.complete': { de: 'Erledigt', en: 'Done' },
  'followUp.snooze': { de: 'Verschieben', en: 'Postpone' },
  'followUp.outcome': { de: 'Ergebnis des Gesprächs', en: 'Outcome of the call' },
  'followUp.until': { de: 'Neuer Termin', en: 'New date' },
  // Follow-ups, tasks and every other reminder of the work list count here.
  'followUp.dueNotice': { de: '{count, plural, one {# Eintrag} other {# Einträge}} der Arbeitsliste heute fällig oder überfällig.', en: '{count, plural, one {# work-list entry} other {# work-list entries}} due today or overdue.' },
  'followUp.toList': { de: 'Zur Nachfassliste', en: 'Open the follow-up list' },
  'followUp.dismiss': { de: 'Ausblenden', en: 'Dismiss' },
  // Filters (issue 16): whose entries, and which days.
  'worklist.who': { de: 'Wessen Einträge', en: 'Whose entries' },
  'worklist.who.mine': { de: 'Meine', en: 'Mine' },
  'worklist.who.team': { de: 'Team', en: 'Team' },
  'worklist.when': { de: 'Fälligkeit', en: 'Due' },
  'worklist.when.all': { de: 'Alle', en: 'All' },
  'worklist.when.overdue': { de: 'Überfällig', en: 'Overdue' },
  'worklist.when.week': { de: 'Diese Woche', en: 'This week' },
  'worklist.emptyFiltered': { de: 'Keine Einträge für diese Auswahl.', en: 'No entries for this selection.' },
  'worklist.newTask': { de: 'Neue Aufgabe', en: 'New task' },
  // A long section shows its first entries (issue 16: thousands of tasks must not slow the list down).
  'worklist.shown': { de: '{shown} von {count} angezeigt', en: '{shown} of {count} shown' },
  'worklist.more': { de: 'Weitere anzeigen', en: 'Show more' },
} as const satisfies Texts
