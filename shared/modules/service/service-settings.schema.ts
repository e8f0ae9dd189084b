// The service station's settings for the whole team (team setting `serviceLevels`, synced with the team, changed by
// managers and admins — issue 18): service levels by priority.
import { z } from 'zod'
import { PRIORITIES, type Priority } from './service.enums'
import { DEFAULT_SERVICE_LEVELS } from './sla.rules'
import { readSettingValue } from '../../platform/team-settings'

export const serviceSettingsShape = {
  /** Service levels by priority: acknowledge within hours, resolve within business days. */
  serviceLevels: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, z.object({
    acknowledgeHours: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(240, 'errors.tooLarge'),
    resolveBusinessDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge'),
  })])) as Record<Priority, z.ZodObject<{ acknowledgeHours: z.ZodNumber; resolveBusinessDays: z.ZodNumber }>>).default(DEFAULT_SERVICE_LEVELS),
}
/** The team setting `serviceLevels` (strict: a value of another key never passes for this one). */
export const serviceSettingsSchema = z.strictObject(serviceSettingsShape)
export type ServiceSettings = z.output<typeof serviceSettingsSchema>
export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = serviceSettingsSchema.parse({})

/** The key of the service levels in team_settings. */
export const SERVICE_LEVELS_KEY = 'serviceLevels' as const
/** A team's stored service levels (JSON or null); the defaults when it has none or they do not parse. */
export const readServiceSettings = (json: string | null | undefined): ServiceSettings => readSettingValue(serviceSettingsSchema, json, DEFAULT_SERVICE_SETTINGS)
