// Placeholder (issue 16): replaced by the module's handlers.
import type { HandlerMap } from '../../ipc/handler-types'
import { AppError } from '../../../../shared/platform/result'

type Channels = 'tasks.list' | 'tasks.get' | 'tasks.create' | 'tasks.update' | 'tasks.complete' | 'tasks.cancel'
const notYet = async (): Promise<never> => { throw new AppError('internal', 'errors.internal') }

export const taskHandlers = {
  'tasks.list': notYet,
  'tasks.get': notYet,
  'tasks.create': notYet,
  'tasks.update': notYet,
  'tasks.complete': notYet,
  'tasks.cancel': notYet,
} satisfies Pick<HandlerMap, Channels>
