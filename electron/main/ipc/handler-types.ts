// Types for handler maps: one function per channel, typed from the contract.
import type { AppInfo } from '../../../shared/modules/settings'
import type { Channel } from '../../../shared/ipc/channels'
import type { ChannelOutput, ChannelParsed } from '../../../shared/ipc/contract'
import type { ServiceContext } from '../platform/context'
import type { SyncController } from '../modules/sync'
import type { MailController, MailSecrets } from '../modules/mail'

/** The user's own database or the separate demo database (see electron/main/core.ts). */
export type DatabaseKind = NonNullable<AppInfo['database']>

/**
 * What every handler gets. The object stays the same for the life of the app; switching between the
 * user's database and the demo database replaces `ctx`, `sync` and the facts in `env` on it, so a
 * handler reads the open database when it starts and runs on that one to its end.
 */
export interface AppContext {
  ctx: ServiceContext
  sync: SyncController
  /** The outbox's sender (started with the app); absent where none runs (then "Jetzt senden" drains directly). */
  mail?: MailController
  /** Seals mail passwords (Electron safeStorage on the desktop); absent: stored as they are (web mode). */
  mailSecrets?: MailSecrets
  /** Desktop only: opens a file with the system's application (a generated offer letter). */
  openPath?: (path: string) => Promise<unknown>
  /** Switches the running app to the demo database or back to the user's own (installed by startCore). */
  switchDatabase?: (to: DatabaseKind) => Promise<void>
  env: { version: string; mode: AppInfo['mode']; databasePath: string; clientId: string; integrity: AppInfo['integrity']; database?: DatabaseKind; encrypted?: boolean }
}

export type Handler<C extends Channel> = (app: AppContext, input: ChannelParsed<C>) => Promise<ChannelOutput<C>>
export type HandlerMap = { [C in Channel]: Handler<C> }
