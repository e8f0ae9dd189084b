// Why a read of the rep's mailbox failed, as one of the codes the page says in words
// (`mailbox.readError.<code>`), plus the server's own words for support. Never the password.
import type { MailboxReadError } from '../../../../shared/modules/mail'

interface ErrorLike {
  code?: unknown
  message?: unknown
  authenticationFailed?: unknown
  tlsFailed?: unknown
  responseText?: unknown
  mailboxMissing?: unknown
  name?: unknown
}

const TLS = /^(ERR_TLS|ERR_SSL|EPROTO|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH)/
const CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'NoConnection', 'EConnectionClosed', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS'])
const TIMEOUT = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'LockTimeout'])

export function readErrorOf(error: unknown): { error: MailboxReadError; detail: string } {
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : {}
  const code = typeof e.code === 'string' ? e.code : ''
  const words = [e.responseText, e.message].find((v): v is string => typeof v === 'string' && v !== '') ?? String(error)
  const detail = `${code ? `${code}: ` : ''}${words}`.replace(/[\r\n]+/g, ' ').slice(0, 500)
  if (e.name === 'AbortError' || code === 'ABORT_ERR') return { error: 'cancelled', detail }
  if (e.authenticationFailed === true || code === 'AUTHENTICATIONFAILED') return { error: 'auth', detail }
  if (e.tlsFailed === true || TLS.test(code)) return { error: 'tls', detail }
  if (TIMEOUT.has(code)) return { error: 'timeout', detail }
  if (CONNECTION.has(code)) return { error: 'connection', detail }
  if (e.mailboxMissing === true || code === 'NotFound') return { error: 'mailbox', detail }
  return { error: 'unknown', detail }
}
