// Texts of events the app records on timelines (touchpoints and case events): the data holds a message
// key and its parameters, never a sentence; these texts render them in the reader's language
// (shared/i18n/event-text.ts). The definitions live with their module; this file only gathers them.
import { CONTRACT_EVENTS } from '../modules/contracts'
import { CUSTOMER_EVENTS } from '../modules/customers'
import { APPROVAL_EVENTS, OFFER_EVENTS, PROMISE_EVENTS } from '../modules/offers'
import { LEAD_EVENTS } from '../modules/leads'
import { CASE_EVENTS, SERVICE_TOUCHPOINT_EVENTS } from '../modules/service'
import { PLANNING_EVENTS } from '../modules/planning'
import { TRIGGER_EVENTS } from '../modules/success'
import { CALENDAR_TEXTS } from '../modules/worklist'
import { eventTexts } from '../platform/event-message'

/** Every event definition, by key (and the calendar file's texts, which render the same way). */
export const EVENTS = { ...CUSTOMER_EVENTS, ...OFFER_EVENTS, ...PROMISE_EVENTS, ...APPROVAL_EVENTS, ...LEAD_EVENTS, ...CONTRACT_EVENTS, ...SERVICE_TOUCHPOINT_EVENTS, ...CASE_EVENTS, ...PLANNING_EVENTS, ...TRIGGER_EVENTS, ...CALENDAR_TEXTS } as const
export type EventKey = keyof typeof EVENTS

export const EVENT_TEXTS_DE = eventTexts(EVENTS, 'de')
export const EVENT_TEXTS_EN: Record<keyof typeof EVENT_TEXTS_DE, string> = eventTexts(EVENTS, 'en')
