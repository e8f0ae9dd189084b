// Placeholder (issue 16): replaced by the module's handlers.
import type { HandlerMap } from '../../ipc/handler-types'
import { AppError } from '../../../../shared/platform/result'

type Channels = 'briefing.get' | 'briefing.pdf' | 'briefing.upcoming'
const notYet = async (): Promise<never> => { throw new AppError('internal', 'errors.internal') }

export const briefingHandlers = {
  'briefing.get': notYet,
  'briefing.pdf': notYet,
  'briefing.upcoming': notYet,
} satisfies Pick<HandlerMap, Channels>
