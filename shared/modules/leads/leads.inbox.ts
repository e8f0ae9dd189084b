// The lead inbox's channels (issue 19): what the laptop's inbox reads, and the two decisions on a lead.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { LEAD_REJECT_REASONS, LEAD_MAX_SCORE } from './leads.enums'
import type { LeadEvent } from './leads.schema'

export interface LeadInboxItem {
  id: string
  score: number
  firstName: string
  lastName: string
  email: string | null
  phone: string | null
  companyName: string
  source: string
  campaign: string
  receivedAt: string
  consentGiven: boolean
  events: LeadEvent[]
}

export interface LeadInbox {
  threshold: number
  /** New leads at or above the threshold, highest score first, then the oldest first. */
  leads: LeadInboxItem[]
  /** New leads below the threshold: Marketing-Leads, only counted. */
  marketingCount: number
}

/** `anyway`: convert although likely duplicates of the company exist (the first try answers them). */
export const leadConvertSchema = z.object({ id: idSchema, anyway: z.boolean().default(false) }).strict()
export type LeadConvertInput = z.input<typeof leadConvertSchema>

export type LeadConvertResult =
  | { converted: true; companyId: string; contactId: string }
  | { converted: false; duplicates: Array<{ id: string; name: string }> }

export const leadRejectSchema = z.object({ id: idSchema, reason: z.enum(LEAD_REJECT_REASONS, 'errors.invalidChoice') }).strict()
export type LeadRejectInput = z.input<typeof leadRejectSchema>

/** The device's handover threshold (app setting `leadThreshold`). */
export const leadThresholdSchema = z.object({
  threshold: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(LEAD_MAX_SCORE, 'errors.tooLarge'),
}).strict()
