// Handlers of composing mails and their templates.
import type { AppContext, HandlerMap } from '../../ipc/handler-types'
import { composeMail } from './compose.service'
import { plainMailSecrets, smtpAccount } from './mail-accounts.service'
import { emlMail, queueMail } from './mail-queue.service'
import { listTemplates, resetTemplate, saveTemplate } from './mail-templates.service'

type ComposeChannels = 'mail.compose' | 'mail.queue' | 'mail.eml' | 'mailTemplates.list' | 'mailTemplates.save' | 'mailTemplates.reset'

const accountOf = (app: AppContext) => smtpAccount(app.ctx, app.mailSecrets ?? plainMailSecrets)

export const composeHandlers = {
  'mail.compose': async (app, input) => {
    const account = await accountOf(app)
    return composeMail(app.ctx, input, account?.fromAddress ? { name: account.fromName, address: account.fromAddress } : null)
  },
  'mail.queue': async (app, draft) => {
    const entry = await queueMail(app.ctx, draft, await accountOf(app))
    // Sent at once when the server answers; otherwise the controller retries with backoff.
    void app.mail?.kick()
    return entry
  },
  'mail.eml': async (app, draft) => emlMail(app.ctx, draft, await accountOf(app)),
  'mailTemplates.list': ({ ctx }) => listTemplates(ctx),
  'mailTemplates.save': ({ ctx }, template) => saveTemplate(ctx, template),
  'mailTemplates.reset': ({ ctx }, key) => resetTemplate(ctx, key),
} satisfies Pick<HandlerMap, ComposeChannels>
