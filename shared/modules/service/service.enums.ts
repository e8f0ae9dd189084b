// Closed lists of the use phase: cases, returns, referrals, feedback. Labels in the i18n catalogues.
import { isOneOf } from '../../platform/value-lists'

export const CASE_TYPES = ['service_request', 'complaint', 'warranty', 'return'] as const
export type CaseType = (typeof CASE_TYPES)[number]

/** The workflow every case shares: new → acknowledged → in progress → resolved → closed, or rejected. */
export const CASE_STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'closed', 'rejected'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

// The business predicates of the use phase, each defined once here (SQL: db/modules/service/service.predicates.ts).
/** Open: not yet resolved, closed or rejected. Open cases have a service-level deadline and put the customer at support. */
export const OPEN_CASE_STATUSES = ['new', 'acknowledged', 'in_progress'] as const satisfies readonly CaseStatus[]
export type OpenCaseStatus = (typeof OPEN_CASE_STATUSES)[number]
export const isOpenCase = (status: string): status is OpenCaseStatus => isOneOf(OPEN_CASE_STATUSES, status)
/**
 * Overdue at the instant `now`: open and past its next service-level deadline (`sla_due`: acknowledging
 * while new, then resolving; the write path clears it when a case is no longer open).
 */
export const isOverdueCase = (c: { status: CaseStatus; slaDue: string | null }, now: string): boolean =>
  isOpenCase(c.status) && c.slaDue !== null && c.slaDue < now

/** Allowed next steps from each status. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['acknowledged', 'in_progress', 'rejected'],
  acknowledged: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
}

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const
export type Priority = (typeof PRIORITIES)[number]

/** `web`: the service form on the company's website (issue 19, docs/service-intake.md). */
export const CASE_CHANNELS = ['phone', 'email', 'portal', 'visit', 'letter', 'field_service', 'web'] as const
export type CaseChannel = (typeof CASE_CHANNELS)[number]

export const COMPLAINT_CATEGORIES = ['product_defect', 'delivery', 'installation', 'service', 'invoice', 'documentation', 'other'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const WARRANTY_DECISIONS = ['accepted', 'rejected', 'goodwill'] as const
export type WarrantyDecision = (typeof WARRANTY_DECISIONS)[number]

/** A return's own steps; the case status follows them. */
export const RETURN_STATUSES = ['requested', 'approved', 'received', 'inspected', 'replaced', 'credited'] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]
export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['approved'],
  approved: ['received'],
  received: ['inspected'],
  inspected: ['replaced', 'credited'],
  replaced: [],
  credited: [],
}
export const RETURN_CASE_STATUS: Record<ReturnStatus, CaseStatus> = {
  requested: 'new', approved: 'acknowledged', received: 'in_progress', inspected: 'in_progress', replaced: 'resolved', credited: 'resolved',
}
export const RETURN_REASONS = ['defective', 'wrong_item', 'damaged_in_transit', 'not_needed', 'spare_part_exchange', 'other'] as const
export type ReturnReason = (typeof RETURN_REASONS)[number]

export const CASE_EVENT_KINDS = ['created', 'status', 'note', 'decision', 'return_status'] as const
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number]

/** Where a referral stands, derived from the referred company's offers. */
export const REFERRAL_STATUSES = ['contacted', 'offer_sent', 'won', 'lost'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

export const FEEDBACK_KINDS = ['nps', 'satisfaction', 'testimonial'] as const
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]
/** NPS answers: promoters score 9–10, detractors 0–6, the rest are passives. */
export const PROMOTER_MIN_SCORE = 9
export const DETRACTOR_MAX_SCORE = 6
/** A promoter: an NPS answer of 9 or 10 (raises the reminder to ask for a referral; a journey fact for a year). */
export const isPromoter = (kind: FeedbackKind, score: number | null): boolean => kind === 'nps' && score !== null && score >= PROMOTER_MIN_SCORE

export const WARRANTY_REMINDER_DAYS = 60
