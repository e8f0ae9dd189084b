// The seller's company profile (letterhead, footer, bank details) and the rep's signature, per device.
import { z } from 'zod'
import { emailSchema, phoneSchema, text } from '../../platform/common.schema'
import { DEFAULT_RENEWAL_LEAD_DAYS } from '../contracts/contract.dates'
import { PRIORITIES, type Priority } from '../service/service.enums'
import { DEFAULT_SERVICE_LEVELS } from '../service/sla.rules'
import { DEFAULT_CADENCE, LOST_REASONS } from './offer.enums'

export const companyProfileSchema = z.object({
  name: text(200),
  street: text(200),
  postalCode: text(10),
  city: text(100),
  phone: phoneSchema,
  email: emailSchema,
  website: text(200),
  /**
   * Absolute path of the PNG/JPEG logo (≤ 2 MB) the user picked on this device. Saving copies the file
   * into the app's profile folder and letters embed that copy; this profile never leaves the device.
   */
  logoPath: text(1000),
  managingDirectors: text(300),
  registerCourt: text(200),
  registerNumber: text(100),
  vatId: text(40),
  bankName: text(200),
  iban: text(40).refine((v) => v === '' || /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/.test(v.toUpperCase()), 'errors.iban'),
  bic: text(20),
  repJobTitle: text(100),
  repPhone: phoneSchema,
  defaultDeliveryTerms: text(2000),
  /** Follow-up cadence: business days after sending, and days before the validity ends. */
  followUpFirstDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[0]),
  followUpSecondDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[1]),
  followUpDaysBeforeExpiry: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.daysBeforeExpiry),
  /** Days before the cancel-by date the renewal review is due (the final reminder comes 14 days before it). */
  renewalLeadDays: z.number('errors.number').int('errors.integer').min(15, 'errors.tooSmall').max(365, 'errors.tooLarge').default(DEFAULT_RENEWAL_LEAD_DAYS),
  /** Service levels by priority: acknowledge within hours, resolve within business days. */
  serviceLevels: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, z.object({
    acknowledgeHours: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(240, 'errors.tooLarge'),
    resolveBusinessDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge'),
  })])) as Record<Priority, z.ZodObject<{ acknowledgeHours: z.ZodNumber; resolveBusinessDays: z.ZodNumber }>>).default(DEFAULT_SERVICE_LEVELS),
  /** The lost reasons offered when an offer is lost (the catalogue; at least one). */
  lostReasons: z.array(z.enum(LOST_REASONS)).min(1, 'errors.lostReasonsEmpty').default([...LOST_REASONS]),
}).superRefine((p, ctx) => {
  if (p.followUpSecondDays <= p.followUpFirstDays) ctx.addIssue({ code: 'custom', path: ['followUpSecondDays'], message: 'errors.secondAfterFirst' })
})
export type CompanyProfileSettings = z.output<typeof companyProfileSchema>
