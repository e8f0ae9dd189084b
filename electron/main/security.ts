// Pure trust decisions for the desktop shell (unit-tested without the Electron binary); window.ts,
// index.ts and ipc/electron-ipc.ts wire them into Electron. Only type imports from 'electron' here.
import type { WebPreferences } from 'electron'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './protocol'

/** Where the renderer comes from: our app:// origin, or (unpackaged only) the electron-vite dev server. */
export type RendererLocation = { indexFileUrl: string; devServerUrl?: string | undefined }

/** True for app://kundenreise/… exactly: no other host, no port, no credentials. */
export function isAppOriginUrl(parsed: URL): boolean {
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname.toLowerCase() === APP_HOST && !parsed.port && !parsed.username && !parsed.password
}

/**
 * The renderer is ours when it is served from our app:// origin (everything there comes from the
 * packaged renderer folder, see protocol.ts), or from the dev server electron-vite started on loopback.
 * file:// is never trusted (the renderer no longer loads from disk). Used for navigation and for the
 * sender frame of every IPC call.
 */
export function isTrustedRendererUrl(url: string, expected: RendererLocation): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:`) {
    let want: URL
    try {
      want = new URL(expected.indexFileUrl || APP_INDEX_URL)
    } catch {
      return false
    }
    return isAppOriginUrl(want) && isAppOriginUrl(parsed)
  }
  if (expected.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    const dev = new URL(expected.devServerUrl)
    return parsed.origin === dev.origin && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1')
  }
  return false
}

/** Only https links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/** webPreferences of the main window: isolated, sandboxed, no Node, web security on, nothing experimental. */
export function mainWindowWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  }
}
