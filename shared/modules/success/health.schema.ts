// The health score's channels: a company's score (health.get), the team's settings (healthSettings.get/update).
import { z } from 'zod'
import { requiredIdSchema } from '../../platform/common.schema'
import type { ComponentResult, HealthFacts, HealthLight, HealthReason } from './health.rules'
import { healthSettingsSchema, type HealthSettings } from './health.settings'

export const healthGetSchema = z.object({ companyId: requiredIdSchema })
export const healthSettingsGetSchema = z.object({})
export const healthSettingsUpdateSchema = healthSettingsSchema

export interface HealthWeek {
  /** The Monday of the week. */
  week: string
  score: number
}

export interface CompanyHealth {
  companyId: string
  /** Null until the company was first scored. */
  score: number | null
  light: HealthLight | null
  reasons: HealthReason[]
  components: ComponentResult[]
  facts: HealthFacts | null
  computedAt: string | null
  history: HealthWeek[]
}

export interface HealthSettingsView {
  settings: HealthSettings
  /** The current user may change them (a manager or an admin). */
  canEdit: boolean
  /** The team they hold for ('' before the first sync). */
  teamId: string
  /** Whether the team saved its own settings (else the defaults hold). */
  custom: boolean
}
