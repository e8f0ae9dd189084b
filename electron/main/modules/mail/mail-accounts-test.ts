// "Verbindung testen": logs in to the saved SMTP or IMAP account and logs out again, with short timeouts, so a
// wrong host answers within seconds. The answer is an error class of the outbox and the server's own words.
import type { MailAccountTest, OutboxError } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import { imapSettings, smtpAccount, type ImapAccount, type MailSecrets } from './mail-accounts.service'
import { classifySmtpError, smtpTransport, TEST_SMTP_TIMEOUTS, TLS_PATTERN, type SmtpTimeouts } from './smtp-client'

const failed = (error: OutboxError, detail: string): MailAccountTest => ({ ok: false, error, detail: detail.slice(0, 1_000) })

export async function testMailAccount(ctx: ServiceContext, secrets: MailSecrets, which: 'smtp' | 'imap', timeouts: SmtpTimeouts = TEST_SMTP_TIMEOUTS): Promise<MailAccountTest> {
  if (which === 'smtp') {
    const account = await smtpAccount(ctx, secrets)
    if (!account) return failed('not_configured', '')
    const transport = await smtpTransport(account, timeouts)
    try {
      await transport.verify()
      return { ok: true, error: '', detail: '' }
    } catch (err) {
      const failure = classifySmtpError(err)
      return failed(failure.error, failure.detail)
    } finally {
      transport.close()
    }
  }
  const account = await imapSettings(ctx, secrets)
  if (!account) return failed('not_configured', '')
  return testImap(account, timeouts)
}

const TIMEOUT_CODES = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT'])
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'NoConnection', 'EConnectionClosed', 'ClosedAfterConnectText'])

/** The error class of an imapflow failure (its code, `authenticationFailed`, or Node's socket code). */
export function classifyImapError(err: unknown): { error: OutboxError; detail: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; authenticationFailed?: unknown; responseText?: unknown; message?: unknown }
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : String(err)
  const detail = typeof e.responseText === 'string' && e.responseText ? e.responseText : message
  if (e.authenticationFailed === true) return { error: 'auth', detail }
  if (TIMEOUT_CODES.has(code)) return { error: 'timeout', detail }
  if (code === 'ClosedAfterConnectTLS' || TLS_PATTERN.test(`${code} ${message}`)) return { error: 'tls', detail }
  if (CONNECTION_CODES.has(code)) return { error: 'connection', detail }
  return { error: 'unknown', detail }
}

async function testImap(account: ImapAccount, timeouts: SmtpTimeouts): Promise<MailAccountTest> {
  const { ImapFlow } = await import('imapflow')
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password },
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    disableAutoIdle: true,
    logger: false,
  })
  // A late socket error after the answer must not become an unhandled 'error' event.
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.logout()
    return { ok: true, error: '', detail: '' }
  } catch (err) {
    const { error, detail } = classifyImapError(err)
    return failed(error, detail)
  } finally {
    client.close()
  }
}
