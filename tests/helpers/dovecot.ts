// A private Dovecot IMAP server for the mail-filing tests (issue 15): Debian's dovecot, started with its own
// configuration in a temp folder (its own base_dir, a Maildir++ mailbox, one passwd-file user with a plain
// password, no TLS, cleartext login on 127.0.0.1), on a free port. Messages arrive the way a mail program
// puts them there (APPEND through imapflow), or — for a mailbox of 50,000 — written straight into the
// maildir's cur/ folder, which Dovecot indexes when the mailbox is opened.
// Run as root (CI) the mail files belong to the system user `mail` (Dovecot refuses uid 0 for mail access).
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { userInfo } from 'node:os'
import path from 'node:path'
import { ImapFlow } from 'imapflow'
import { tempDir } from './temp-db'

export const DOVECOT_BINARY = process.env.DOVECOT_BINARY ?? '/usr/sbin/dovecot'
export const IMAP_USER = 'vertrieb'
export const IMAP_PASSWORD = 'Postfach-Geheim-2026'

export interface Dovecot {
  host: string
  port: number
  /** The account as the reader takes it. */
  account: { host: string; port: number; security: 'none'; user: string; password: string; sinceDays: number }
  /** APPENDs one message (as a mail program files it), with its arrival time. */
  append(mailbox: 'INBOX' | 'Sent', raw: string | Buffer, date?: Date): Promise<void>
  /** Writes messages straight into the maildir's cur/ (fast; Dovecot indexes them when the mailbox opens). */
  writeMaildir(mailbox: 'INBOX' | 'Sent', messages: Iterable<{ raw: string | Buffer; date: Date }>): number
  /** The server's own log (for a failing test's message). */
  log(): string
  stop(): Promise<void>
}

/** Fails with what to install when Dovecot is missing: the tests need the real server, CI installs it. */
export function requireDovecot(): void {
  if (!existsSync(DOVECOT_BINARY)) {
    throw new Error(`Dovecot is not installed (${DOVECOT_BINARY} missing): the mail-filing tests need a real IMAP server. Install it with "apt-get install dovecot-imapd" (CI: .ci/run), or set DOVECOT_BINARY.`)
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once the server greets ("* OK"); rejects after `ms`. */
async function waitForGreeting(port: number, ms: number, failed: () => string | null): Promise<void> {
  const until = Date.now() + ms
  for (;;) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.setTimeout(1_000)
      socket.once('data', (chunk) => {
        socket.destroy()
        resolve(chunk.toString().startsWith('* OK'))
      })
      socket.once('error', () => resolve(false))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(false)
      })
    })
    if (greeted) return
    const problem = failed()
    if (problem) throw new Error(problem)
    if (Date.now() > until) throw new Error(`Dovecot did not answer on 127.0.0.1:${port} within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** uid and gid of a system user from /etc/passwd (Node has no getpwnam). */
function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`))
  if (!line) return null
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** The name of a group by its id, from /etc/group. */
function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid))
  return line?.split(':')[0] ?? String(gid)
}

function config(dir: string, port: number, asRoot: boolean): string {
  const me = userInfo().username
  // Not root: Dovecot's own processes and sockets are the test user's (it cannot hand them to dovecot/dovenull).
  const notRoot = asRoot ? [] : [`default_internal_group = ${groupName(userInfo().gid)}`]
  return [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `instance_name = kundenreise-test-${port}`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // A refused login answers at once (the default waits 2 s, against guessing).
    'auth_failure_delay = 0',
    `default_internal_user = ${asRoot ? 'dovecot' : me}`,
    `default_login_user = ${asRoot ? 'dovenull' : me}`,
    ...notRoot,
    'first_valid_uid = 1',
    `mail_location = maildir:${dir}/mail/%u`,
    'namespace inbox {', '  inbox = yes', '  separator = /',
    '  mailbox Sent {', '    special_use = \\Sent', '    auto = subscribe', '  }', '}',
    'passdb {', '  driver = passwd-file', `  args = scheme=PLAIN username_format=%u ${dir}/passwd`, '}',
    'userdb {', '  driver = static', `  args = ${asRoot ? 'uid=mail gid=mail ' : ''}home=${dir}/mail/%u`, '}',
    // No chroot for the login process: a test run that is not root could not enter one.
    'service imap-login {', '  chroot =', '  inet_listener imap {', '    address = 127.0.0.1', `    port = ${port}`, '  }', '  inet_listener imaps {', '    port = 0', '  }', '}',
    '',
  ].join('\n')
}

export async function startDovecot(): Promise<Dovecot> {
  requireDovecot()
  const dir = tempDir()
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? systemUser('mail') : null
  if (asRoot && !owner) throw new Error('Dovecot tests as root need the system user "mail" to own the mailbox (Dovecot refuses uid 0)')
  for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub))
  // Dovecot's own processes (users dovecot, dovenull, mail) must reach the folder.
  chmodSync(dir, 0o755)
  const port = await freePort()
  writeFileSync(path.join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}\n`, { mode: 0o644 })
  writeFileSync(path.join(dir, 'dovecot.conf'), config(dir, port, asRoot), { mode: 0o644 })
  const own = (file: string) => {
    if (owner) chownSync(file, owner.uid, owner.gid)
  }
  own(path.join(dir, 'mail'))

  const child: ChildProcess = spawn(DOVECOT_BINARY, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const log = () => {
    try {
      return readFileSync(path.join(dir, 'dovecot.log'), 'utf8')
    } catch {
      return output
    }
  }
  try {
    await waitForGreeting(port, 15_000, () => (child.exitCode !== null ? `Dovecot exited (${child.exitCode}): ${output}\n${log()}` : null))
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }

  const account = { host: '127.0.0.1', port, security: 'none' as const, user: IMAP_USER, password: IMAP_PASSWORD, sinceDays: 90 }
  const client = () => new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: IMAP_USER, pass: IMAP_PASSWORD }, logger: false, disableAutoIdle: true })
  let sequence = 0

  return {
    host: '127.0.0.1',
    port,
    account,
    async append(mailbox, raw, date) {
      const imap = client()
      await imap.connect()
      try {
        await imap.append(mailbox, raw, ['\\Seen'], date)
      } finally {
        await imap.logout()
      }
    },
    writeMaildir(mailbox, messages) {
      const home = path.join(dir, 'mail', IMAP_USER)
      const root = mailbox === 'INBOX' ? home : path.join(home, `.${mailbox}`)
      for (const folder of [home, root, ...['cur', 'new', 'tmp'].map((sub) => path.join(root, sub))]) {
        if (!existsSync(folder)) {
          mkdirSync(folder, { recursive: true, mode: 0o700 })
          own(folder)
        }
      }
      let written = 0
      for (const message of messages) {
        const bytes = Buffer.isBuffer(message.raw) ? message.raw : Buffer.from(message.raw)
        sequence += 1
        // Maildir names sort by time and sequence (Dovecot assigns new UIDs in that order); seen (":2,S").
        const seconds = Math.floor(message.date.getTime() / 1000)
        const file = path.join(root, 'cur', `${seconds}.M${String(sequence).padStart(7, '0')}P1.kundenreise-test:2,S`)
        writeFileSync(file, bytes, { mode: 0o600 })
        own(file)
        // The arrival date (INTERNALDATE, what SEARCH SINCE looks at) of a maildir message is its mtime.
        utimesSync(file, message.date, message.date)
        written += 1
      }
      return written
    },
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
