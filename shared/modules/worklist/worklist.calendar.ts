// The texts of the work list's calendar file (ICS): written in the language of whoever exports it,
// rendered like timeline events (shared/i18n/event-text.ts), so dates follow the reader's format.
import type { EventDefinitions } from '../../platform/event-message'

export const CALENDAR_TEXTS = {
  'calendar.offer': { de: 'Angebot {number} nachfassen', en: 'Follow up offer {number}' },
  'calendar.offerDetail': { format: { date: 'date' }, de: 'gültig bis {date}', en: 'valid until {date}' },
  'calendar.contract': { de: 'Vertrag {number} Verlängerung prüfen', en: 'Review renewal of contract {number}' },
  'calendar.contractDetail': { format: { date: 'date' }, de: 'Kündigung spätestens bis {date}', en: 'Cancel by {date} at the latest' },
  'calendar.warranty_ending': { de: 'Garantieende: Servicevertrag anbieten', en: 'Warranty ends: offer a service contract' },
  'calendar.referral_thanks': { de: 'Für die Empfehlung danken', en: 'Thank for the referral' },
  'calendar.ask_referral': { de: 'Nach Empfehlung oder Referenz fragen', en: 'Ask for a referral or reference' },
  'calendar.phone': { de: 'Tel. {phone}', en: 'Tel. {phone}' },
} as const satisfies EventDefinitions
