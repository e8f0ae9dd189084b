// The service intake's settings from the server's environment (docs/service-intake.md): the service mailbox
// (IMAP), the SMTP account the acknowledgements go out through, the form's limits. A mailbox or SMTP setting
// half given stops the server's start instead of running without it.
export type MailSecurity = 'tls' | 'starttls' | 'none'

export interface MailAccount {
  host: string
  port: number
  security: MailSecurity
  user: string
  password: string
}

export interface IntakeConfig {
  /** The service mailbox read over IMAP; null: no mailbox. */
  imap: MailAccount | null
  /** The SMTP account of the acknowledgements; null: none are sent (and none queued). */
  smtp: MailAccount | null
  /** The acknowledgements' sender ("Service <service@example.de>"); its domain names their Message-IDs. */
  from: string
  /** Seconds between two reads of the mailbox (and tries of waiting acknowledgements). */
  pollSeconds: number
}

function account(env: NodeJS.ProcessEnv, prefix: string, defaultPort: number): MailAccount | null {
  const host = env[`${prefix}_HOST`]?.trim()
  if (!host) return null
  const security = (env[`${prefix}_SECURITY`]?.trim() || 'tls') as MailSecurity
  if (!['tls', 'starttls', 'none'].includes(security)) throw new Error(`${prefix}_SECURITY must be tls, starttls or none`)
  const port = Number(env[`${prefix}_PORT`] || defaultPort)
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`${prefix}_PORT must be a port number`)
  const user = env[`${prefix}_USER`]?.trim() ?? ''
  const password = env[`${prefix}_PASSWORD`] ?? ''
  if (prefix === 'INTAKE_IMAP' && (!user || !password)) throw new Error('INTAKE_IMAP_USER and INTAKE_IMAP_PASSWORD are required with INTAKE_IMAP_HOST')
  return { host, port, security, user, password }
}

export function intakeConfigFromEnv(env: NodeJS.ProcessEnv): IntakeConfig {
  const imap = account(env, 'INTAKE_IMAP', 993)
  const smtp = account(env, 'INTAKE_SMTP', 465)
  const from = env.INTAKE_MAIL_FROM?.trim() ?? ''
  if (smtp && !/@[^@\s>]+>?$/.test(from)) throw new Error('INTAKE_MAIL_FROM (the acknowledgements\' sender address) is required with INTAKE_SMTP_HOST')
  const pollSeconds = Number(env.INTAKE_POLL_SECONDS || 60)
  if (!Number.isFinite(pollSeconds) || pollSeconds < 5) throw new Error('INTAKE_POLL_SECONDS must be at least 5')
  return { imap, smtp, from, pollSeconds }
}

/** The domain of the sender address (for Message-IDs); `intake.invalid` without one. */
export const mailDomainOf = (from: string): string => /@([^@\s>]+)>?$/.exec(from)?.[1]?.toLowerCase() ?? 'intake.invalid'
