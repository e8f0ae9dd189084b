// The visit briefing ("Besuchsvorbereitung", issue 16): one page per customer for the next visit, from local
// data only, on screen and as PDF.
import { z } from 'zod'
import { idSchema, requiredIdSchema } from '../../platform/common.schema'

export const briefingQuerySchema = z.object({
  companyId: requiredIdSchema,
  /** The appointment it prepares ('' or absent: the customer's next planned one, if any). */
  appointmentId: z.union([idSchema, z.literal('')]).default(''),
}).strict()
export const briefingPdfSchema = briefingQuerySchema.extend({ language: z.enum(['de', 'en']).default('de') }).strict()
/** The briefings of every planned appointment from today for the coming days (kept by the renderer for offline use). */
export const briefingUpcomingSchema = z.object({ days: z.number().int().min(1).max(14).default(7), language: z.enum(['de', 'en']).default('de') }).strict()
export type BriefingQuery = z.output<typeof briefingQuerySchema>

/** Filled by the briefing service (issue 16); the screen and the PDF show exactly this. */
export interface Briefing {
  companyId: string
  companyName: string
  appointmentId: string
  /** Everything else the briefing holds (people, offers, contracts, cases, satisfaction, worries, promises, touchpoints). */
  [section: string]: unknown
}

/** A briefing with its PDF, for the renderer's offline store. */
export interface BriefingFile {
  appointmentId: string
  companyId: string
  briefing: Briefing
  fileName: string
  base64: string
}
