// Leads (issue 19): what a lead may be, the reasons a rejection names, and the handover rule.

/** `new`: in the inbox (or counted as a Marketing-Lead below the threshold); then converted or rejected, once. */
export const LEAD_STATUSES = ['new', 'converted', 'rejected'] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]

/** The catalogue a rejection names (texts in leads.texts.ts); data stores the key. */
export const LEAD_REJECT_REASONS = ['no_need', 'no_budget', 'competitor', 'wrong_contact', 'duplicate', 'spam', 'other'] as const
export type LeadRejectReason = (typeof LEAD_REJECT_REASONS)[number]

/** Points a lead's score may reach; more is a sender's mistake. */
export const LEAD_MAX_SCORE = 10_000
/** The handover threshold when neither team nor device sets one: at or above it a lead goes to inside sales. */
export const DEFAULT_LEAD_THRESHOLD = 50
/** The field rep's first-contact task is due this many business days after the conversion (the response-time target's default). */
export const FIRST_CONTACT_BUSINESS_DAYS = 1
/** The response-time target's longest setting: business days inside sales may take for a lead's first contact. */
export const LEAD_MAX_RESPONSE_DAYS = 10
/** Scoring events one lead may carry. */
export const LEAD_MAX_EVENTS = 500

/** At or above the threshold a lead is handed over to inside sales; below it, it stays a Marketing-Lead. */
export const isHandedOver = (score: number, threshold: number = DEFAULT_LEAD_THRESHOLD): boolean => score >= threshold
