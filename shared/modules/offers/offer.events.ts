// What the offer station records on a customer's timeline, as message keys (shared/platform/event-message.ts).
import type { EventDefinitions } from '../../platform/event-message'

export const OFFER_EVENTS = {
  'offer.sent': { de: 'Angebot {number} versendet', en: 'Offer {number} sent' },
  'offer.sentRevision': { de: 'Angebot {number} (Rev. {revision}) versendet', en: 'Offer {number} (rev. {revision}) sent' },
  'offer.followedUp': { de: 'Nachgefasst (Angebot {number})', en: 'Followed up (offer {number})' },
  // An offer's follow-up on the work list and in its calendar file.
  'worklist.followUp': { format: { kind: { label: 'enum.followUpKind' } }, de: '{kind} {number} – {company}', en: '{kind} {number} – {company}' },
  'worklist.followUpDetail': {
    format: { kind: { label: 'enum.followUpKind' }, gross: 'cents', validUntil: 'date' },
    de: '{kind} · {gross} · gültig bis {validUntil}',
    en: '{kind} · {gross} · valid until {validUntil}',
  },
  'worklist.followUpCalendar': { de: 'Angebot {number} nachfassen', en: 'Follow up offer {number}' },
  'worklist.followUpCalendarDetail': { format: { validUntil: 'date' }, de: 'gültig bis {validUntil}', en: 'valid until {validUntil}' },
} as const satisfies EventDefinitions
export type OfferEventKey = keyof typeof OFFER_EVENTS

type OfferEventDefinitions = typeof OFFER_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends OfferEventDefinitions {}
}
