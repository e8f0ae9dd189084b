// Handlers of the outbox and the mail accounts. The sender is the app's MailController (app.mail); where none
// runs, "Jetzt senden" drains directly. Passwords are sealed by app.mailSecrets (plain in web mode).
import type { AppContext, HandlerMap } from '../../ipc/handler-types'
import type { OutboxSendResult } from '../../../../shared/modules/mail'
import { AppError } from '../../../../shared/platform/result'
import { plainMailSecrets, readMailAccounts, saveMailAccounts, smtpAccount, type MailSecrets } from './mail-accounts.service'
import { testMailAccount } from './mail-accounts-test'
import { drainOutbox, type DrainResult } from './outbox-sender'
import { cancelOutbox, listOutbox, dueNow, requeueAfterAccountChange, retryOutbox, waitingCount } from './outbox.service'

type OutboxChannels = 'outbox.list' | 'outbox.retry' | 'outbox.cancel' | 'outbox.send' | 'mailAccounts.get' | 'mailAccounts.save' | 'mailAccounts.test'

/** "Jetzt senden" answers when the run is over, or after this long with what is known then (the run goes on). */
const SEND_ANSWER_MS = 20_000

const secretsOf = (app: AppContext): MailSecrets => app.mailSecrets ?? plainMailSecrets

/** A run the rep asked for: through the controller, else directly (no controller in this process). */
async function sendNow(app: AppContext): Promise<DrainResult | null> {
  if (app.mail) return app.mail.kick({ manual: true })
  const account = await smtpAccount(app.ctx, secretsOf(app))
  if (!account) throw new AppError('conflict', 'outbox.noAccount')
  return drainOutbox(app.ctx, account)
}

/** Starts a run for the rep's action without waiting for it (its outcome shows on the outbox page). */
function kickSoon(app: AppContext): void {
  if (app.mail) void app.mail.kick({ manual: true })
}

export const outboxHandlers = {
  'outbox.list': ({ ctx }, input) => listOutbox(ctx, input),
  'outbox.retry': async (app, { id }) => {
    const entry = await retryOutbox(app.ctx, id)
    kickSoon(app)
    return entry
  },
  'outbox.cancel': ({ ctx }, { id }) => cancelOutbox(ctx, id),
  'outbox.send': async (app): Promise<OutboxSendResult> => {
    if (!(await smtpAccount(app.ctx, secretsOf(app)))) throw new AppError('conflict', 'outbox.noAccount')
    await dueNow(app.ctx)
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), SEND_ANSWER_MS)
    })
    try {
      const result = await Promise.race([sendNow(app), late])
      return { sent: result?.sent ?? 0, failed: result?.failed ?? 0, waiting: result?.waiting ?? (await waitingCount(app.ctx.db)) }
    } finally {
      clearTimeout(timer)
    }
  },
  'mailAccounts.get': (app) => readMailAccounts(app.ctx, secretsOf(app)),
  'mailAccounts.save': async (app, input) => {
    const saved = await saveMailAccounts(app.ctx, secretsOf(app), input)
    // What waited for the account goes now, with the new settings.
    if (await requeueAfterAccountChange(app.ctx)) kickSoon(app)
    return saved
  },
  'mailAccounts.test': (app, { account }) => testMailAccount(app.ctx, secretsOf(app), account),
} satisfies Pick<HandlerMap, OutboxChannels>
