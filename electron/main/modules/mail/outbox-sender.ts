// Sends what is due in the outbox over ONE SMTP connection, oldest first, at the server's pace. Crash safety
// (docs/mail.md): a mail is marked `sending` (committed) before it is handed to the server and `sent` — together
// with the caller's follow-up (`onDelivered`: the offer marked sent, the touchpoint) — in one transaction after
// the server accepted it. A crash in between leaves it `sending`: the next run sends the same bytes again, with
// the same Message-ID, so mail programs show it once. Nothing is ever deleted.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { OutboxError } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import type { SmtpAccount } from './mail-accounts.service'
import { waitingCount, type OutboxRow } from './outbox.service'
import { backoffMs, classifySmtpError, DEFAULT_SMTP_TIMEOUTS, smtpTransport, type SmtpFailure, type SmtpTimeouts } from './smtp-client'

/** The caller's follow-up of a delivered mail, in the transaction that records it sent; `entry` is the row as it was sent. */
export type OnDelivered = (trx: Transaction<Database>, entry: OutboxRow, sentAt: string) => Promise<void>

export interface DrainOptions {
  onDelivered?: OnDelivered
  /** Stops between two mails (the mail on the wire is finished first). */
  signal?: AbortSignal
  /** The clock for "due" and the recorded times; the context's clock when not given. */
  now?: () => Date
  timeouts?: SmtpTimeouts
  log?: (message: string, detail?: unknown) => void
}

export interface DrainResult {
  sent: number
  /** Mails that now wait for the rep (login refused, recipient rejected, too large, refused). */
  failed: number
  /** Mails put back with a backoff (offline, timeout, a temporary refusal). */
  deferred: number
  /** Mails still to be sent after this run. */
  waiting: number
  /** The error that ended the run early (no connection, login refused …); null when it ran through. */
  stoppedBy: OutboxError | null
  /** Mails sent whose follow-up threw (recorded sent all the same, the error on the entry). */
  afterDeliveryErrors: number
}

const running = new WeakMap<Kysely<Database>, Promise<unknown>>()

/** One run at a time per database: a second call waits for the running one, then drains what is left. */
export function drainOutbox(ctx: ServiceContext, account: SmtpAccount, options: DrainOptions = {}): Promise<DrainResult> {
  const before = running.get(ctx.db) ?? Promise.resolve()
  const run = before.catch(() => undefined).then(() => drainRun(ctx, account, options))
  running.set(ctx.db, run)
  void run.catch(() => undefined).then(() => {
    if (running.get(ctx.db) === run) running.delete(ctx.db)
  })
  return run
}

interface Recipients {
  to?: Array<{ address: string }>
  cc?: Array<{ address: string }>
  bcc?: Array<{ address: string }>
}

/** Every envelope recipient (To, Cc and Bcc), each once. */
function envelopeRecipients(row: OutboxRow): string[] {
  let parsed: Recipients = {}
  try {
    parsed = JSON.parse(row.recipients) as Recipients
  } catch {
    parsed = {}
  }
  const all = [...(parsed.to ?? []), ...(parsed.cc ?? []), ...(parsed.bcc ?? [])].map((a) => a.address)
  return [...new Set(all)]
}

type Cursor = { created_at: string; id: string }
const BATCH = 100

/**
 * The next mails due after `cursor` in created order: waiting and due, or left `sending` by a run that crashed.
 * Ids only, through the partial index of open mails: a sent mail's bytes are never read to find the due ones.
 */
function dueBatch(db: Kysely<Database>, now: string, cursor: Cursor | null): Promise<Cursor[]> {
  let q = db.selectFrom('mail_outbox').select(['id', 'created_at'])
    .where('status', 'in', ['queued', 'sending'])
    .where((eb) => eb.or([eb('status', '=', 'sending'), eb('next_attempt_at', '<=', now)]))
  if (cursor) q = q.where((eb) => eb.or([eb('created_at', '>', cursor.created_at), eb.and([eb('created_at', '=', cursor.created_at), eb('id', '>', cursor.id)])]))
  return q.orderBy('created_at').orderBy('id').limit(BATCH).execute()
}

interface Run {
  ctx: ServiceContext
  options: DrainOptions
  clock: () => Date
  log: NonNullable<DrainOptions['log']>
  transport: Awaited<ReturnType<typeof smtpTransport>>
  result: DrainResult
}

async function drainRun(ctx: ServiceContext, account: SmtpAccount, options: DrainOptions): Promise<DrainResult> {
  const run: Run = {
    ctx, options, clock: options.now ?? ctx.clock,
    log: options.log ?? ((message: string, detail?: unknown) => console.warn(`[outbox] ${message}`, detail ?? '')),
    transport: await smtpTransport(account, options.timeouts ?? DEFAULT_SMTP_TIMEOUTS),
    result: { sent: 0, failed: 0, deferred: 0, waiting: 0, stoppedBy: null, afterDeliveryErrors: 0 },
  }
  let cursor: Cursor | null = null
  try {
    for (let batch = await dueBatch(ctx.db, run.clock().toISOString(), cursor); batch.length > 0; batch = await dueBatch(ctx.db, run.clock().toISOString(), cursor)) {
      for (const next of batch) {
        if (options.signal?.aborted || run.result.stoppedBy) return await finish(run)
        cursor = next
        await sendOne(run, next.id)
      }
    }
    return await finish(run)
  } finally {
    run.transport.close()
  }
}

async function finish(run: Run): Promise<DrainResult> {
  run.result.waiting = await waitingCount(run.ctx.db)
  return run.result
}

/** One mail: claimed, handed to the server, recorded. A failure that would hit every mail stops the run. */
async function sendOne(run: Run, id: string): Promise<void> {
  const { ctx, clock, result } = run
  // Claimed and committed before the server sees it; a row the rep discarded meanwhile is skipped.
  const claimed = await ctx.db.updateTable('mail_outbox').set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id).where('status', 'in', ['queued', 'sending']).executeTakeFirst()
  if (Number(claimed.numUpdatedRows) === 0) return
  const row = await ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  let info: { response?: string; rejected?: unknown[]; rejectedErrors?: Array<{ response?: string; message?: string }> }
  try {
    info = await run.transport.sendMail({ envelope: { from: row.sender, to: envelopeRecipients(row) }, raw: row.raw })
  } catch (err) {
    const failure = classifySmtpError(err)
    await recordFailure(ctx.db, row.id, row.attempts, failure, clock())
    if (failure.status === 'failed') result.failed += 1
    else result.deferred += 1
    if (failure.stopsRun) {
      result.stoppedBy = failure.error
      await deferOthers(ctx.db, row.id, failure, new Date(clock().getTime() + backoffMs(row.attempts)))
    }
    return
  }
  const partly = (info.rejected ?? []).map(String)
  const sent: OutboxRow = {
    ...row, status: 'sent', sent_at: clock().toISOString(), smtp_response: String(info.response ?? '').slice(0, 1_000),
    last_error: partly.length ? 'recipient_rejected' : '', last_error_detail: partly.length ? rejectedDetail(partly, info.rejectedErrors) : '',
  }
  if (!(await recordSent(ctx.db, sent, run.options.onDelivered, run.log))) result.afterDeliveryErrors += 1
  result.sent += 1
}

const rejectedDetail = (addresses: string[], errors: Array<{ response?: string; message?: string }> | undefined): string =>
  `${addresses.join(', ')}: ${(errors ?? []).map((e) => e.response ?? e.message ?? '').join('; ')}`.slice(0, 1_000)

/**
 * Sent, and the follow-up, in one transaction. A follow-up that throws rolls back its own writes, never the fact
 * that the mail left: the mail is then recorded sent with the follow-up's error on it (answers false), never
 * sent a second time.
 */
async function recordSent(db: Kysely<Database>, row: OutboxRow, onDelivered: OnDelivered | undefined, log: NonNullable<DrainOptions['log']>): Promise<boolean> {
  const values = { status: 'sent' as const, sent_at: row.sent_at, smtp_response: row.smtp_response, last_error: row.last_error, last_error_detail: row.last_error_detail }
  try {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('mail_outbox').set(values).where('id', '=', row.id).execute()
      if (onDelivered) await onDelivered(trx, row, row.sent_at!)
    })
    return true
  } catch (err) {
    log(`follow-up of sent mail ${row.message_id} failed`, err)
    const detail = `after delivery: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1_000)
    await db.updateTable('mail_outbox').set({ ...values, last_error: 'unknown', last_error_detail: detail }).where('id', '=', row.id).execute()
    return false
  }
}

async function recordFailure(db: Kysely<Database>, id: string, attempts: number, failure: SmtpFailure, now: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({
    status: failure.status, last_error: failure.error, last_error_detail: failure.detail,
    next_attempt_at: new Date(now.getTime() + (failure.status === 'queued' ? backoffMs(attempts) : 0)).toISOString(),
  }).where('id', '=', id).execute()
}

/**
 * The run stopped (no connection, login refused): the other due mails were not tried and would fail the same way.
 * They wait until the failed mail's next attempt, with its error shown; their attempts stay as they were.
 */
async function deferOthers(db: Kysely<Database>, failedId: string, failure: SmtpFailure, until: Date): Promise<void> {
  const at = until.toISOString()
  await db.updateTable('mail_outbox').set({ status: 'queued', next_attempt_at: at, last_error: failure.error, last_error_detail: failure.detail })
    .where('id', '!=', failedId)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<', at)]), eb('status', '=', 'sending')]))
    .execute()
}
