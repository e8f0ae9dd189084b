// When to sync: at start, every N minutes, on "Sync now" and when the connection returns; after a
// failure with exponential backoff and jitter. Plain Node: runs in Electron's main and in web mode.
import { SCHEMA_VERSION } from '../../../../db/migrations'
import { pendingOperationCount } from '../../../../db/platform/local.repository'
import type { SyncConnectInput, SyncStatus } from '../../../../shared/modules/sync/status'
import { AppError, fieldError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { resetSyncedData } from './apply'
import { syncOnce, takeNewClientId, type SyncProgress } from './engine'
import { BlobTransferError, syncBlobs } from '../files'
import { clearState, plainSecretBox, readState, writeState, type SecretBox } from './state'
import { httpTransport, normaliseServerUrl, SyncTransportError, type FetchLike, type SyncTransport } from './transport'

export const DEFAULT_INTERVAL_MINUTES = 5
const BACKOFF_BASE_MS = 5_000
const BACKOFF_MAX_MS = 15 * 60_000

/** Exponential backoff with full jitter: spreads fifty laptops that come online together. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export function errorKey(err: unknown): string {
  if (err instanceof SyncTransportError) return `sync.errors.${err.code}`
  if (err instanceof BlobTransferError) return err.status === 0 ? 'sync.errors.offline' : err.status === 401 ? 'sync.errors.unauthenticated' : 'sync.errors.internal'
  return 'sync.errors.internal'
}

export interface ControllerOptions {
  ctx: ServiceContext
  clientId: string
  secretBox?: SecretBox
  fetchImpl?: FetchLike
  deviceName?: string
  /** A database that must never reach a server (the demo database): connecting is refused with this message key, and it never syncs. */
  refuseConnect?: string
  /**
   * Runs after every sync run, connected or not (the mail module reads the rep's mailbox and sends the outbox
   * "on sync"); its failure is logged and never fails the sync.
   */
  afterRun?: () => Promise<unknown>
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout }
  /** The database's blob folder (`Anhaenge/`): after the push, files go up and offline ones come down (docs/files.md). */
  blobDir?: string
}

export class SyncController {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private failures = 0
  private progress: SyncProgress | null = null
  private error: string | null = null
  private nextAttemptAt: Date | null = null
  private stopped = false
  private readonly secretBox: SecretBox
  private readonly timers: NonNullable<ControllerOptions['timers']>

  constructor(private readonly options: ControllerOptions) {
    this.secretBox = options.secretBox ?? plainSecretBox
    this.timers = options.timers ?? { setTimeout, clearTimeout }
  }

  private get db() {
    return this.options.ctx.db
  }

  private transport(serverUrl: string): SyncTransport {
    return httpTransport(serverUrl, this.options.fetchImpl)
  }

  private async intervalMinutes(): Promise<number> {
    const row = await this.db.selectFrom('app_settings').select('value').where('key', '=', 'syncIntervalMinutes').executeTakeFirst()
    const value = Number(row?.value)
    return Number.isInteger(value) && value >= 1 ? value : DEFAULT_INTERVAL_MINUTES
  }

  async configure(intervalMinutes: number): Promise<SyncStatus> {
    await this.db.insertInto('app_settings').values({ key: 'syncIntervalMinutes', value: String(intervalMinutes) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(intervalMinutes) })).execute()
    await this.schedule(intervalMinutes * 60_000)
    return this.status()
  }

  async status(): Promise<SyncStatus> {
    const [serverUrl, user, lastSyncAt, token, rejected] = await Promise.all([
      readState(this.db, 'server_url'), readState(this.db, 'user'), readState(this.db, 'last_sync_at'), readState(this.db, 'token'), readState(this.db, 'rejected'),
    ])
    const conflicts = await this.db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll().as('n'))
      .where('resolved_at', 'is', null).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
    const connected = Boolean(token && serverUrl)
    return {
      state: !connected ? 'disconnected' : this.running ? 'syncing' : this.error ? 'error' : 'idle',
      serverUrl: serverUrl ?? '',
      user: user ? { login: user.login, displayName: user.displayName, role: user.role } : null,
      lastSyncAt,
      pending: await pendingOperationCount(this.db),
      openConflicts: Number(conflicts.n),
      rejected: rejected?.length ?? 0,
      quarantined: Number((await this.db.selectFrom('sync_quarantine').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      progress: this.running ? this.progress : null,
      error: this.error,
      nextAttemptAt: connected && this.nextAttemptAt ? this.nextAttemptAt.toISOString() : null,
      intervalMinutes: await this.intervalMinutes(),
      tokenEncrypted: this.secretBox.encrypted,
    }
  }

  /** Logs in; a different server or user than before starts the local copy afresh. */
  async connect(input: SyncConnectInput): Promise<SyncStatus> {
    if (this.options.refuseConnect) throw new AppError('forbidden', this.options.refuseConnect)
    let serverUrl: string
    try {
      serverUrl = normaliseServerUrl(input.serverUrl)
    } catch {
      throw fieldError('serverUrl', 'errors.syncServerUrl')
    }
    await this.running?.catch(() => {})
    let response
    try {
      response = await this.transport(serverUrl).login({
        login: input.login, password: input.password, clientId: this.options.clientId, deviceName: this.options.deviceName, ...(input.newPassword ? { newPassword: input.newPassword } : {}),
      })
    } catch (err) {
      if (err instanceof SyncTransportError && err.code === 'password_change_required') throw fieldError('newPassword', 'errors.syncPasswordChangeRequired')
      if (err instanceof SyncTransportError && err.code === 'weak_password') throw fieldError('newPassword', 'errors.syncWeakPassword')
      if (err instanceof SyncTransportError && err.code === 'invalid_credentials') throw fieldError('password', 'errors.syncInvalidCredentials')
      if (err instanceof SyncTransportError && (err.code === 'offline' || err.code === 'timeout' || err.code === 'not_found')) throw fieldError('serverUrl', err.code === 'not_found' ? 'errors.syncNotAServer' : 'errors.syncUnreachable')
      throw new AppError('validation', errorKey(err))
    }
    const previousUrl = await readState(this.db, 'server_url')
    const previousUser = await readState(this.db, 'user')
    if ((previousUrl && previousUrl !== serverUrl) || (previousUser && previousUser.id !== response.user.id)) {
      await resetSyncedData(this.db)
      await clearState(this.db, ['bootstrapped', 'cursor', 'rejected'])
    }
    const { ctx } = this.options
    await this.db.transaction().execute(async (trx) => {
      await writeState(trx, 'server_url', serverUrl)
      await writeState(trx, 'token', this.secretBox.seal(response.token))
      await writeState(trx, 'user', response.user)
      const u = response.user
      await trx.insertInto('users').values({ id: u.id, display_name: u.displayName, email: u.email, role: u.role, team_id: u.teamId, server_version: null, deleted_at: null })
        .onConflict((oc) => oc.column('id').doUpdateSet({ display_name: u.displayName, email: u.email, role: u.role, team_id: u.teamId })).execute()
      await trx.insertInto('app_settings').values({ key: 'currentUserId', value: u.id }).onConflict((oc) => oc.column('key').doUpdateSet({ value: u.id })).execute()
    })
    ctx.userId = response.user.id
    ctx.userName = response.user.displayName
    this.error = null
    this.failures = 0
    void this.syncNow()
    return this.status()
  }

  async disconnect(): Promise<SyncStatus> {
    await this.running?.catch(() => {})
    const token = await this.token()
    const serverUrl = await readState(this.db, 'server_url')
    if (token && serverUrl) await this.transport(serverUrl).logout(token).catch(() => {}) // offline logout still forgets the token here
    await clearState(this.db, ['token'])
    this.error = null
    this.cancelTimer()
    return this.status()
  }

  /** The connected server and this laptop's session, for other calls to it (the calendar subscription); null when not signed in. */
  async session(): Promise<{ serverUrl: string; token: string; fetch: FetchLike } | null> {
    if (this.options.refuseConnect) return null
    const [status, token] = await Promise.all([this.status(), this.token()])
    if (!token || !status.serverUrl || status.state === 'disconnected') return null
    return { serverUrl: status.serverUrl, token, fetch: this.options.fetchImpl ?? fetch }
  }

  private async token(): Promise<string | null> {
    const sealed = await readState(this.db, 'token')
    if (!sealed) return null
    try {
      return this.secretBox.open(sealed)
    } catch {
      return null
    }
  }

  /** One run at a time; a request during a run queues exactly one more, and waits for it. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.queued ??= this.running.catch(() => {}).then(() => {
        this.queued = null
        return this.stopped ? undefined : this.syncNow()
      })
      return this.queued
    }
    this.running = this.run().finally(() => this.afterRun()).finally(() => {
      this.running = null
    })
    return this.running
  }

  private async afterRun(): Promise<void> {
    if (this.stopped || !this.options.afterRun) return
    try {
      await this.options.afterRun()
    } catch (err) {
      console.error('[kundenreise] after-sync step failed', err)
    }
  }

  private async run(): Promise<void> {
    const token = await this.token()
    const serverUrl = await readState(this.db, 'server_url')
    if (!token || !serverUrl || this.options.refuseConnect) return
    this.cancelTimer()
    const transport = this.transport(serverUrl)
    try {
      await syncOnce({
        db: this.db, clientId: this.options.clientId, token, schemaVersion: SCHEMA_VERSION, transport,
        clock: this.options.ctx.clock, onProgress: (p) => (this.progress = p),
        reidentify: () => this.reidentify(transport, token),
      })
      // The attachments' rows are on the server now: their bytes follow (a failure is retried like the sync).
      if (this.options.blobDir) {
        const current = (await this.token()) ?? token
        await syncBlobs(this.db, this.options.blobDir, { serverUrl, token: current, fetch: this.options.fetchImpl ?? fetch }, this.options.ctx.clock)
      }
      await writeState(this.db, 'last_sync_at', this.options.ctx.clock().toISOString())
      this.error = null
      this.failures = 0
      await this.schedule((await this.intervalMinutes()) * 60_000)
    } catch (err) {
      this.error = errorKey(err)
      if (!(err instanceof SyncTransportError) && !(err instanceof BlobTransferError)) console.error('[sync]', err)
      if (err instanceof SyncTransportError && err.code === 'unauthenticated') {
        await clearState(this.db, ['token']) // the rep must log in again; the outbox waits
        return
      }
      this.failures++
      await this.schedule(backoffDelay(this.failures))
    } finally {
      this.progress = null
    }
  }

  /** A restored or copied database: it syncs on as a new device, its outbox intact. */
  private async reidentify(transport: SyncTransport, token: string): Promise<{ clientId: string; token: string }> {
    const fresh = await takeNewClientId(this.db, transport, token, SCHEMA_VERSION, (t) => this.secretBox.seal(t))
    this.options.clientId = fresh.clientId
    console.warn('[sync] this database was restored or copied: it now syncs as a new device')
    return fresh
  }

  private cancelTimer(): void {
    if (this.timer) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.nextAttemptAt = null
  }

  private async schedule(delayMs: number): Promise<void> {
    this.cancelTimer()
    if (this.stopped) return
    this.nextAttemptAt = new Date(this.options.ctx.clock().getTime() + delayMs)
    this.timer = this.timers.setTimeout(() => void this.syncNow(), delayMs)
    ;(this.timer as { unref?: () => void }).unref?.()
  }

  /** At start-up: sync now if connected (which schedules the next run). */
  start(): void {
    this.stopped = false
    void this.syncNow()
  }

  /** The connection came back: no need to wait for the backoff. */
  online(): Promise<void> {
    if (this.error) this.failures = 0
    return this.syncNow()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.cancelTimer()
    await this.running?.catch(() => {})
  }
}
