// Binds every contract channel to ipcMain; each call is checked for its sender before dispatch.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../../shared/ipc/channels'
import { fail } from '../../../shared/platform/result'
import { isTrustedRendererUrl } from '../security'
import { dispatch } from './dispatch'
import type { AppContext } from './handler-types'

export function registerIpc(app: AppContext, location: { indexFileUrl: string; devServerUrl?: string | undefined }): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown, options: unknown) => {
      const senderUrl = event.senderFrame?.url ?? ''
      if (!isTrustedRendererUrl(senderUrl, location)) return fail({ code: 'forbidden', message: 'errors.forbidden' })
      const given = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {}
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
      return dispatch(app, channel, input, { requestKey: text(given.requestKey), database: text(given.database) })
    })
  }
}
