// The journey map's query: a period (from ≤ to) and the filters segment, persona and owner.
import { z } from 'zod'
import { SEGMENTS } from '../customers'
import { daySchema, optionalEnum, optionalIdSchema, requiredIdSchema } from '../../platform/common.schema'

export const journeyMapQuerySchema = z.object({
  from: daySchema,
  to: daySchema,
  segment: optionalEnum(SEGMENTS),
  personaId: optionalIdSchema,
  ownerId: optionalIdSchema,
}).refine((q) => q.from <= q.to, { path: ['to'], message: 'errors.journeyMapPeriod' })
export type JourneyMapQuery = z.output<typeof journeyMapQuerySchema>

export const journeyHistoryQuerySchema = z.object({ companyId: requiredIdSchema })
