// When the outbox sends: at once when kicked (a mail queued, the connection back, "Jetzt senden"), and by a
// timer that wakes for the next due attempt — never a busy loop: at most every 30 s, at least every 5 min (a
// laptop that slept catches up). One drain at a time; a kick during a run queues exactly one more. After the
// server refused the login, only the rep's own action (a retry, "Jetzt senden", a saved account) sends again, so
// a wrong password is not tried every minute against the company's server. Plain Node: Electron's main and web mode.
import type { OutboxError } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import { smtpAccount, type MailSecrets } from './mail-accounts.service'
import { drainOutbox, type DrainResult, type OnDelivered } from './outbox-sender'
import { waitingCount } from './outbox.service'
import type { SmtpTimeouts } from './smtp-client'

export const MIN_WAKE_MS = 30_000
export const MAX_WAKE_MS = 5 * 60_000

export interface MailControllerOptions {
  /** The open database's context (a switch to the demo database replaces it). */
  ctx: () => ServiceContext
  secrets: MailSecrets
  onDelivered?: OnDelivered
  /** Reads the rep's inbox (the IMAP reader); "fetch now" calls it. */
  readInbox?: () => Promise<unknown>
  log?: (message: string, detail?: unknown) => void
  timeouts?: SmtpTimeouts
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout }
}

export interface MailStatus {
  state: 'stopped' | 'idle' | 'sending'
  /** Whether an SMTP account is set up (checked at the last run). */
  configured: boolean
  /** The error that stopped the last run (no connection, login refused …), else null. */
  lastError: OutboxError | null
  lastRunAt: string | null
  nextWakeAt: string | null
  /** After a refused login: automatic runs wait for the rep. */
  waitsForRep: boolean
}

export class MailController {
  private running: Promise<DrainResult | null> | null = null
  private queued: Promise<DrainResult | null> | null = null
  private reading: Promise<unknown> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private abort: AbortController | null = null
  private started = false
  private configured = true
  private lastError: OutboxError | null = null
  private lastRunAt: string | null = null
  private nextWakeAt: Date | null = null
  private waitsForRep = false
  private readonly timers: NonNullable<MailControllerOptions['timers']>
  private readonly log: NonNullable<MailControllerOptions['log']>

  constructor(private readonly options: MailControllerOptions) {
    this.timers = options.timers ?? { setTimeout, clearTimeout }
    this.log = options.log ?? ((message, detail) => console.warn(`[mail] ${message}`, detail ?? ''))
  }

  /** Starts the timer; a mail left `sending` by a crash is simply due and goes with the next run. */
  start(): void {
    if (this.started) return
    this.started = true
    void this.schedule(1_000)
  }

  /** Stops the timer and waits for a running drain (it stops after the mail on the wire). */
  async stop(): Promise<void> {
    this.started = false
    this.cancelTimer()
    this.abort?.abort()
    await this.queued?.catch(() => null)
    await this.running?.catch(() => null)
  }

  /**
   * Drain now. `manual`: the rep asked (retry, "Jetzt senden", account saved) — also after a refused login.
   * Answers the run's result, or null when nothing ran (stopped, no account, waiting for the rep).
   */
  kick(options: { manual?: boolean } = {}): Promise<DrainResult | null> {
    if (options.manual) this.waitsForRep = false
    if (!this.started || this.waitsForRep) return Promise.resolve(null)
    if (this.running) {
      this.queued ??= this.running.catch(() => null).then(() => {
        this.queued = null
        return this.kick()
      })
      return this.queued
    }
    const run = this.drain().finally(() => {
      if (this.running === run) this.running = null
    })
    this.running = run
    return run
  }

  /** Reads the inbox now (one read at a time); null when no reader is installed. */
  fetchNow(): Promise<unknown> {
    const read = this.options.readInbox
    if (!read) return Promise.resolve(null)
    this.reading ??= read().finally(() => {
      this.reading = null
    })
    return this.reading
  }

  status(): MailStatus {
    return {
      state: !this.started ? 'stopped' : this.running ? 'sending' : 'idle',
      configured: this.configured,
      lastError: this.lastError,
      lastRunAt: this.lastRunAt,
      nextWakeAt: this.nextWakeAt?.toISOString() ?? null,
      waitsForRep: this.waitsForRep,
    }
  }

  private async drain(): Promise<DrainResult | null> {
    this.cancelTimer()
    const ctx = this.options.ctx()
    const abort = new AbortController()
    this.abort = abort
    try {
      const account = await smtpAccount(ctx, this.options.secrets)
      this.configured = account !== null
      if (!account) return null
      const result = await drainOutbox(ctx, account, {
        signal: abort.signal, log: this.log,
        ...(this.options.onDelivered ? { onDelivered: this.options.onDelivered } : {}),
        ...(this.options.timeouts ? { timeouts: this.options.timeouts } : {}),
      })
      this.lastError = result.stoppedBy
      this.lastRunAt = ctx.clock().toISOString()
      if (result.stoppedBy === 'auth') this.waitsForRep = true
      return result
    } catch (err) {
      this.log('outbox run failed', err)
      return null
    } finally {
      if (this.abort === abort) this.abort = null
      await this.schedule(MIN_WAKE_MS)
    }
  }

  /** Wakes for the earliest due mail: not sooner than `floorMs`, not later than five minutes; no timer when nothing waits. */
  private async schedule(floorMs: number): Promise<void> {
    this.cancelTimer()
    if (!this.started) return
    let ctx: ServiceContext
    let waiting = 0
    let next: string | undefined
    try {
      ctx = this.options.ctx()
      waiting = await waitingCount(ctx.db)
      next = (await ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', 'in', ['queued', 'sending']).executeTakeFirst())?.at ?? undefined
    } catch (err) {
      this.log('outbox schedule failed', err)
      return
    }
    if (!this.started || waiting === 0 || this.waitsForRep || !this.configured) return
    const dueIn = next ? new Date(next).getTime() - ctx.clock().getTime() : 0
    const delay = Math.min(MAX_WAKE_MS, Math.max(floorMs, dueIn))
    this.cancelTimer()
    this.nextWakeAt = new Date(Date.now() + delay)
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      this.nextWakeAt = null
      void this.kick()
    }, delay)
    // The timer alone never keeps the process alive (web mode's server and Electron's app do).
    if (typeof this.timer === 'object' && this.timer !== null && 'unref' in this.timer) this.timer.unref()
  }

  private cancelTimer(): void {
    if (this.timer) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.nextWakeAt = null
  }
}
