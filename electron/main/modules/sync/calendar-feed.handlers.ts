// Placeholder (issue 16): replaced by the module's handlers.
import type { HandlerMap } from '../../ipc/handler-types'
import { AppError } from '../../../../shared/platform/result'

type Channels = 'calendarFeed.status' | 'calendarFeed.create' | 'calendarFeed.revoke'
const notYet = async (): Promise<never> => { throw new AppError('internal', 'errors.internal') }

export const calendarFeedHandlers = {
  'calendarFeed.status': notYet,
  'calendarFeed.create': notYet,
  'calendarFeed.revoke': notYet,
} satisfies Pick<HandlerMap, Channels>
