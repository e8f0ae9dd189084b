// The main window, hardened: sandboxed renderer, context isolation, no navigation, no pop-ups, no permissions.
import { BrowserWindow, session, shell } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { isTrustedRendererUrl } from './security'

export function rendererLocation(mainDir: string) {
  const indexFile = path.join(mainDir, '../renderer/index.html')
  return { indexFile, indexFileUrl: pathToFileURL(indexFile).href, devServerUrl: process.env.ELECTRON_RENDERER_URL }
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export async function createMainWindow(mainDir: string): Promise<BrowserWindow> {
  const location = rendererLocation(mainDir)
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Kundenreise',
    show: false,
    webPreferences: {
      preload: path.join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. a customer's website) open in the system browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  if (location.devServerUrl) await window.loadURL(location.devServerUrl)
  else await window.loadFile(location.indexFile)
  return window
}
