// How this device talks SMTP: the transport for an account (one pooled connection, short timeouts) and what an
// SMTP failure means for the mail (the error classes of the outbox, docs/mail.md "Error classes").
import type { OutboxError } from '../../../../shared/modules/mail'
import type { SmtpAccount } from './mail-accounts.service'

export interface SmtpTimeouts {
  /** Connecting, DNS included. */
  connectionMs: number
  /** Waiting for the server's greeting once connected. */
  greetingMs: number
  /** Silence in the middle of a conversation (a large attachment at the server's pace keeps talking). */
  socketMs: number
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 60_000 }
/** "Verbindung testen" waits less: a wrong host must answer calmly within seconds. */
export const TEST_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 8_000, greetingMs: 8_000, socketMs: 8_000 }

/**
 * A pooled transport with exactly one connection: the queue drains one mail after the other at the server's pace.
 * nodemailer is loaded with the first transport, not at start.
 */
export async function smtpTransport(account: SmtpAccount, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS) {
  const { default: nodemailer } = await import('nodemailer')
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    // The outbox retries (with its backoff and its record of attempts), not the pool behind its back.
    maxRequeues: 0,
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    ...(account.user ? { auth: { user: account.user, pass: account.password } } : {}),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    dnsTimeout: timeouts.connectionMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  })
}

/** What a failed attempt means: its error class, the server's own words, and whether the mail waits for the rep. */
export interface SmtpFailure {
  error: OutboxError
  detail: string
  /** failed: waits for the rep (retry or discard); queued: tried again after the backoff. */
  status: 'failed' | 'queued'
  /** The same would happen to every other mail now (no connection, login refused): the run stops. */
  stopsRun: boolean
}

interface SmtpErrorLike {
  code?: unknown
  originalCode?: unknown
  responseCode?: unknown
  response?: unknown
  command?: unknown
  message?: unknown
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'EPIPE', 'ENETDOWN', 'EADDRNOTAVAIL'])
/** Words of a failed TLS handshake or certificate check, in Node's and OpenSSL's messages. */
export const TLS_PATTERN = /\b(?:ssl|tls|certificate|cert_|self[- ]signed|handshake|wrong version number|unable to verify)/i

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The class of an SMTP failure (nodemailer's error: code, responseCode, command, response). */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e: SmtpErrorLike = typeof err === 'object' && err !== null ? err : { message: String(err) }
  const code = text(e.code)
  const original = text(e.originalCode)
  const command = text(e.command)
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : 0
  const detail = (text(e.response) || text(e.message)).slice(0, 1_000)
  const fail = (error: OutboxError, status: SmtpFailure['status'], stopsRun: boolean): SmtpFailure => ({ error, detail, status, stopsRun })

  if (code === 'EAUTH' || code === 'ENOAUTH' || responseCode === 535 || responseCode === 534 || (responseCode === 530 && /auth/i.test(detail))) return fail('auth', 'failed', true)
  if (code === 'ETLS' || code === 'EREQUIRETLS' || ([0, 530, 538].includes(responseCode) && TLS_PATTERN.test(`${original} ${text(e.message)}`))) return fail('tls', 'queued', true)
  if (code === 'ETIMEDOUT' || original === 'ETIMEDOUT') return fail('timeout', 'queued', true)
  if (responseCode === 421 || (responseCode === 0 && (CONNECTION_CODES.has(code) || CONNECTION_CODES.has(original)))) return fail('connection', 'queued', true)
  if (command === 'RCPT TO' && responseCode >= 500) return fail('recipient_rejected', 'failed', false)
  if (responseCode === 552 || responseCode === 523 || (code === 'EMESSAGE' && /size/i.test(text(e.message)))) return fail('too_large', 'failed', false)
  if (responseCode >= 500) return fail('rejected', 'failed', false)
  if (responseCode >= 400) return fail('rejected', 'queued', false)
  return fail('unknown', 'queued', false)
}

/** Backoff after a failed attempt: 1, 2, 5, 10, 30 minutes, then every hour. */
export const BACKOFF_MINUTES = [1, 2, 5, 10, 30, 60] as const

export function backoffMs(attempts: number): number {
  const step = BACKOFF_MINUTES[Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1]!
  return step * 60_000
}
