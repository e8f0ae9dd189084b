// What the use phase records on a case's and a customer's timeline, as message keys
// (shared/platform/event-message.ts); statuses and decisions are stored as enum values and shown as labels.
import type { EventDefinitions } from '../../platform/event-message'

/** Events of a case's own timeline (`case_events.message_key`). */
export const CASE_EVENTS = {
  'case.created': { de: 'Fall angelegt', en: 'Case opened' },
  'case.status': { format: { to: { label: 'enum.caseStatus' } }, de: 'Status: {to}', en: 'Status: {to}' },
  'case.satisfaction': { de: 'Zufriedenheit des Kunden: {score} von 5', en: 'Customer satisfaction: {score} of 5' },
  'case.warrantyDecision': { format: { decision: { label: 'enum.warrantyDecision' } }, de: 'Garantie: {decision}', en: 'Warranty: {decision}' },
  'case.returnStep': { format: { status: { label: 'enum.returnStatus' } }, de: 'Retoure {rma}: {status}', en: 'Return {rma}: {status}' },
  'case.reassigned': { de: 'Bearbeiter: {owner}', en: 'Assigned to {owner}' },
  'case.reprioritised': { format: { priority: { label: 'enum.priority' } }, de: 'Priorität: {priority}', en: 'Priority: {priority}' },
  'case.reassignedReprioritised': {
    format: { priority: { label: 'enum.priority' } },
    de: 'Bearbeiter: {owner}, Priorität: {priority}',
    en: 'Assigned to {owner}, priority: {priority}',
  },
} as const satisfies EventDefinitions
export type CaseEventKey = keyof typeof CASE_EVENTS

/** Events the use phase writes on the customer's timeline (`touchpoints.message_key`). */
export const SERVICE_TOUCHPOINT_EVENTS = {
  'case.opened': { format: { type: { label: 'enum.caseType' } }, de: '{type} {number}', en: '{type} {number}' },
  'case.customerInformed': { de: 'Kunde informiert ({number})', en: 'Customer informed ({number})' },
  'case.customerInformedOf': {
    format: { detail: 'message' },
    de: 'Kunde informiert ({number}): {detail}',
    en: 'Customer informed ({number}): {detail}',
  },
  'asset.warrantyEndDiscussed': { de: 'Garantieende besprochen', en: 'End of warranty discussed' },
  'referral.thanksSaid': { de: 'Für die Empfehlung bedankt', en: 'Thanked for the referral' },
  'feedback.referralAsked': { de: 'Nach Empfehlung oder Referenz gefragt', en: 'Asked for a referral or reference' },
  // The use phase's reminders on the work list and in its calendar file.
  'worklist.warrantyEnding': { de: 'Garantieende – {company}', en: 'Warranty ending – {company}' },
  'worklist.referralThanks': { de: 'Dank für Empfehlung – {company}', en: 'Thanks for referral – {company}' },
  'worklist.askReferral': { de: 'Nach Empfehlung fragen – {company}', en: 'Ask for a referral – {company}' },
  'worklist.usePhaseKind': { format: { kind: { label: 'enum.usePhaseReminder' } }, de: '{kind}', en: '{kind}' },
  'worklist.assetDetail': { format: { warrantyEnd: 'date' }, de: '{asset} · Garantie bis {warrantyEnd}', en: '{asset} · warranty until {warrantyEnd}' },
  'worklist.referralDetail': { de: 'Empfohlen: {prospect}', en: 'Referred: {prospect}' },
  'worklist.feedbackDetail': { de: 'NPS {score}', en: 'NPS {score}' },
  'worklist.feedbackDetailComment': { de: 'NPS {score}: {comment}', en: 'NPS {score}: {comment}' },
  'referral.received': { de: 'Empfehlung: {prospect}', en: 'Referral: {prospect}' },
  'referral.thanked': { de: 'Dank für die Empfehlung von {prospect}', en: 'Thanked for the referral of {prospect}' },
  'referral.thankedReward': { de: 'Dank für die Empfehlung von {prospect} ({reward})', en: 'Thanked for the referral of {prospect} ({reward})' },
} as const satisfies EventDefinitions
export type ServiceTouchpointEventKey = keyof typeof SERVICE_TOUCHPOINT_EVENTS

type CaseEventDefinitions = typeof CASE_EVENTS
type ServiceTouchpointEventDefinitions = typeof SERVICE_TOUCHPOINT_EVENTS
declare module '../../platform/event-message' {
  interface EventRegistry extends CaseEventDefinitions, ServiceTouchpointEventDefinitions {}
}
