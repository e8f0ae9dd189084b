// The lead inbox's channels (issue 19): what the laptop's inbox reads, and the two decisions on a lead.
import { z } from 'zod'
import { idSchema, text } from '../../platform/common.schema'
import { FEDERAL_STATES } from '../../platform/federal-states'
import { LEAD_REJECT_REASONS } from './leads.enums'
import type { LeadEvent } from './leads.schema'
import type { LeadRep, Territory } from './leads.rules'

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
  /** The qualification and the company's address as inside sales completed them (prefilled from the post). */
  qualification: LeadQualification
}

/** The inbox shows this many leads at most (the best first); the rest follow as the first are decided. */
export const LEAD_INBOX_PAGE = 100

export interface LeadInbox {
  threshold: number
  /** New leads at or above the threshold, highest score first, then the oldest first: the first LEAD_INBOX_PAGE. */
  leads: LeadInboxItem[]
  /** How many new leads are at or above the threshold (the page shows the first LEAD_INBOX_PAGE of them). */
  handedCount: number
  /** New leads below the threshold: Marketing-Leads, only counted. */
  marketingCount: number
  /** The field reps a lead may be assigned to (the user's team) and their territories (team setting `leadRules`). */
  reps: LeadRep[]
  territories: Territory[]
}

/**
 * Qualification (budget, need, timing, decision maker: later the pre-offer conversation's budget, needs, decision
 * timeline and decision process) and the company's address that proposes the rep by territory.
 */
export const leadQualificationSchema = z.object({
  budget: text(500),
  need: text(2000),
  timing: text(500),
  decisionMaker: text(500),
  postalCode: z.string('errors.required').trim().regex(/^(\d{5})?$/, 'errors.postalCode').default(''),
  city: text(100),
  federalState: z.union([z.enum(FEDERAL_STATES, 'errors.leadUnknownState'), z.literal('')], 'errors.leadUnknownState').default(''),
}).strict()
export type LeadQualification = z.output<typeof leadQualificationSchema>
export type LeadQualificationInput = z.input<typeof leadQualificationSchema>

export const leadQualifySchema = z.object({ id: idSchema, qualification: leadQualificationSchema }).strict()
export type LeadQualifyInput = z.input<typeof leadQualifySchema>

/**
 * `anyway`: convert although likely duplicates of the company exist (the first try answers them). `companyId`: an
 * existing company to convert into instead (one of the duplicates answered, chosen by the user): no new company,
 * its contact reused when it is the lead's person. `repId`: the field rep the lead goes to (a new company's owner
 * and team; the first-contact task); `language`: of the task's title.
 */
export const leadConvertSchema = z.object({
  id: idSchema,
  anyway: z.boolean().default(false),
  companyId: idSchema.optional(),
  repId: z.string('errors.leadRepRequired').min(1, 'errors.leadRepRequired').pipe(idSchema),
  qualification: leadQualificationSchema.optional(),
  language: z.enum(['de', 'en']).default('de'),
}).strict()
export type LeadConvertInput = z.input<typeof leadConvertSchema>

/**
 * A likely duplicate of the lead's company, as the inbox offers it to convert into: where it is, and the contact of
 * it who is the lead's person (same e-mail address, else same name) — reused then — or null (a new contact).
 */
export interface LeadDuplicate {
  id: string
  name: string
  postalCode: string
  city: string
  contact: { id: string; name: string } | null
}

export type LeadConvertResult =
  | { converted: true; companyId: string; contactId: string; taskId: string; existingCompany: boolean; existingContact: boolean }
  | { converted: false; duplicates: LeadDuplicate[] }

export const leadRejectSchema = z.object({ id: idSchema, reason: z.enum(LEAD_REJECT_REASONS, 'errors.invalidChoice') }).strict()
export type LeadRejectInput = z.input<typeof leadRejectSchema>
