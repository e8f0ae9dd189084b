// Exposes exactly the contract's channels as window.api; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'

const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown, options?: { requestKey?: string; database?: string }) => ipcRenderer.invoke(channel, input, options)]))

contextBridge.exposeInMainWorld('api', Object.freeze(api))
