// What overdue leads (issue 19, the response-time target) put on the work list, as message keys
// (shared/platform/event-message.ts), rendered once shared/i18n/events.ts gathers LEAD_EVENTS.
import type { EventDefinitions } from '../../platform/event-message'

export const LEAD_EVENTS = {
  'lead.workList': { de: 'Erstkontakt Lead {person} – {company}', en: 'First contact lead {person} – {company}' },
  'lead.workListBadge': { de: 'Lead', en: 'Lead' },
  'lead.workListDetail': {
    format: { received: 'date' },
    de: '{score} Punkte · {source} · eingegangen am {received}',
    en: '{score} points · {source} · received on {received}',
  },
  'lead.calendar': { de: 'Lead {company} kontaktieren', en: 'Contact lead {company}' },
} as const satisfies EventDefinitions

type LeadEventDefinitions = typeof LEAD_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends LeadEventDefinitions {}
}
