// Handlers of the mails read from the rep's mailbox.
import type { HandlerMap } from '../../ipc/handler-types'
import { pending } from './pending'

type MailboxChannels = 'mailbox.list' | 'mailbox.get' | 'mailbox.attachment' | 'mailbox.setState' | 'mailbox.fetch'

export const mailboxHandlers = {
  'mailbox.list': pending,
  'mailbox.get': pending,
  'mailbox.attachment': pending,
  'mailbox.setState': pending,
  'mailbox.fetch': pending,
} satisfies Pick<HandlerMap, MailboxChannels>
