// A real SMTP server for tests (smtp-server on 127.0.0.1): restartable on the same port (down/up is "offline"),
// optional login, recipients it refuses, a size limit and a delay before it answers a mail. Every mail it accepts
// is parsed with mailparser (a bench: its header only) and kept with its Message-ID. `silentServer()` is a peer that
// accepts a connection and never says a word (a timeout).
import { createServer, type Server, type Socket } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

export interface SinkOptions {
  /** A login the server requires; without one, no AUTH is offered. */
  auth?: { user: string; pass: string }
  /** Recipients refused at RCPT TO with 550. */
  rejectRecipients?: string[]
  /** Recipients put off at RCPT TO with 450 (try again later). */
  deferRecipients?: string[]
  /** The SIZE limit in bytes; a larger mail is refused with 552 after DATA. */
  size?: number
  /** Milliseconds between receiving a mail and accepting it. */
  delayMs?: number
  /** false: parse the header only (a bench measures the sender, not the parse). */
  parse?: boolean
  /** Called with each mail as it is accepted (before the client hears 250). */
  onAccepted?: (mail: ReceivedMail) => void
}

export interface ReceivedMail {
  /** Without angle brackets. */
  messageId: string
  from: string
  to: string[]
  subject: string
  raw: Buffer
  /** With `parse: false` the header only. */
  parsed: ParsedMail
}

export interface SmtpSink {
  port: number
  received: ReceivedMail[]
  /** The options in force: recipients and delay take effect at once, the login and the size limit with the next up(). */
  options: SinkOptions
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
  /** How often each Message-ID arrived. */
  counts(): Map<string, number>
}

/** The mail read back with mailparser: whole, or only its header (`parse: false`: fast, no body, no attachments). */
async function parseMail(raw: Buffer, whole: boolean): Promise<Pick<ReceivedMail, 'messageId' | 'subject' | 'parsed'>> {
  const end = raw.indexOf('\r\n\r\n')
  const parsed = await simpleParser(whole || end < 0 ? raw : raw.subarray(0, end + 4))
  return { messageId: (parsed.messageId ?? '').replace(/^<|>$/g, ''), subject: parsed.subject ?? '', parsed }
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode })

export async function startSmtpSink(initial: SinkOptions = {}, port = 0): Promise<SmtpSink> {
  const options: SinkOptions = { ...initial }
  const received: ReceivedMail[] = []
  let server: SMTPServer | null = null
  let boundPort = port

  const serverOptions = (): SMTPServerOptions => ({
    logger: false,
    disableReverseLookup: true,
    allowInsecureAuth: true,
    closeTimeout: 100,
    authOptional: !options.auth,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    ...(options.size ? { size: options.size } : {}),
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username })
      return callback(smtpError('5.7.8 Authentication credentials invalid', 535))
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.includes(address.address.toLowerCase())) return callback(smtpError('5.1.1 User unknown', 550))
      if (options.deferRecipients?.includes(address.address.toLowerCase())) return callback(smtpError('4.2.1 Mailbox busy, try again later', 450))
      return callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError('5.3.4 Message size exceeds fixed limit', 552))
        const raw = Buffer.concat(chunks)
        void parseMail(raw, options.parse !== false).then(async (parsed) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs))
          const mail: ReceivedMail = {
            ...parsed,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          }
          received.push(mail)
          options.onAccepted?.(mail)
          callback(null, `2.0.0 Ok: queued as ${received.length}`)
        }, (err: Error) => callback(err))
      })
    },
  })

  const up = async (): Promise<void> => {
    if (server) return
    const next = new SMTPServer(serverOptions())
    next.on('error', () => undefined)
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject)
      next.listen(boundPort, '127.0.0.1', () => resolve())
    })
    const address = next.server.address()
    if (address && typeof address === 'object') boundPort = address.port
    server = next
  }
  const down = async (): Promise<void> => {
    const current = server
    server = null
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }
  await up()
  return {
    get port() {
      return boundPort
    },
    received,
    options,
    down,
    up,
    close: down,
    counts() {
      const counts = new Map<string, number>()
      for (const mail of received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1)
      return counts
    },
  }
}

/** A TCP peer that accepts connections and never answers (no greeting): the client must give up by its timeout. */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  const port = address && typeof address === 'object' ? address.port : 0
  return {
    port,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
  }
}
