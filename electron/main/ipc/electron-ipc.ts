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
      const requestKey = typeof options === 'object' && options !== null && 'requestKey' in options ? options.requestKey : undefined
      return dispatch(app, channel, input, { requestKey: typeof requestKey === 'string' ? requestKey : undefined })
    })
  }
}
