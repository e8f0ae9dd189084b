// The team's rules as Einstellungen → "Regeln des Teams" edits them (issue 18): the offer station's follow-up cadence
// and lost-reason catalogue (team setting `offerRules`) and the service levels (team setting `serviceLevels`), one
// form, saved as the two team settings. Read by everyone, changed by a manager or an admin (a device without a sync
// server: its single user).
import { z } from 'zod'
import { checkOfferRules, DEFAULT_DISCOUNT_LIMITS, discountLimitsSchema, offerRulesShape, type DiscountLimits, type OfferRules } from '../offers'
import { serviceSettingsShape, type ServiceSettings } from '../service'
import { idSchema } from '../../platform/common.schema'

export const teamRulesSchema = z.object({ ...offerRulesShape, ...serviceSettingsShape, discountLimits: discountLimitsSchema.default(DEFAULT_DISCOUNT_LIMITS) }).superRefine(checkOfferRules)
/** With the discount limits per role (team setting `discountLimits`, issue 18: discount approvals). */
export type TeamRules = OfferRules & ServiceSettings & { discountLimits: DiscountLimits }

/** The rules of the user's team, or of a company's team (its lost reasons offered when one of its offers is lost). */
export const teamRulesGetSchema = z.object({ companyId: idSchema.optional() })

export interface TeamRulesView {
  rules: TeamRules
  /** Whether this user may change them here (false for the rules of another team than the user's own). */
  canEdit: boolean
  teamId: string
  /** Whether the team has its own rules (else the defaults hold). */
  custom: boolean
}

/**
 * A manager or admin without a team (who sees every team) chooses on the device whose team's rules, health score
 * settings and early-warning rules they edit; `teamIds` are the teams the device knows.
 */
export interface SettingsTeamView {
  choosesTeam: boolean
  teamId: string
  teamIds: string[]
}
export const settingsTeamChooseSchema = z.object({ teamId: z.string().trim().min(1, 'errors.required').max(64) }).strict()
