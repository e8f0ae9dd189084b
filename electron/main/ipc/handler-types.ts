// Types for handler maps: one function per channel, typed from the contract.
import type { AppInfo } from '../../../shared/modules/settings'
import type { Channel } from '../../../shared/ipc/channels'
import type { ChannelOutput, ChannelParsed } from '../../../shared/ipc/contract'
import type { ServiceContext } from '../platform/context'
import type { SyncController } from '../modules/sync'

export interface AppContext {
  ctx: ServiceContext
  sync: SyncController
  /** Desktop only: opens a file with the system's application (a generated offer letter). */
  openPath?: (path: string) => Promise<unknown>
  env: { version: string; mode: AppInfo['mode']; databasePath: string; clientId: string; integrity: AppInfo['integrity'] }
}

export type Handler<C extends Channel> = (app: AppContext, input: ChannelParsed<C>) => Promise<ChannelOutput<C>>
export type HandlerMap = { [C in Channel]: Handler<C> }
