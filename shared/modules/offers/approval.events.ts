// What discount approvals (issue 18) put on the work list, as message keys (shared/platform/event-message.ts),
// rendered once shared/i18n/events.ts gathers APPROVAL_EVENTS.
import type { EventDefinitions } from '../../platform/event-message'

export const APPROVAL_EVENTS = {
  'approval.workList': { de: 'Rabattfreigabe {number} – {company}', en: 'Discount approval {number} – {company}' },
  'approval.workListRequested': {
    de: 'Freigabe erbeten von {requester} · Position {item} % · Angebot {offer} %',
    en: 'Approval requested by {requester} · item {item} % · offer {offer} %',
  },
  'approval.workListApproved': { de: 'Freigegeben von {decider}', en: 'Approved by {decider}' },
  'approval.workListDeclined': { de: 'Abgelehnt von {decider}: {reason}', en: 'Declined by {decider}: {reason}' },
  'approval.calendar': { de: 'Rabattfreigabe Angebot {number}', en: 'Discount approval offer {number}' },
} as const satisfies EventDefinitions

type ApprovalEventDefinitions = typeof APPROVAL_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends ApprovalEventDefinitions {}
}
