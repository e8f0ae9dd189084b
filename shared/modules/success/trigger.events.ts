// What a firing of an early-warning rule records (issue 17): its reason and the suggested next step, as message
// keys with parameters (shared/platform/event-message.ts), rendered in the reader's language. The reasons are
// stored on the firing (`trigger_firings.message_key`, listed in the row schema); the next step is the title of the
// task the firing makes.
import type { EventDefinitions } from '../../platform/event-message'

/** Why a rule fired: stored on the firing. */
export const TRIGGER_REASON_EVENTS = {
  'trigger.reason.detractor': { format: { givenOn: 'date' }, de: 'NPS-Antwort {score} vom {givenOn}', en: 'NPS answer {score} of {givenOn}' },
  'trigger.reason.complaints': { format: { receivedOn: 'date' }, de: '{count}. Reklamation in {days} Tagen: {number} vom {receivedOn}', en: 'Complaint no. {count} within {days} days: {number} of {receivedOn}' },
  'trigger.reason.cancelBy': { format: { cancelBy: 'date' }, de: 'Vertrag {number}: Kündigungstermin {cancelBy}, kein Verlängerungsangebot', en: 'Contract {number}: cancel-by {cancelBy}, no renewal offer' },
  'trigger.reason.noTouchpoint': { de: 'Seit {days} Tagen kein Kontakt (Norm {norm} Tage)', en: 'No contact for {days} days (norm {norm} days)' },
  'trigger.reason.noTouchpointEver': { de: 'Noch kein Kontakt seit {days} Tagen (Norm {norm} Tage)', en: 'No contact yet in {days} days (norm {norm} days)' },
  'trigger.reason.lostRecontact': { format: { reason: { label: 'enum.lostReason' }, recontactOn: 'date' }, de: 'Angebot {number} verloren ({reason}), wieder melden am {recontactOn}', en: 'Offer {number} lost ({reason}), re-contact on {recontactOn}' },
  'trigger.reason.healthLow': { de: 'Gesundheitswert {score} unter {threshold}', en: 'Health score {score} below {threshold}' },
  'trigger.reason.lostCompetitor': { format: { termEnds: 'date' }, de: 'Angebot {number} an {competitor} verloren, dessen Laufzeit endet etwa am {termEnds}', en: 'Offer {number} lost to {competitor}, whose term ends around {termEnds}' },
} as const satisfies EventDefinitions

/**
 * The suggested next step: the title of the task a firing makes, stored as its key (`tasks.title_key`) and rendered in
 * the reader's language; `notifyManager` and `proposeMail` wrap the step, whose key is their parameter `step`.
 */
export const TRIGGER_STEP_EVENTS = {
  'trigger.step.detractor': { de: 'Kritiker nachfassen: anrufen, Ursache klären', en: 'Follow up the detractor: call and find the cause' },
  'trigger.step.complaints': { de: 'Wiederholte Reklamation: Gespräch mit dem Kunden führen', en: 'Repeated complaint: talk to the customer' },
  'trigger.step.cancelBy': { de: 'Verlängerung anbieten vor dem Kündigungstermin', en: 'Offer a renewal before the cancel-by date' },
  'trigger.step.noTouchpoint': { de: 'Lange kein Kontakt: Kunden anrufen oder besuchen', en: 'No contact for long: call or visit the customer' },
  'trigger.step.lostRecontact': { de: 'Verlorenes Angebot: Kunden wie vereinbart wieder ansprechen', en: 'Lost offer: re-contact the customer as agreed' },
  'trigger.step.lostCompetitor': { de: 'Vor Laufzeitende beim Wettbewerber neu ansprechen', en: 'Re-approach before the competitor’s term ends' },
  'trigger.step.healthLow': { de: 'Gesundheitswert kritisch: Gründe mit dem Kunden klären', en: 'Health score critical: clear the reasons with the customer' },
  'trigger.step.notifyManager': { format: { step: 'message' }, de: 'Frühwarnung bei {company}: {step}', en: 'Early warning at {company}: {step}' },
  'trigger.step.proposeMail': { format: { step: 'message' }, de: 'Mail vorschlagen: {step}', en: 'Propose a mail: {step}' },
  // The note of a warning's task, read from its firing (never stored as text): the rule and why it fired.
  'trigger.taskNotes': { format: { signal: { label: 'enum.triggerSignal' }, why: 'message' }, de: 'Frühwarnung „{signal}“: {why}', en: 'Early warning “{signal}”: {why}' },
} as const satisfies EventDefinitions

/** The keys a task's title may be stored as (the row schema of `tasks` allows these and ''). */
export const TRIGGER_TITLE_KEYS = Object.keys(TRIGGER_STEP_EVENTS).filter((k) => k.startsWith('trigger.step.')) as Array<Extract<keyof typeof TRIGGER_STEP_EVENTS, `trigger.step.${string}`>>

export const TRIGGER_EVENTS = { ...TRIGGER_REASON_EVENTS, ...TRIGGER_STEP_EVENTS } as const satisfies EventDefinitions
export type TriggerReasonKey = keyof typeof TRIGGER_REASON_EVENTS
export const TRIGGER_REASON_KEYS = Object.keys(TRIGGER_REASON_EVENTS) as [TriggerReasonKey, ...TriggerReasonKey[]]

type TriggerEventDefinitions = typeof TRIGGER_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends TriggerEventDefinitions {}
}
