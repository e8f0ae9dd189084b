// Handlers of promises to customers and the conversation confirmation.
import type { HandlerMap } from '../../ipc/handler-types'
import { AppError } from '../../../../shared/platform/result'

type PromiseChannels = 'promises.list' | 'promises.create' | 'promises.update' | 'promises.complete' | 'promises.cancel' | 'conversations.confirmation'

// TEMPORARY while issue 15 is being built: replaced by the promise service.
const pending = async (): Promise<never> => {
  throw new AppError('conflict', 'errors.internal')
}

export const promiseHandlers = {
  'promises.list': pending,
  'promises.create': pending,
  'promises.update': pending,
  'promises.complete': pending,
  'promises.cancel': pending,
  'conversations.confirmation': pending,
} satisfies Pick<HandlerMap, PromiseChannels>
