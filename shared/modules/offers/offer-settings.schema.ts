// The offer station's settings. On this device (Einstellungen → Firmenprofil): the default delivery terms. For the
// whole team (team setting `offerRules`, synced with the team, changed by managers and admins — issue 18): the
// follow-up cadence and the catalogue of lost reasons.
import { z } from 'zod'
import { text } from '../../platform/common.schema'
import { DEFAULT_CADENCE, LOST_REASONS } from './offer.enums'
import { readSettingValue } from '../../platform/team-settings'

export const offerSettingsShape = {
  defaultDeliveryTerms: text(2000),
}
export const offerSettingsSchema = z.object(offerSettingsShape)
export type OfferSettings = z.output<typeof offerSettingsSchema>

export const offerRulesShape = {
  /** Follow-up cadence: business days after sending, and days before the validity ends. */
  followUpFirstDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[0]),
  followUpSecondDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge').default(DEFAULT_CADENCE.afterBusinessDays[1]),
  followUpDaysBeforeExpiry: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(60, 'errors.tooLarge').default(DEFAULT_CADENCE.daysBeforeExpiry),
  /** The lost reasons offered when an offer is lost (the catalogue; at least one, none twice). */
  lostReasons: z.array(z.enum(LOST_REASONS)).min(1, 'errors.lostReasonsEmpty').max(LOST_REASONS.length, 'errors.tooLarge').default([...LOST_REASONS]),
}

/** The second follow-up comes after the first. */
export function checkOfferRules(p: { followUpFirstDays: number; followUpSecondDays: number }, ctx: z.RefinementCtx): void {
  if (p.followUpSecondDays <= p.followUpFirstDays) ctx.addIssue({ code: 'custom', path: ['followUpSecondDays'], message: 'errors.secondAfterFirst' })
}

/** The team setting `offerRules` (strict: a value of another key never passes for this one). */
export const offerRulesSchema = z.strictObject(offerRulesShape).superRefine(checkOfferRules)
export type OfferRules = z.output<typeof offerRulesSchema>
export const DEFAULT_OFFER_RULES: OfferRules = offerRulesSchema.parse({})

/** The key of the offer rules in team_settings. */
export const OFFER_RULES_KEY = 'offerRules' as const
/** A team's stored offer rules (JSON or null); the defaults when it has none or they do not parse. */
export const readOfferRules = (json: string | null | undefined): OfferRules => readSettingValue(offerRulesSchema, json, DEFAULT_OFFER_RULES)
