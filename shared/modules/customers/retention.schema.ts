// Retention (DSGVO Art. 5(1)(e)): how long a company without activity is kept, per kind, and the review
// list of what is due — deletion is a decision the user takes, never automatic. Kept on the device.
import { z } from 'zod'
import { daySchema, idSchema } from '../../platform/common.schema'
import type { CompanyStatus } from './customer.enums'

export const retentionSettingsSchema = z.object({
  /** Prospects (never a customer) without any activity for this many years are due for review. */
  prospectYears: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(30, 'errors.tooLarge').default(3),
  /** Former customers: commercial records are kept ten years (§ 257 HGB, § 147 AO). */
  formerYears: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(30, 'errors.tooLarge').default(10),
})
export type RetentionSettings = z.output<typeof retentionSettingsSchema>

/** "Behalten": the company is not listed again before this day (a year after the decision by default). */
export const retentionKeepSchema = z.object({ id: idSchema, until: daySchema })

export interface RetentionItem {
  id: string
  name: string
  customerNumber: string
  status: CompanyStatus
  /** The latest day anything happened with the company: created, a touchpoint, an offer's date, a contract's end, a case received. */
  lastActivity: string
  /** The day it became due: last activity plus the kind's period. */
  dueSince: string
  contacts: number
}

export interface RetentionReview {
  settings: RetentionSettings
  today: string
  items: RetentionItem[]
  /** The day the review was last completed on this device, or null. */
  lastReviewedOn: string | null
}
