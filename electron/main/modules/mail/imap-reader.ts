// Reads the rep's IMAP account (imapflow) and files what concerns known contacts (mail-filing.ts): INBOX and the
// Sent folder (special-use \Sent). A folder is read from where the last read stopped (imap-state.ts), only
// messages of the last `sinceDays` days, at most MAILBOX_READ_LIMIT per run (a mailbox of 50,000 is read over
// several runs and the report says so). Envelopes are fetched in batches and matched against the contacts one
// query per batch; only a matching message is downloaded (up to MAILBOX_RAW_LIMIT) and parsed. Progress is saved
// after each batch, and one broken message never stops the others.
import type { FetchMessageObject, ImapFlow } from 'imapflow'
import { MAILBOX_RAW_LIMIT, MAILBOX_READ_LIMIT, type MailboxReadReport, type MailboxReadSummary } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import { readErrorOf } from './imap-errors'
import { addressesOf, candidateOf, matchContacts, matchOf, type EnvelopeCandidate } from './imap-envelope'
import { readImapState, saveFolderState, type ImapState } from './imap-state'
import { fileMail, type FilingOutcome, type MailToFile } from './mail-filing'
import { contentOf, parseMail } from './mailbox-parse'

/** The IMAP account as the reader takes it (mail-accounts.service.ts `imapAccount` answers this shape). */
export interface ImapReadAccount {
  host: string
  port: number
  security: 'starttls' | 'tls' | 'none'
  user: string
  password: string
  sinceDays: number
}

export interface ReadOptions {
  signal?: AbortSignal
  /** The clock of the read window (tests move it); the context's clock otherwise. */
  now?: Date
  log?: (message: string, detail: Record<string, unknown>) => void
  /** Messages looked at per folder and run (default MAILBOX_READ_LIMIT), and per envelope batch. */
  limit?: number
  batchSize?: number
  /** The largest message kept whole (default MAILBOX_RAW_LIMIT). */
  rawLimit?: number
}

const DAY_MS = 86_400_000
const running = new WeakMap<object, Promise<MailboxReadReport>>()

/** UIDs as an IMAP set: 1:5,7,9:12. */
export function uidSet(uids: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < uids.length; i++) {
    let j = i
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++
    parts.push(j > i ? `${uids[i]}:${uids[j]}` : String(uids[i]))
    i = j
  }
  return parts.join(',')
}

const emptySummary = (name: string, role: MailboxReadSummary['role']): MailboxReadSummary => ({
  name, role, total: 0, candidates: 0, read: 0, filed: 0, linked: 0, skipped: 0, unknown: 0, malformed: 0, tooLarge: 0, limited: false, remaining: 0, restarted: false, error: '',
})

/**
 * Reads INBOX and the Sent folder and files what concerns known contacts. A second call while a read of the
 * same database runs gets that read's report instead of a second connection.
 */
export function readMailboxes(ctx: ServiceContext, account: ImapReadAccount, options: ReadOptions = {}): Promise<MailboxReadReport> {
  const current = running.get(ctx.db)
  if (current) return current
  const read = readAccount(ctx, account, options).finally(() => running.delete(ctx.db))
  running.set(ctx.db, read)
  return read
}

async function readAccount(ctx: ServiceContext, account: ImapReadAccount, options: ReadOptions): Promise<MailboxReadReport> {
  const sinceDays = account.sinceDays > 0 ? account.sinceDays : 90
  const report: MailboxReadReport = { mailboxes: [], sinceDays, error: '', detail: '' }
  if (!account.host || !account.user) return { ...report, error: 'not_configured' }
  // Loaded on the first mailbox read, not at start.
  const { ImapFlow: Imap } = await import('imapflow')
  const client = new Imap({
    host: account.host, port: account.port, secure: account.security === 'tls',
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password }, logger: false, disableAutoIdle: true,
    connectionTimeout: 30_000, greetingTimeout: 16_000, socketTimeout: 120_000,
  })
  // A dropped connection is reported by the command that was running; the event must not crash the app.
  client.on('error', (error: unknown) => options.log?.('imap connection error', { error: readErrorOf(error).detail }))
  const abort = () => client.close()
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    if (options.signal?.aborted) return { ...report, error: 'cancelled' }
    await client.connect()
    const folders = await client.list()
    const sent = folders.find((f) => f.specialUse === '\\Sent')
    const state = await readImapState(ctx.db)
    for (const [path, role] of [['INBOX', 'inbox'], ...(sent ? [[sent.path, 'sent']] : [])] as Array<[string, MailboxReadSummary['role']]>) {
      const summary = emptySummary(path, role)
      report.mailboxes.push(summary)
      try {
        await readFolder(ctx, client, summary, state, sinceDays, options)
      } catch (error) {
        const failure = readErrorOf(error)
        summary.error = options.signal?.aborted ? 'cancelled' : failure.error
        report.detail ||= failure.detail
        options.log?.('imap folder not read', { folder: path, error: failure.detail })
        if (!client.usable) break
      }
    }
  } catch (error) {
    const failure = readErrorOf(error)
    return { ...report, error: options.signal?.aborted ? 'cancelled' : failure.error, detail: failure.detail }
  } finally {
    options.signal?.removeEventListener('abort', abort)
    if (client.usable) await client.logout().catch(() => client.close())
    else client.close()
  }
  const failed = report.mailboxes.find((m) => m.error !== '')
  return failed && report.mailboxes.every((m) => m.error !== '') ? { ...report, error: failed.error } : report
}

async function readFolder(ctx: ServiceContext, client: ImapFlow, summary: MailboxReadSummary, state: ImapState, sinceDays: number, options: ReadOptions): Promise<void> {
  const lock = await client.getMailboxLock(summary.name, { readOnly: true })
  try {
    const box = client.mailbox
    if (!box) throw Object.assign(new Error(`${summary.name} could not be opened`), { code: 'NotFound' })
    const uidValidity = Number(box.uidValidity)
    summary.total = box.exists
    const known = state[summary.name]
    summary.restarted = known !== undefined && known.uidValidity !== uidValidity
    const lastUid = known && !summary.restarted ? known.lastUid : 0
    const since = new Date((options.now ?? ctx.clock()).getTime() - sinceDays * DAY_MS)
    const found = box.exists === 0 ? [] : await client.search({ uid: `${lastUid + 1}:*`, since }, { uid: true })
    if (found === false || found === undefined) throw Object.assign(new Error(`search in ${summary.name} refused`), { code: 'NotFound' })
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b)
    const limit = options.limit ?? MAILBOX_READ_LIMIT
    const todo = uids.slice(0, limit)
    summary.candidates = uids.length
    summary.limited = uids.length > todo.length
    summary.remaining = uids.length - todo.length
    const batchSize = options.batchSize ?? 200
    let progress = lastUid
    for (let i = 0; i < todo.length; i += batchSize) {
      if (options.signal?.aborted) throw Object.assign(new Error('read cancelled'), { name: 'AbortError' })
      const batch = todo.slice(i, i + batchSize)
      await readBatch(ctx, client, summary, uidValidity, batch, options)
      progress = batch[batch.length - 1]!
      await saveFolderState(ctx.db, summary.name, { uidValidity, lastUid: progress })
    }
    // Everything of the window is read: what lies below the next UID is read or older than the window.
    if (!summary.limited) await saveFolderState(ctx.db, summary.name, { uidValidity, lastUid: Math.max(progress, box.uidNext - 1, 0) })
  } finally {
    lock.release()
  }
}

/** Message-IDs and UIDs of this batch that were stored before: read again, nothing happens. */
async function storedBefore(ctx: ServiceContext, folder: string, uidValidity: number, candidates: EnvelopeCandidate[]): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('mail_messages').select(['message_id', 'mailbox', 'uid_validity', 'uid'])
    .where((eb) => eb.or([
      eb.and([eb('mailbox', '=', folder), eb('uid_validity', '=', uidValidity), eb('uid', 'in', candidates.map((c) => c.uid))]),
      eb('message_id', 'in', candidates.map((c) => c.messageId)),
    ])).execute()
  const outbox = await ctx.db.selectFrom('mail_outbox').select('message_id').where('message_id', 'in', candidates.map((c) => c.messageId)).execute()
  const seen = new Set<string>([...rows.map((r) => `id:${r.message_id}`), ...outbox.map((r) => `id:${r.message_id}`)])
  for (const r of rows) if (r.mailbox === folder && r.uid_validity === uidValidity) seen.add(`uid:${r.uid}`)
  return seen
}

async function readBatch(ctx: ServiceContext, client: ImapFlow, summary: MailboxReadSummary, uidValidity: number, batch: number[], options: ReadOptions): Promise<void> {
  const now = options.now ?? ctx.clock()
  const fetched: FetchMessageObject[] = await client.fetchAll(uidSet(batch), { uid: true, envelope: true, size: true, internalDate: true, headers: ['references'] }, { uid: true })
  const candidates = fetched.map((m) => candidateOf(m, now)).sort((a, b) => a.uid - b.uid)
  summary.read += candidates.length
  if (candidates.length === 0) return
  const contacts = await matchContacts(ctx.db, addressesOf(candidates))
  const seen = await storedBefore(ctx, summary.name, uidValidity, candidates)
  for (const candidate of candidates) {
    const match = matchOf(candidate, summary.role, contacts)
    if (!match) {
      summary.unknown += 1
      continue
    }
    if (seen.has(`uid:${candidate.uid}`) || seen.has(`id:${candidate.messageId}`)) {
      summary.skipped += 1
      continue
    }
    seen.add(`id:${candidate.messageId}`)
    const outcome = await readOne(ctx, client, { mailbox: summary.name, uidValidity, envelope: candidate, match, raw: null, content: null, malformed: null }, options)
    summary[outcome] += 1
  }
}

/** Downloads, parses and files one message; whatever goes wrong stays with this message. */
async function readOne(ctx: ServiceContext, client: ImapFlow, mail: MailToFile, options: ReadOptions): Promise<FilingOutcome> {
  const uid = mail.envelope.uid
  const limit = options.rawLimit ?? MAILBOX_RAW_LIMIT
  if (mail.envelope.size <= limit) {
    // At most one byte over the limit is asked for, whatever size the server announced.
    const message = await client.fetchOne(String(uid), { uid: true, source: { maxLength: limit + 1 } }, { uid: true })
    const source = message ? message.source : undefined
    if (source && source.length <= limit) {
      mail.raw = source
      try {
        mail.content = contentOf(await parseMail(source))
      } catch (error) {
        mail.malformed = error instanceof Error ? error.message : String(error)
      }
    } else if (!source) {
      mail.malformed = 'the server sent no content'
    }
  }
  try {
    return await fileMail(ctx, mail)
  } catch (error) {
    // Filing failed (a value the timeline refuses): the mail is kept as unreadable with the reason, never lost.
    options.log?.('mail not filed', { uid, folder: mail.mailbox, error: error instanceof Error ? error.stack : String(error) })
    return fileMail(ctx, { ...mail, malformed: `not filed: ${error instanceof Error ? error.message : String(error)}` })
  }
}
