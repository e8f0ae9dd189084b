// Handlers of composing mails and their templates.
import type { HandlerMap } from '../../ipc/handler-types'
import { pending } from './pending'

type ComposeChannels = 'mail.compose' | 'mail.queue' | 'mail.eml' | 'mailTemplates.list' | 'mailTemplates.save' | 'mailTemplates.reset'

export const composeHandlers = {
  'mail.compose': pending,
  'mail.queue': pending,
  'mail.eml': pending,
  'mailTemplates.list': pending,
  'mailTemplates.save': pending,
  'mailTemplates.reset': pending,
} satisfies Pick<HandlerMap, ComposeChannels>
