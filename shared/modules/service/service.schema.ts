// Inputs of the use phase: assets, cases (with their type-specific parts), referrals, feedback.
import { z } from 'zod'
import { daySchema, idSchema, optionalEnum, optionalIdSchema, pagingSchema, requiredIdSchema, requiredText, text } from '../../platform/common.schema'
import { LANGUAGES, TOUCHPOINT_CHANNELS } from '../customers'
import { exportFormatSchema } from '../../platform/export-file'
import { STATIONS } from '../customers'
import { amountCents } from '../../platform/money'
import {
  CASE_CHANNELS, CASE_STATUSES, CASE_TYPES, COMPLAINT_CATEGORIES, FEEDBACK_KINDS, PRIORITIES, RETURN_REASONS, RETURN_STATUSES, WARRANTY_DECISIONS,
} from './service.enums'

/** A day in 1900–2199 (daySchema). */
const dateSchema = daySchema
const optionalDate = z.union([z.literal(''), dateSchema]).default('')
const instant = z.iso.datetime({ offset: true, message: 'errors.date' })

export const assetFieldsSchema = z.object({
  companyId: requiredIdSchema,
  productId: optionalIdSchema,
  name: requiredText(200),
  serialNumber: text(100),
  site: text(300),
  deliveredOn: optionalDate,
  installedOn: optionalDate,
  /** Empty: from the product's warranty months after delivery (or installation). */
  warrantyEnd: optionalDate,
  contractId: optionalIdSchema,
  notes: text(2000),
}).superRefine((a, ctx) => {
  if (a.installedOn && a.deliveredOn && a.installedOn < a.deliveredOn) ctx.addIssue({ code: 'custom', path: ['installedOn'], message: 'errors.installedBeforeDelivered' })
})
export type AssetFields = z.output<typeof assetFieldsSchema>
export type AssetFieldsInput = z.input<typeof assetFieldsSchema>
export const assetUpdateSchema = z.intersection(assetFieldsSchema, z.object({ id: idSchema }))

export const returnLineSchema = z.object({
  productId: optionalIdSchema,
  name: requiredText(200),
  quantity: z.number('errors.number').int('errors.integer').gt(0, 'errors.quantityPositive').max(100_000, 'errors.tooLarge'),
  reason: z.enum(RETURN_REASONS, 'errors.invalidChoice'),
})

export const caseFieldsSchema = z.object({
  type: z.enum(CASE_TYPES, 'errors.invalidChoice'),
  companyId: z.string('errors.caseCustomerRequired').min(1, 'errors.caseCustomerRequired').pipe(requiredIdSchema),
  contactId: optionalIdSchema,
  assetId: optionalIdSchema,
  channel: z.enum(CASE_CHANNELS, 'errors.invalidChoice'),
  receivedAt: instant,
  subject: requiredText(200),
  description: text(8000),
  priority: z.enum(PRIORITIES, 'errors.invalidChoice'),
  ownerId: optionalIdSchema,
  category: optionalEnum(COMPLAINT_CATEGORIES),
  lines: z.array(returnLineSchema).max(200, 'errors.tooMany').default([]),
}).superRefine((c, ctx) => {
  if (c.type === 'warranty' && !c.assetId) ctx.addIssue({ code: 'custom', path: ['assetId'], message: 'errors.warrantyNeedsAsset' })
  if (c.type === 'return' && c.lines.length === 0) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'errors.returnNeedsLines' })
})
export type CaseFields = z.output<typeof caseFieldsSchema>
export type CaseFieldsInput = z.input<typeof caseFieldsSchema>

export const caseTransitionSchema = z.object({
  id: idSchema,
  to: z.enum(CASE_STATUSES, 'errors.invalidChoice'),
  note: text(4000),
  customerInformed: z.boolean().default(false),
  rejectionReason: text(1000),
}).superRefine((c, ctx) => {
  if (c.to === 'rejected' && !c.rejectionReason.trim()) ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'errors.rejectionReasonRequired' })
})
export type CaseTransitionInput = z.input<typeof caseTransitionSchema>

/** The complaint's analysis: root cause and corrective action are needed to resolve it. */
export const complaintDetailsSchema = z.object({
  id: idSchema,
  category: optionalEnum(COMPLAINT_CATEGORIES),
  rootCause: text(4000),
  correctiveAction: text(4000),
  goodwillCents: amountCents,
})
export const caseSatisfactionSchema = z.object({
  id: idSchema,
  satisfaction: z.number('errors.satisfactionRange').int('errors.satisfactionRange').min(1, 'errors.satisfactionRange').max(5, 'errors.satisfactionRange'),
})

export const warrantyDecisionSchema = z.object({
  id: idSchema,
  decision: z.enum(WARRANTY_DECISIONS, 'errors.warrantyDecisionRequired'),
  reason: text(2000),
  customerInformed: z.boolean().default(false),
}).superRefine((d, ctx) => {
  if (d.decision !== 'accepted' && !d.reason.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'errors.decisionReasonRequired' })
})

export const returnStepSchema = z.object({ id: idSchema, to: z.enum(RETURN_STATUSES, 'errors.invalidChoice'), note: text(2000), customerInformed: z.boolean().default(false) })

/** Another owner or priority; a new priority sets new service-level deadlines from the time received. */
export const caseAssignSchema = z.object({ id: idSchema, ownerId: requiredIdSchema, priority: z.enum(PRIORITIES, 'errors.invalidChoice') })

export const caseNoteSchema = z.object({ id: idSchema, text: requiredText(4000), customerInformed: z.boolean().default(false) })

export const caseListQuerySchema = z.object({
  companyId: optionalIdSchema,
  ownerId: optionalIdSchema,
  type: z.union([z.enum(CASE_TYPES), z.literal('')]).default(''),
  status: z.union([z.enum(CASE_STATUSES), z.literal('open'), z.literal('')]).default('open'),
  ...pagingSchema,
})
/** All cases as a file: the list's type and status filter, every matching row (no paging). */
export const caseExportSchema = caseListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
export type CaseExportQuery = z.input<typeof caseExportSchema>
export const serviceWorkListQuerySchema = z.object({ ownerId: optionalIdSchema, now: instant.optional() })

export const referralFieldsSchema = z.object({
  /** The referrer: a customer and (optionally) the contact who recommended us. */
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  /** The referred prospect, created as a company with lead source "referral". */
  prospectName: requiredText(200),
  prospectCity: text(100),
  prospectContactName: text(200),
  prospectPhone: text(50),
  note: text(2000),
})
export type ReferralFields = z.output<typeof referralFieldsSchema>
export const referralThanksSchema = z.object({ id: idSchema, reward: text(200), rewardValueCents: amountCents, note: text(1000) })
export const referralListQuerySchema = z.object({ companyId: optionalIdSchema, ...pagingSchema })

export const feedbackFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  kind: z.enum(FEEDBACK_KINDS, 'errors.invalidChoice'),
  station: optionalEnum(STATIONS),
  givenOn: dateSchema,
  /** NPS 0–10; satisfaction 1–5; none for a testimonial. */
  score: z.number('errors.number').int('errors.integer').nullable().default(null),
  comment: text(4000),
  quotePermission: z.boolean().default(false),
  beforeFigure: text(500),
  afterFigure: text(500),
}).superRefine((f, ctx) => {
  if (f.kind === 'nps' && (f.score === null || f.score < 0 || f.score > 10)) ctx.addIssue({ code: 'custom', path: ['score'], message: 'errors.npsRange' })
  if (f.kind === 'satisfaction' && (f.score === null || f.score < 1 || f.score > 5)) ctx.addIssue({ code: 'custom', path: ['score'], message: 'errors.satisfactionRange' })
  if (f.kind === 'testimonial' && !f.comment.trim()) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'errors.testimonialText' })
})
export type FeedbackFields = z.output<typeof feedbackFieldsSchema>
export type FeedbackFieldsInput = z.input<typeof feedbackFieldsSchema>
export const feedbackListQuerySchema = z.object({ companyId: optionalIdSchema, kind: z.union([z.enum(FEEDBACK_KINDS), z.literal('')]).default(''), ...pagingSchema })
export const npsReportQuerySchema = z.object({ from: dateSchema, to: dateSchema, period: z.enum(['month', 'quarter', 'year']).default('quarter') })

/** What every export of this module adds to its list's or report's query: the file format and the reader's language. */
const exportOptions = caseExportSchema.pick({ format: true, language: true }).shape

/** Referrals and feedback as files: the list's filters, every matching row (no paging). */
export const referralExportSchema = referralListQuerySchema.omit({ offset: true, limit: true }).extend(exportOptions)
export type ReferralExportQuery = z.input<typeof referralExportSchema>
export const feedbackExportSchema = feedbackListQuerySchema.omit({ offset: true, limit: true }).extend(exportOptions)
export type FeedbackExportQuery = z.input<typeof feedbackExportSchema>

/** The NPS report as a file: the report's own query (range, period). */
export const npsReportExportSchema = npsReportQuerySchema.extend(exportOptions)
export type NpsReportExportQuery = z.input<typeof npsReportExportSchema>

/** A reminder of the use phase done (with the outcome as a touchpoint) or moved. */
export const REMINDER_SOURCES = ['asset', 'referral', 'feedback'] as const
export const reminderDoneSchema = z.object({ source: z.enum(REMINDER_SOURCES), id: idSchema, channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice'), outcome: requiredText(2000) })
export const reminderSnoozeSchema = z.object({ source: z.enum(REMINDER_SOURCES), id: idSchema, until: dateSchema })
