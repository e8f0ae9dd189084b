// This device's mail accounts: the SMTP server the outbox sends through and the IMAP account the inbox is read
// from. Stored with the device settings (`app_settings`, keys `mail.smtp` and `mail.imap`, JSON), never synced;
// passwords sealed by the MailSecrets box (Electron safeStorage on the desktop, a plain box in web mode). A
// password is write-only: the answer says whether one is stored, and a save without one keeps it.
import { z } from 'zod'
import type { MailAccounts, MailAccountsFields } from '../../../../shared/modules/mail'
import { MAIL_SECURITY, type MailSecurity } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'

/** Seals passwords at rest; the same shape as the sync module's SecretBox (the mail module does not use sync). */
export interface MailSecrets {
  readonly encrypted: boolean
  seal(plain: string): string
  open(sealed: string): string
}

/** Web mode and tests: passwords are stored as they are (the settings page says so). */
export const plainMailSecrets: MailSecrets = { encrypted: false, seal: (s) => s, open: (s) => s }

export interface SmtpAccount {
  host: string
  port: number
  security: MailSecurity
  user: string
  password: string
  fromAddress: string
  fromName: string
}

export interface ImapAccount {
  enabled: boolean
  host: string
  port: number
  security: MailSecurity
  user: string
  password: string
  sinceDays: number
}

const SMTP_KEY = 'mail.smtp'
const IMAP_KEY = 'mail.imap'

const storedBase = (port: number, security: MailSecurity) => ({
  host: z.string().default(''),
  port: z.number().int().min(1).max(65_535).default(port),
  security: z.enum(MAIL_SECURITY).default(security),
  user: z.string().default(''),
  /** The password as the box sealed it; '' when none is stored. */
  sealedPassword: z.string().default(''),
})
const storedSmtpSchema = z.object({ ...storedBase(587, 'starttls'), fromAddress: z.string().default(''), fromName: z.string().default('') })
const storedImapSchema = z.object({ ...storedBase(993, 'tls'), enabled: z.boolean().default(false), sinceDays: z.number().int().min(1).max(3_650).default(90) })
type StoredSmtp = z.infer<typeof storedSmtpSchema>
type StoredImap = z.infer<typeof storedImapSchema>

type Db = Pick<ServiceContext, 'db'>

/** A stored account, read with its schema; its defaults when absent or unreadable (the settings page then shows it empty). */
async function readStored<S extends z.ZodType>(ctx: Db, key: string, schema: S): Promise<z.output<S>> {
  const row = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst()
  let value: unknown = {}
  try {
    value = row ? JSON.parse(row.value) : {}
  } catch {
    value = {}
  }
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : schema.parse({})
}

async function writeStored(ctx: Db, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value)
  await ctx.db.insertInto('app_settings').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute()
}

/** The stored password opened; '' when none is stored or the box cannot open it (another keychain): the login then fails and says so. */
function openPassword(secrets: MailSecrets, sealed: string): string {
  if (!sealed) return ''
  try {
    return secrets.open(sealed)
  } catch {
    return ''
  }
}

/** Both accounts as the settings page shows them: without passwords. */
export async function readMailAccounts(ctx: Db, secrets: MailSecrets): Promise<MailAccounts> {
  const smtp = await readStored(ctx, SMTP_KEY, storedSmtpSchema)
  const imap = await readStored(ctx, IMAP_KEY, storedImapSchema)
  const { sealedPassword: smtpSealed, ...smtpShown } = smtp
  const { sealedPassword: imapSealed, ...imapShown } = imap
  return {
    smtp: { ...smtpShown, passwordStored: smtpSealed !== '' },
    imap: { ...imapShown, passwordStored: imapSealed !== '' },
    secretsEncrypted: secrets.encrypted,
  }
}

/** The sealed password to store: a new one when given, none when the account has no login, else the stored one. */
function nextSealed(secrets: MailSecrets, given: string | undefined, user: string, stored: string): string {
  if (user === '') return ''
  if (given !== undefined && given !== '') return secrets.seal(given)
  return stored
}

/** Stores both accounts (already checked by `mailAccountsSchema`); answers them as `readMailAccounts` does. */
export async function saveMailAccounts(ctx: ServiceContext, secrets: MailSecrets, input: MailAccountsFields): Promise<MailAccounts> {
  const oldSmtp = await readStored(ctx, SMTP_KEY, storedSmtpSchema)
  const oldImap = await readStored(ctx, IMAP_KEY, storedImapSchema)
  const { password: smtpPassword, ...smtp } = input.smtp
  const { password: imapPassword, ...imap } = input.imap
  const storedSmtp: StoredSmtp = { ...smtp, sealedPassword: nextSealed(secrets, smtpPassword, smtp.user, oldSmtp.sealedPassword) }
  const storedImap: StoredImap = { ...imap, sealedPassword: nextSealed(secrets, imapPassword, imap.user, oldImap.sealedPassword) }
  await ctx.db.transaction().execute(async (trx) => {
    await writeStored({ db: trx }, SMTP_KEY, storedSmtp)
    await writeStored({ db: trx }, IMAP_KEY, storedImap)
  })
  return readMailAccounts(ctx, secrets)
}

/** The SMTP account with its password, for sending; null while no server is set up. */
export async function smtpAccount(ctx: Db, secrets: MailSecrets): Promise<SmtpAccount | null> {
  const { sealedPassword, ...stored } = await readStored(ctx, SMTP_KEY, storedSmtpSchema)
  if (stored.host === '' || stored.fromAddress === '') return null
  return { ...stored, password: openPassword(secrets, sealedPassword) }
}

/** The IMAP account with its password, for reading the inbox; null while reading is off or no server is set up. */
export async function imapAccount(ctx: Db, secrets: MailSecrets): Promise<ImapAccount | null> {
  const account = await imapSettings(ctx, secrets)
  return account?.enabled ? account : null
}

/** The IMAP account as set up, even while reading is off (the settings page tests it before enabling); null without a server. */
export async function imapSettings(ctx: Db, secrets: MailSecrets): Promise<ImapAccount | null> {
  const { sealedPassword, ...stored } = await readStored(ctx, IMAP_KEY, storedImapSchema)
  if (stored.host === '') return null
  return { ...stored, password: openPassword(secrets, sealedPassword) }
}
