// Handlers of the mails read from the rep's mailbox. "E-Mails abrufen" reads through the app's MailController
// when one runs (one read at a time, shared with its timer), else directly with the stored account.
import type { HandlerMap } from '../../ipc/handler-types'
import { isReadReport, readInbox } from './imap-inbox'
import { plainMailSecrets } from './mail-accounts.service'
import { getMailMessage, listMailbox, mailAttachment, setMailState } from './mailbox.service'

type MailboxChannels = 'mailbox.list' | 'mailbox.get' | 'mailbox.attachment' | 'mailbox.setState' | 'mailbox.fetch'

const log = (message: string, detail: Record<string, unknown>) => console.warn(`[mail] ${message}`, detail)

export const mailboxHandlers = {
  'mailbox.list': ({ ctx }, q) => listMailbox(ctx, q),
  'mailbox.get': ({ ctx }, { id }) => getMailMessage(ctx, id),
  'mailbox.attachment': ({ ctx }, q) => mailAttachment(ctx, q),
  'mailbox.setState': ({ ctx }, q) => setMailState(ctx, q),
  'mailbox.fetch': async (app) => {
    const viaController = app.mail ? await app.mail.fetchNow() : null
    if (isReadReport(viaController)) return viaController
    return readInbox(app.ctx, app.mailSecrets ?? plainMailSecrets, { log })
  },
} satisfies Pick<HandlerMap, MailboxChannels>
