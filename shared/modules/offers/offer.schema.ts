// Inputs of the offer station, shared by the forms and the offers.* / products.* / conversations.* handlers.
import { z } from 'zod'
import { daySchema, idSchema, optionalEnum, optionalIdSchema, pagingSchema, requiredIdSchema, requiredText, sortDirSchema, text } from '../../platform/common.schema'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS, LANGUAGES, TOUCHPOINT_CHANNELS } from '../customers'
import { exportFormatSchema } from '../../platform/export-file'
import { LOST_REASONS, OFFER_STATUSES } from './offer.enums'
import { offerItemSchema, percent, vatRate } from '../../platform/line-items.schema'
import { amountCents } from '../../platform/money'

export { offerItemSchema, type OfferItemFields } from '../../platform/line-items.schema'

/** A day in 1900–2199 (daySchema). */
const dateSchema = daySchema
export const productFieldsSchema = z.object({
  sku: requiredText(40),
  name: requiredText(200),
  description: text(2000),
  unit: requiredText(20),
  listPriceCents: amountCents,
  /** What the product costs us (issue 18: the margin floor of discount approvals); empty when unknown. */
  purchasePriceCents: z.union([z.nan().transform(() => null), amountCents]).nullable().default(null),
  vatRate,
  warrantyMonths: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(600, 'errors.tooLarge'),
  active: z.boolean(),
})
export type ProductFields = z.output<typeof productFieldsSchema>
export const productUpdateSchema = productFieldsSchema.extend({ id: idSchema })
export const productListQuerySchema = z.object({ search: text(100), activeOnly: z.boolean().default(false), ...pagingSchema })

/**
 * CSV import: the file's text and which CSV column feeds which product field. The price column holds
 * a price as a German price list writes it ("1.234,56"), read into `listPriceCents`.
 */
export const PRODUCT_IMPORT_FIELDS = ['sku', 'name', 'description', 'unit', 'listPrice', 'vatRate', 'warrantyMonths', 'active'] as const
export const productImportSchema = z.object({
  csv: z.string().min(1, 'errors.required').max(10_000_000, 'errors.tooLong'),
  mapping: z.partialRecord(z.enum(PRODUCT_IMPORT_FIELDS), z.string().max(200)),
  dryRun: z.boolean().default(false),
})

export const participantSchema = z.object({
  contactId: requiredIdSchema,
  buyingRole: optionalEnum(BUYING_ROLES),
  influence: optionalEnum(INFLUENCE_LEVELS),
  attitude: optionalEnum(ATTITUDES),
  caresAbout: text(1000),
})
export const conversationFieldsSchema = z.object({
  companyId: requiredIdSchema,
  heldAt: dateSchema,
  situation: text(4000),
  needs: text(4000),
  goals: text(4000),
  worries: text(4000),
  decisionCriteria: text(2000),
  budget: text(500),
  decisionTimeline: text(500),
  decisionProcess: text(2000),
  competitors: text(1000),
  nextSteps: text(2000),
  participants: z.array(participantSchema).max(50).default([]),
})
export type ConversationFields = z.output<typeof conversationFieldsSchema>
export type ConversationFieldsInput = z.input<typeof conversationFieldsSchema>
export const conversationUpdateSchema = conversationFieldsSchema.extend({ id: idSchema })

export const offerFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  conversationId: optionalIdSchema,
  offerDate: dateSchema,
  validUntil: dateSchema,
  offerDiscountPercent: percent,
  paymentNetDays: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(365, 'errors.tooLarge'),
  skontoPercent: percent,
  skontoDays: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(365, 'errors.tooLarge'),
  deliveryTerms: text(2000),
  introduction: text(4000),
  benefits: text(4000),
  items: z.array(offerItemSchema).max(500, 'errors.tooMany'),
  /** A renewal offer: the contract it continues, and the new term in months when it is won. */
  contractId: optionalIdSchema,
  contractTermMonths: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(240, 'errors.tooLarge').default(0),
}).superRefine((o, ctx) => {
  if (o.contractId && o.contractTermMonths < 1) ctx.addIssue({ code: 'custom', path: ['contractTermMonths'], message: 'errors.renewalTermRequired' })
  if (o.validUntil < o.offerDate) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'errors.validBeforeOfferDate' })
  if (o.skontoPercent > 0 && o.skontoDays === 0) ctx.addIssue({ code: 'custom', path: ['skontoDays'], message: 'errors.skontoDays' })
  if (o.skontoDays > o.paymentNetDays) ctx.addIssue({ code: 'custom', path: ['skontoDays'], message: 'errors.skontoAfterNet' })
})
export type OfferFields = z.output<typeof offerFieldsSchema>
export type OfferFieldsInput = z.input<typeof offerFieldsSchema>
export const offerUpdateSchema = z.intersection(offerFieldsSchema, z.object({ id: idSchema }))

export const offerListQuerySchema = z.object({
  search: text(100),
  status: z.union([z.enum(OFFER_STATUSES), z.literal('open'), z.literal('')]).default(''),
  ownerId: optionalIdSchema,
  companyId: optionalIdSchema,
  sort: z.enum(['offerDate', 'number', 'grossCents', 'validUntil']).default('offerDate'),
  dir: sortDirSchema.default('desc'),
  ...pagingSchema,
})

/** All offers as a file: the list's search, status filter and sort, every matching row (no paging). */
export const offerExportSchema = offerListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})

export const offerLoseSchema = z.object({
  id: idSchema,
  reason: z.enum(LOST_REASONS, 'errors.lostReasonRequired'),
  competitor: text(200),
  note: text(2000),
  /** "Wieder melden am": lost for timing or budget, the day the customer named to be contacted again (optional). */
  recontactOn: z.union([daySchema, z.literal('')], 'errors.date').default(''),
}).superRefine((o, ctx) => {
  if (o.reason === 'competitor' && !o.competitor) ctx.addIssue({ code: 'custom', path: ['competitor'], message: 'errors.competitorRequired' })
})
export const offerWinSchema = z.object({ id: idSchema, orderDate: dateSchema, orderValueCents: amountCents })

export const followUpCompleteSchema = z.object({
  id: idSchema,
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice'),
  outcome: requiredText(2000),
})
export const followUpSnoozeSchema = z.object({ id: idSchema, until: dateSchema })
export const workListQuerySchema = z.object({ ownerId: optionalIdSchema, today: dateSchema.optional() })

export const orderRateQuerySchema = z.object({
  from: dateSchema,
  to: dateSchema,
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  ownerId: optionalIdSchema,
  segment: text(40),
})

/** What every export of this module adds to its list's or report's query: the file format and the reader's language. */
const exportOptions = offerExportSchema.pick({ format: true, language: true }).shape

/** The price list as a file: the list's search and "active only", every matching product (no paging). */
export const productExportSchema = productListQuerySchema.omit({ offset: true, limit: true }).extend(exportOptions)
export type ProductExportQuery = z.input<typeof productExportSchema>

/** The order-rate report as a file: the report's own query (range, period, owner, segment). */
export const orderRateExportSchema = orderRateQuerySchema.extend(exportOptions)
export type OrderRateExportQuery = z.input<typeof orderRateExportSchema>
