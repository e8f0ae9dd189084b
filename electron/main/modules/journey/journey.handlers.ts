// Handlers of the journey over time: a customer's station line and the journey map report.
import type { HandlerMap } from '../../ipc/handler-types'
import { journeyHistory, journeyMap } from './journey.service'

type Channels = 'journey.history' | 'journey.map'

export const journeyHandlers = {
  'journey.history': ({ ctx }, { companyId }) => journeyHistory(ctx, companyId),
  'journey.map': ({ ctx }, q) => journeyMap(ctx, q),
} satisfies Pick<HandlerMap, Channels>
