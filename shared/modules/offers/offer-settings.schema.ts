// The offer station's settings on this device: default delivery terms, the follow-up cadence and the
// catalogue of lost reasons. Part of the device profile (Einstellungen → Firmenprofil).
import { z } from 'zod'
import { text } from '../../platform/common.schema'
import { DEFAULT_CADENCE, LOST_REASONS } from './offer.enums'

export const offerSettingsShape = {
  defaultDeliveryTerms: text(2000),
  /** Follow-up cadence: business days after sending, and days before the validity ends. */
  followUpFirstDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[0]),
  followUpSecondDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[1]),
  followUpDaysBeforeExpiry: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.daysBeforeExpiry),
  /** The lost reasons offered when an offer is lost (the catalogue; at least one). */
  lostReasons: z.array(z.enum(LOST_REASONS)).min(1, 'errors.lostReasonsEmpty').default([...LOST_REASONS]),
}
export const offerSettingsSchema = z.object(offerSettingsShape)
export type OfferSettings = z.output<typeof offerSettingsSchema>

/** The second follow-up comes after the first. */
export function checkOfferSettings(p: Pick<OfferSettings, 'followUpFirstDays' | 'followUpSecondDays'>, ctx: z.RefinementCtx): void {
  if (p.followUpSecondDays <= p.followUpFirstDays) ctx.addIssue({ code: 'custom', path: ['followUpSecondDays'], message: 'errors.secondAfterFirst' })
}
