// The service station's settings on this device: service levels by priority.
import { z } from 'zod'
import { PRIORITIES, type Priority } from './service.enums'
import { DEFAULT_SERVICE_LEVELS } from './sla.rules'

export const serviceSettingsShape = {
  /** Service levels by priority: acknowledge within hours, resolve within business days. */
  serviceLevels: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, z.object({
    acknowledgeHours: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(240, 'errors.tooLarge'),
    resolveBusinessDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(120, 'errors.tooLarge'),
  })])) as Record<Priority, z.ZodObject<{ acknowledgeHours: z.ZodNumber; resolveBusinessDays: z.ZodNumber }>>).default(DEFAULT_SERVICE_LEVELS),
}
export const serviceSettingsSchema = z.object(serviceSettingsShape)
export type ServiceSettings = z.output<typeof serviceSettingsSchema>
