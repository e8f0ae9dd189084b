// Inputs of the DSGVO channels: the erasure of a contact person and its preview.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { OFFER_DECISIONS } from './dsgvo.enums'

/** The erasure asks nothing more unless the person is the addressee of an open offer (then `offerDecision`). */
export const contactEraseSchema = z.object({
  id: idSchema,
  offerDecision: z.enum(OFFER_DECISIONS, 'errors.invalidChoice').optional(),
})
export type ContactEraseInput = z.output<typeof contactEraseSchema>

export const erasurePreviewSchema = z.object({ id: idSchema })
/** The erasure of a lead that was never converted (a converted one is erased through its contact). */
export const leadEraseSchema = z.object({ id: idSchema })
/** Leads never converted whose person, e-mail or company contains the text (at least LEAD_ERASURE_MIN_SEARCH characters). */
export const leadErasureListSchema = z.object({ search: z.string().trim().max(200) })
export const LEAD_ERASURE_MIN_SEARCH = 2
export const erasureListSchema = z.object({})
