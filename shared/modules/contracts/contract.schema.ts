// Inputs of the contract station, shared by the forms and the contracts.* handlers.
import { z } from 'zod'
import { daySchema, idSchema, optionalIdSchema, pagingSchema, requiredIdSchema, requiredText, text } from '../../platform/common.schema'
import { LANGUAGES, TOUCHPOINT_CHANNELS } from '../customers'
import { exportFormatSchema } from '../../platform/export-file'
import { offerItemSchema } from '../../platform/line-items.schema'
import { amountCents } from '../../platform/money'
import { cancelBy, nextTerm, NOTICE_UNITS, noticeLongerThanTerm, termEnd } from './contract.dates'
import { CANCELLED_BY, CHURN_REASONS, CONTRACT_STATUSES, CONTRACT_TYPES, RENEWAL_REMINDER_KINDS } from './contract.enums'

/** Contract dates live in 1900–2199 (daySchema): the term, notice and renewal arithmetic stays far inside the calendar's range. */
const dateSchema = daySchema
const optionalDate = z.union([z.literal(''), dateSchema]).default('')
/** The longest notice period per unit: ten years. */
export const NOTICE_MAX: Record<(typeof NOTICE_UNITS)[number], number> = { days: 3650, weeks: 520, months: 120 }

const isDay = (d: unknown): d is string => typeof d === 'string' && dateSchema.safeParse(d).success
const isCount = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max

/** Whether the term fields are all in range, so the date arithmetic of the cancel-by date cannot fail. */
function termsComputable(c: { startDate: unknown; minimumTermMonths: unknown; endDate: unknown; noticeValue: unknown; noticeUnit: unknown; renewalMonths: unknown }): boolean {
  const unitMax = (NOTICE_MAX as Record<string, number | undefined>)[String(c.noticeUnit)]
  return isDay(c.startDate) && (c.endDate === '' || isDay(c.endDate)) && isCount(c.minimumTermMonths, 1, 240)
    && unitMax !== undefined && isCount(c.noticeValue, 0, unitMax) && isCount(c.renewalMonths, 0, 120)
}

const months = (max: number) => z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(max, 'errors.tooLarge')

export const contractFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  /** The won offer the contract came from, if any. */
  offerId: optionalIdSchema,
  type: z.enum(CONTRACT_TYPES, 'errors.invalidChoice'),
  title: requiredText(200),
  startDate: dateSchema,
  minimumTermMonths: months(240),
  /** Empty: the end of the minimum term. */
  endDate: optionalDate,
  /** At most ten years in any unit (NOTICE_MAX); checked per unit below. */
  noticeValue: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(NOTICE_MAX.days, 'errors.tooLarge'),
  noticeUnit: z.enum(NOTICE_UNITS, 'errors.invalidChoice'),
  /** Months of each tacit renewal; 0: no tacit renewal. */
  renewalMonths: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(120, 'errors.tooLarge'),
  annualValueCents: amountCents,
  ownerId: optionalIdSchema,
  notes: text(4000),
  items: z.array(offerItemSchema).max(500, 'errors.tooMany').default([]),
}).superRefine((c, ctx) => {
  const unitMax = NOTICE_MAX[c.noticeUnit] as number | undefined
  if (unitMax !== undefined && c.noticeValue > unitMax && c.noticeValue <= NOTICE_MAX.days) ctx.addIssue({ code: 'custom', path: ['noticeValue'], message: 'errors.tooLarge' })
  // The date checks below only on fields that passed their own checks: absurd values have their field errors already.
  if (!termsComputable(c)) return
  const end = contractEnd(c)
  if (end && end < c.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.endBeforeStart' })
    return
  }
  if (!end) return
  const notice = { value: c.noticeValue, unit: c.noticeUnit }
  // The notice must fit into the first term and into every renewal term.
  const renewal = c.renewalMonths > 0 ? nextTerm(end, c.renewalMonths, notice) : null
  if (noticeLongerThanTerm(c.startDate, end, notice) || (renewal && noticeLongerThanTerm(renewal.start, renewal.end, notice))) {
    ctx.addIssue({ code: 'custom', path: ['noticeValue'], message: 'errors.noticeLongerThanTerm' })
  }
})
export type ContractFields = z.output<typeof contractFieldsSchema>
export type ContractFieldsInput = z.input<typeof contractFieldsSchema>
export const contractUpdateSchema = z.intersection(contractFieldsSchema, z.object({ id: idSchema }))

/** The first term's last day: as typed, or the end of the minimum term. Null while the start is not a date. */
export function contractEnd(c: { startDate: string; minimumTermMonths: number; endDate: string }): string | null {
  if (c.endDate) return c.endDate
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.startDate) || !(c.minimumTermMonths > 0)) return null
  return termEnd(c.startDate, c.minimumTermMonths)
}

/** The cancel-by date the form shows while typing (null while incomplete). */
export function previewCancelBy(c: { startDate: string; minimumTermMonths: number; endDate: string; noticeValue: number; noticeUnit: string }): string | null {
  if (!termsComputable({ ...c, renewalMonths: 0 })) return null
  const end = contractEnd(c)
  if (!end) return null
  return cancelBy(end, { value: c.noticeValue, unit: c.noticeUnit as (typeof NOTICE_UNITS)[number] })
}

export const contractCancelSchema = z.object({
  id: idSchema,
  cancelledBy: z.enum(CANCELLED_BY, 'errors.invalidChoice'),
  receivedOn: dateSchema,
  /** Empty: the end of the term the notice is in time for. */
  effectiveOn: optionalDate,
  reason: z.enum(CHURN_REASONS, 'errors.churnReasonRequired'),
  note: text(2000),
}).superRefine((c, ctx) => {
  if (c.effectiveOn && c.effectiveOn < c.receivedOn) ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'errors.effectiveBeforeReceived' })
})
export type ContractCancelInput = z.input<typeof contractCancelSchema>

export const contractListQuerySchema = z.object({
  status: z.union([z.enum(CONTRACT_STATUSES), z.literal('running'), z.literal('')]).default(''),
  companyId: optionalIdSchema,
  ownerId: optionalIdSchema,
  ...pagingSchema,
})

/** All contracts as a file: the list's status and owner filter, every matching row (no paging). */
export const contractExportSchema = contractListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
export type ContractExportQuery = z.input<typeof contractExportSchema>

export const renewalPipelineQuerySchema = z.object({
  days: z.union([z.literal(30), z.literal(90), z.literal(180)]).default(90),
  ownerId: optionalIdSchema,
  today: dateSchema.optional(),
  ...pagingSchema,
})

export const renewalReminderDoneSchema = z.object({
  contractId: idSchema,
  kind: z.enum(RENEWAL_REMINDER_KINDS),
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice'),
  outcome: requiredText(2000),
})
export const renewalReminderSnoozeSchema = z.object({ contractId: idSchema, kind: z.enum(RENEWAL_REMINDER_KINDS), until: dateSchema })

export const renewalReportQuerySchema = z.object({
  from: dateSchema,
  to: dateSchema,
  period: z.enum(['month', 'quarter', 'year']).default('quarter'),
  ownerId: optionalIdSchema,
})

/** The renewal report as a file: the report's own query plus the file format and the reader's language. */
export const renewalReportExportSchema = renewalReportQuerySchema.extend(contractExportSchema.pick({ format: true, language: true }).shape)
export type RenewalReportExportQuery = z.input<typeof renewalReportExportSchema>
