// What the contract and renewal stations record on a customer's timeline, as message keys
// (shared/platform/event-message.ts); dates are stored as ISO days and shown in the reader's format.
import type { EventDefinitions } from '../../platform/event-message'

export const CONTRACT_EVENTS = {
  'contract.signed': {
    format: { start: 'date' },
    de: 'Vertrag {number} abgeschlossen: {title}, Beginn {start}',
    en: 'Contract {number} signed: {title}, starting {start}',
  },
  'contract.cancelledByCustomer': {
    format: { effective: 'date', received: 'date' },
    de: 'Vertrag {number} vom Kunden gekündigt zum {effective} (Eingang {received})',
    en: 'Contract {number} cancelled by the customer as of {effective} (received {received})',
  },
  'contract.cancelledByUs': {
    format: { effective: 'date', received: 'date' },
    de: 'Vertrag {number} von uns gekündigt zum {effective} (Eingang {received})',
    en: 'Contract {number} cancelled by us as of {effective} (received {received})',
  },
  'contract.renewed': {
    format: { end: 'date' },
    de: 'Vertrag {number} verlängert bis {end} (Angebot {offer})',
    en: 'Contract {number} renewed until {end} (offer {offer})',
  },
  'contract.renewalReviewed': { de: 'Verlängerung geprüft (Vertrag {number})', en: 'Renewal reviewed (contract {number})' },
  // A renewal reminder on the work list and in its calendar file.
  'worklist.renewal': { de: 'Verlängerung {number} – {company}', en: 'Renewal {number} – {company}' },
  'worklist.renewalDetail': {
    format: { kind: { label: 'enum.renewalReminderKind' }, annual: 'cents', cancelBy: 'date' },
    de: '{kind} · Jahreswert {annual} · Kündigung bis {cancelBy}',
    en: '{kind} · annual value {annual} · cancel by {cancelBy}',
  },
  'worklist.renewalCalendar': { de: 'Vertrag {number} Verlängerung prüfen', en: 'Review renewal of contract {number}' },
  'worklist.renewalCalendarDetail': { format: { cancelBy: 'date' }, de: 'Kündigung spätestens bis {cancelBy}', en: 'Cancel by {cancelBy} at the latest' },
} as const satisfies EventDefinitions
export type ContractEventKey = keyof typeof CONTRACT_EVENTS

type ContractEventDefinitions = typeof CONTRACT_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends ContractEventDefinitions {}
}
