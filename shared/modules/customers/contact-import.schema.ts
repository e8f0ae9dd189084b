// vCard import: what the renderer sends (the file's bytes, the company for cards whose ORG names none, dry
// run or not) and what main answers (how many cards would be or were created, updated, skipped, and each
// problem with the card's number and field).
import { z } from 'zod'
import { optionalIdSchema } from '../../platform/common.schema'

/** Larger files are refused (`errors.vcardTooLarge`). */
export const MAX_VCARD_BYTES = 5 * 1024 * 1024
/** More cards in one file are refused (`errors.vcardTooMany`). */
export const MAX_VCARDS = 5000

export const contactVcardImportSchema = z.object({
  /** The file as base64: the bytes, so a broken encoding is found in main, not papered over by the browser. */
  base64: z.string('errors.vcardEmpty').min(1, 'errors.vcardEmpty').max(Math.ceil(MAX_VCARD_BYTES / 3) * 4, 'errors.vcardTooLarge'),
  companyId: optionalIdSchema,
  // Without saying otherwise, nothing is written.
  dryRun: z.boolean().default(true),
})
export type ContactVcardImportInput = z.input<typeof contactVcardImportSchema>

export interface VcardImportProblem {
  /** The card's number in the file, from 1. */
  card: number
  field: string
  /** An i18n key. */
  key: string
  /** A skipped card is not imported; otherwise the problem is a note (an unknown salutation read as none). */
  skipped: boolean
}

export interface VcardImportReport {
  dryRun: boolean
  cards: number
  created: number
  updated: number
  skipped: number
  /** Some card names no known company (or none): the user picks the company for them. */
  needsCompany: boolean
  problems: VcardImportProblem[]
}
