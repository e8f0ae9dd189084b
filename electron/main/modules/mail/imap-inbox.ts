// "Read the inbox now": the IMAP account set up on this device (mail-accounts.service.ts), read by the IMAP
// reader. The app's MailController takes `inboxReader(...)` as its `readInbox` hook, and the mailbox.fetch
// handler uses the same reading where no controller runs.
import type { MailboxReadReport } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import { imapAccount, type MailSecrets } from './mail-accounts.service'
import { readMailboxes, type ReadOptions } from './imap-reader'

/** Reads the rep's mailbox with the stored account; a report saying "not set up" when there is none (or reading is off). */
export async function readInbox(ctx: ServiceContext, secrets: MailSecrets, options: ReadOptions = {}): Promise<MailboxReadReport> {
  const account = await imapAccount(ctx, secrets)
  if (!account) return { mailboxes: [], sinceDays: 90, error: 'not_configured', detail: '' }
  return readMailboxes(ctx, account, options)
}

/** The MailController's `readInbox` hook: reads on whichever database is open when it runs. */
export const inboxReader = (ctx: () => ServiceContext, secrets: MailSecrets, options: Omit<ReadOptions, 'now'> = {}) =>
  (): Promise<MailboxReadReport> => readInbox(ctx(), secrets, options)

/** What a controller's fetchNow answered, if it is a read report (its hook may be another reader, or none). */
export function isReadReport(value: unknown): value is MailboxReadReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as { mailboxes?: unknown }).mailboxes) && typeof (value as { sinceDays?: unknown }).sinceDays === 'number'
}
