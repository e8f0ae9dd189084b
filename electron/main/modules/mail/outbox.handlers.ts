// Handlers of the outbox and the mail accounts.
import type { HandlerMap } from '../../ipc/handler-types'
import { pending } from './pending'

type OutboxChannels = 'outbox.list' | 'outbox.retry' | 'outbox.cancel' | 'outbox.send' | 'mailAccounts.get' | 'mailAccounts.save' | 'mailAccounts.test'

export const outboxHandlers = {
  'outbox.list': pending,
  'outbox.retry': pending,
  'outbox.cancel': pending,
  'outbox.send': pending,
  'mailAccounts.get': pending,
  'mailAccounts.save': pending,
  'mailAccounts.test': pending,
} satisfies Pick<HandlerMap, OutboxChannels>
