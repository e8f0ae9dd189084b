// Start-up shared by the desktop shell and web mode: open the database, know the user. No Electron here.
import { homedir } from 'node:os'
import path from 'node:path'
import { openDatabase, quickCheck, type AppDatabase } from '../../db/database'
import type { AppInfo } from '../../shared/modules/settings'
import type { AppContext } from './ipc/handler-types'
import { ensureCurrentUser } from './modules/settings'
import { rollContracts } from './modules/contracts'
import { expireOffers } from './modules/offers'
import { SyncController } from './modules/sync'
import type { SecretBox } from './modules/sync'

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

export interface Core {
  app: AppContext
  database: AppDatabase
  /** Settles when the background integrity check is done (tests and scripts wait for it). */
  integrityChecked: Promise<void>
  /** Settles when the first daily upkeep (offer expiry, contract roll) is done; scripts wait for it before bulk writes. */
  upkeepDone: Promise<void>
}

export async function startCore(databasePath: string, mode: AppInfo['mode'], clock: () => Date = () => new Date(), secretBox?: SecretBox): Promise<Core> {
  const database = await openDatabase(databasePath)
  const ctx = { db: database.db, clock, userId: '', userName: '' }
  await ensureCurrentUser(ctx)
  const sync = new SyncController({ ctx, clientId: database.clientId, secretBox, deviceName: `${APP_NAME} ${mode}` })
  const app: AppContext = { ctx, sync, env: { version: APP_VERSION, mode, databasePath, clientId: database.clientId, integrity: 'checking', database: 'real' } }
  // Offers past their validity expire by themselves, contracts renew tacitly or end, and the journey
  // follows renewal windows: at start and every hour while the app runs.
  const upkeep = () => expireOffers(ctx).then(() => rollContracts(ctx)).then(() => undefined, (err: unknown) => console.error('[kundenreise] daily upkeep failed', err))
  const upkeepDone = upkeep()
  setInterval(() => void upkeep(), 3_600_000).unref()
  const integrityChecked = quickCheck(databasePath).then(({ integrity, detail }) => {
    app.env.integrity = integrity
    if (integrity === 'corrupt') console.error(`[kundenreise] database integrity check failed for ${databasePath}: ${detail}`)
  })
  return { database, app, integrityChecked, upkeepDone }
}
