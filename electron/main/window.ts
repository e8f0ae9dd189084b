// The main window, hardened: sandboxed renderer, context isolation, no navigation, no pop-ups, no permissions.
// The renderer is served over app://kundenreise (protocol-handler.ts), never from file://.
import { app, BrowserWindow, session, shell } from 'electron'
import path from 'node:path'
import { APP_INDEX_URL } from './protocol'
import { isExternalLinkAllowed, isTrustedRendererUrl, mainWindowWebPreferences, type RendererLocation } from './security'

export function rendererLocation(mainDir: string): RendererLocation & { rendererDir: string } {
  return {
    rendererDir: path.join(mainDir, '../renderer'),
    indexFileUrl: APP_INDEX_URL,
    // The dev server only for an unpackaged app started by electron-vite; a packaged app ignores the variable.
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  }
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
    webPreferences: mainWindowWebPreferences(path.join(mainDir, '../preload/index.cjs')),
  })
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault()
  }
  window.webContents.on('will-navigate', guard)
  window.webContents.on('will-redirect', guard)
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. a customer's website) open in the system browser, never inside the app.
    if (isExternalLinkAllowed(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  await window.loadURL(location.devServerUrl ?? location.indexFileUrl)
  return window
}
