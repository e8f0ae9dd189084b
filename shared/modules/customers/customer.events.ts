// What the customers module records on a customer's timeline by itself, as message keys
// (shared/platform/event-message.ts): the status following the business (won offer, running contract,
// last contract ended; electron/main/modules/customers/customer-status.service.ts).
import type { EventDefinitions } from '../../platform/event-message'

export const CUSTOMER_EVENTS = {
  'company.becameCustomerByOffer': {
    format: { from: { label: 'enum.status' } },
    de: 'Status {from} → Kunde: Angebot {number} gewonnen',
    en: 'Status {from} → customer: offer {number} won',
  },
  'company.becameCustomerByContract': {
    format: { from: { label: 'enum.status' } },
    de: 'Status {from} → Kunde: Vertrag {number} abgeschlossen',
    en: 'Status {from} → customer: contract {number} signed',
  },
  'company.becameFormerCustomer': {
    de: 'Status Kunde → Ehemaliger Kunde: der letzte Vertrag ({number}) ist beendet',
    en: 'Status customer → former customer: the last contract ({number}) has ended',
  },
} as const satisfies EventDefinitions
export type CustomerEventKey = keyof typeof CUSTOMER_EVENTS

type CustomerEventDefinitions = typeof CUSTOMER_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends CustomerEventDefinitions {}
}
