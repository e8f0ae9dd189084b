// Start-up shared by the desktop shell and web mode: open the database, know the user, and switch the
// running app between the user's database and the demo database. No Electron here.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { DatabaseOpenError, openDatabase, quickCheck, type AppDatabase } from '../../db/database'
import type { DatabaseKey } from '../../db/platform/sqlite/sqlite3-handle'
import type { AppInfo } from '../../shared/modules/settings'
import { whenIdle } from './platform/activity'
import { AppError } from '../../shared/platform/result'
import type { AppContext, DatabaseKind } from './ipc/handler-types'
import type { ServiceContext } from './platform/context'
import { adoptDeviceTeamRules, ensureCurrentUser } from './modules/settings'
import { rollContracts } from './modules/contracts'
import { recomputeHealthIfNewDay, rollTriggers } from './modules/success'
import { ensureDemoData, isDemoDatabase, markDemoDatabase } from './modules/demo'
import { expireOffers } from './modules/offers'
import { SyncController } from './modules/sync'
import { blobDirOf } from './modules/files'
import type { SecretBox } from './modules/sync'
import { deliveryHook, inboxReader, MailController, plainMailSecrets } from './modules/mail'

export const APP_NAME = 'Kundenreise'
export const APP_VERSION = '0.1.0'
export const DB_ENV = 'KUNDENREISE_DB'

/** The same folder Electron's app.getPath('userData') gives for an app named Kundenreise. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', APP_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), APP_NAME)
}

/** `--db <file>` wins over $KUNDENREISE_DB, which wins over the user-data folder. */
export function resolveDatabasePath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const flag = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (flag >= 0) {
    const arg = argv[flag]!
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flag + 1]
    if (value) return path.resolve(value)
  }
  if (env[DB_ENV]) return path.resolve(env[DB_ENV])
  return path.join(userDataDir, 'kundenreise.sqlite')
}

/**
 * The demo database of a database file: in a folder `Demo` next to it, named after it (`kundenreise.sqlite`
 * → `Demo/kundenreise-demo.sqlite`), so it is never the same file, and what lives next to a database (the
 * letters in `Dokumente/`, the logo copy in `Profil/`) is the demo's own. Derived here only, never from
 * renderer input.
 */
export function demoDatabasePath(databasePath: string): string {
  const ext = path.extname(databasePath)
  return path.join(path.dirname(databasePath), 'Demo', `${path.basename(databasePath, ext)}-demo${ext || '.sqlite'}`)
}

export interface Core {
  /** The same object for the life of the app; a switch replaces its `ctx`, `sync` and `env` facts. */
  app: AppContext
  /** The open database (the user's own or the demo database). */
  readonly database: AppDatabase
  /** Settles when the background integrity check of the open database is done; starts it now if it still waits (tests and scripts wait for it). */
  readonly integrityChecked: Promise<void>
  /** Settles when the first daily upkeep (offer expiry, contract roll) of the open database is done; scripts wait for it before bulk writes. */
  readonly upkeepDone: Promise<void>
  /** Starts syncing the open database (and every database switched to later; a demo database never connects). */
  startSync(): void
  /** Calls `listener` after every switch (the desktop restarts its due notifications on the new database). */
  onSwitch(listener: (kind: DatabaseKind) => void): void
  /** Stops sync and upkeep and closes the open database. */
  close(): Promise<void>
}

/** One open database with everything that belongs to it. */
interface Opened {
  kind: DatabaseKind
  database: AppDatabase
  ctx: ServiceContext
  sync: SyncController
  mail: MailController
  timer: ReturnType<typeof setInterval>
  upkeepDone: Promise<void>
  integrity: AppInfo['integrity']
  /** Starts the integrity check now unless it started already; settles when it is done. */
  checkIntegrity(): Promise<void>
  /** The delayed start of the check (cleared when the database closes first). */
  checkTimer: ReturnType<typeof setTimeout>
}

/**
 * The integrity check (a read of the whole file, seconds on a large database) waits this long after the open: started
 * at once, it took a core from the first page the window shows (issue 20, cold start on two cores). Whoever waits for
 * it (`Core.integrityChecked`: tests, scripts) starts it at once.
 */
export const INTEGRITY_CHECK_DELAY_MS = 5_000

/**
 * `databaseKey`: the key the user's own database is encrypted with (SQLCipher), null for an unencrypted one.
 * The demo database is never encrypted: it holds made-up customers only.
 */
export async function startCore(
  databasePath: string, mode: AppInfo['mode'], clock: () => Date = () => new Date(), secretBox?: SecretBox, databaseKey: DatabaseKey | null = null,
): Promise<Core> {
  const files: Record<DatabaseKind, string> = { real: databasePath, demo: demoDatabasePath(databasePath) }
  /** The open database (set by the first open) and the facts about it that handlers read. */
  let openDb: Opened | undefined
  const env: AppContext['env'] = { version: APP_VERSION, mode, databasePath, clientId: '', integrity: 'checking', database: 'real', encrypted: databaseKey !== null }
  let syncing = false
  const listeners: Array<(kind: DatabaseKind) => void> = []

  /**
   * Makes the demo database under a temporary name, marks and fills it, and renames it when it is
   * complete: a filling that is interrupted (the app closed meanwhile) leaves no half-filled demo.
   */
  async function makeDemoDatabase(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true })
    const partial = `${file}.partial`
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true })
    const database = await openDatabase(partial)
    try {
      await markDemoDatabase(database.db)
      await ensureDemoData({ db: database.db, clock, userId: '', userName: '' })
    } finally {
      await database.close()
    }
    renameSync(partial, file)
  }

  /** Opens one of the two files and starts its upkeep. The demo file is made, marked and filled on first use. */
  async function open(kind: DatabaseKind): Promise<Opened> {
    const file = files[kind]
    if (kind === 'demo' && (!existsSync(file) || statSync(file).size === 0)) await makeDemoDatabase(file)
    const key = kind === 'real' ? databaseKey : null
    const database = await openDatabase(file, { key })
    const ctx: ServiceContext = { db: database.db, clock, userId: '', userName: '' }
    let demo = false
    try {
      if (kind === 'demo') {
        // Demo data goes only into a file made as the demo database: a file of that name that is
        // anything else (a real database renamed) is left as it is.
        if (!(await isDemoDatabase(database.db))) throw new AppError('conflict', 'demo.errors.notDemoDatabase')
        await ensureDemoData(ctx)
        demo = true
      } else {
        // Started with `--db` on a demo file: it still never connects to a server.
        demo = await isDemoDatabase(database.db)
      }
      await ensureCurrentUser(ctx)
      // The cadence, lost reasons and service levels this device had (issue 18: team settings now) go to its team
      // once; the demo never syncs, so it keeps the defaults of its team.
      if (!demo) await adoptDeviceTeamRules(ctx)
    } catch (err) {
      await database.close()
      throw err
    }
    // The outbox sends on its own timer and when kicked; the rep's mailbox is read after every sync run (and by
    // "E-Mails abrufen"). Passwords are sealed by the same keychain box as the sync token.
    const mailSecrets = secretBox ?? plainMailSecrets
    const mail = new MailController({ ctx: () => ctx, secrets: mailSecrets, onDelivered: deliveryHook(() => ctx), readInbox: inboxReader(() => ctx, mailSecrets) })
    const sync = new SyncController({
      ctx, clientId: database.clientId, secretBox, deviceName: `${APP_NAME} ${mode}`, ...(demo ? { refuseConnect: 'demo.syncUnavailable' } : {}),
      blobDir: blobDirOf(file),
      afterRun: async () => {
        void mail.kick()
        await mail.fetchNow()
      },
    })
    mail.start()
    // Offers past their validity expire by themselves, contracts renew tacitly or end, and the journey
    // follows renewal windows: at start and every hour while the database is open. The health scores are
    // recomputed once a day (their date-dependent parts), a chunk per transaction, after the roll; then the
    // date-based early warnings fire (once a day), reading the fresh scores.
    const upkeep = () => expireOffers(ctx).then(() => rollContracts(ctx)).then(() => recomputeHealthIfNewDay(ctx)).then(() => rollTriggers(ctx))
      .then(() => undefined, (err: unknown) => console.error('[kundenreise] daily upkeep failed', err))
    let checked: Promise<void> | undefined
    const checkIntegrity = () => {
      clearTimeout(opened.checkTimer)
      checked ??= quickCheck(file, key).then(({ integrity, detail }) => {
        opened.integrity = integrity
        // A check of a database that was switched away from in the meantime says nothing about the open one.
        if (openDb === opened) env.integrity = integrity
        if (integrity === 'corrupt') console.error(`[kundenreise] database integrity check failed for ${file}: ${detail}`)
      })
      return checked
    }
    const opened: Opened = {
      kind, database, ctx, sync, mail, timer: setInterval(() => void (opened.upkeepDone = upkeep()), 3_600_000), upkeepDone: upkeep(), integrity: 'checking',
      checkIntegrity, checkTimer: setTimeout(() => void checkIntegrity(), INTEGRITY_CHECK_DELAY_MS),
    }
    opened.timer.unref()
    opened.checkTimer.unref()
    return opened
  }

  /** Stops what runs on a database that is switched away from or closed, then closes it (queued queries finish first). */
  async function shut(opened: Opened): Promise<void> {
    clearInterval(opened.timer)
    clearTimeout(opened.checkTimer)
    await opened.sync.stop()
    await opened.mail.stop()
    await opened.upkeepDone
    await opened.database.close()
  }

  // The app always starts on the user's own database: after a restart nobody wonders whose data this is.
  const first = await open('real')
  openDb = first
  const current = (): Opened => openDb ?? first
  Object.assign(env, { clientId: first.database.clientId, integrity: first.integrity })
  const theApp: AppContext = { ctx: first.ctx, sync: first.sync, mail: first.mail, mailSecrets: secretBox ?? plainMailSecrets, env }

  const switchTo = async (kind: DatabaseKind): Promise<void> => {
    if (current().kind === kind) return
    let next: Opened
    try {
      next = await open(kind)
    } catch (err) {
      // The open database stays as it was.
      if (err instanceof AppError) throw err
      console.error(`[kundenreise] could not open the ${kind} database ${files[kind]}`, err instanceof DatabaseOpenError ? `${err.message} ${err.path}` : err)
      throw new AppError('conflict', 'demo.errors.openFailed')
    }
    const previous = current()
    // The old database's sync stops before the new one is visible; handlers started before the swap
    // finish on the database they started on (the close waits until none runs there any more).
    await previous.sync.stop()
    openDb = next
    theApp.ctx = next.ctx
    theApp.sync = next.sync
    theApp.mail = next.mail
    Object.assign(theApp.env, { databasePath: next.database.path, clientId: next.database.clientId, integrity: next.integrity, database: kind, encrypted: kind === 'real' && databaseKey !== null })
    if (syncing) next.sync.start()
    // Requests that started on the old database (a save, a letter) finish there before it is closed.
    await whenIdle(previous.ctx)
    await shut(previous)
    for (const listener of listeners) listener(kind)
  }
  // One switch at a time; a failed one leaves the open database as it was and does not block the next.
  let switching: Promise<void> = Promise.resolve()
  theApp.switchDatabase = (kind) => {
    const run = switching.then(() => switchTo(kind))
    switching = run.catch(() => {})
    return run
  }

  return {
    app: theApp,
    get database() {
      return current().database
    },
    get integrityChecked() {
      return current().checkIntegrity()
    },
    get upkeepDone() {
      return current().upkeepDone
    },
    startSync() {
      syncing = true
      theApp.sync.start()
    },
    onSwitch(listener) {
      listeners.push(listener)
    },
    async close() {
      await switching
      await shut(current())
    },
  }
}
