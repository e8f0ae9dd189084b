// Desktop entry: lifecycle and window only. Opens the database before any window exists.
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseOpenError } from '../../db/database'
import { translateFromData } from '../../shared/i18n'
import { APP_NAME, resolveDatabasePath, startCore, type Core } from './core'
import { loadOrCreateDatabaseKey } from './platform/database-key'
import { registerIpc } from './ipc/electron-ipc'
import { startDueNotifications } from './notifications'
import { startReminderNotifications } from './reminders'
import { registerAppScheme, serveRenderer } from './protocol-handler'
import type { SecretBox } from './modules/sync'
import { createMainWindow, hardenSession, rendererLocation } from './window'

const mainDir = path.dirname(fileURLToPath(import.meta.url))
app.setName(APP_NAME)
app.enableSandbox()
// app://kundenreise must be privileged before ready; the renderer is served from it, not from file://.
registerAppScheme()

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

let core: Core | null = null

/** The sync token at rest: encrypted with the OS keychain where Electron can reach one. */
function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  return {
    encrypted: true,
    seal: (plain) => `safe:${safeStorage.encryptString(plain).toString('base64')}`,
    open: (sealed) => (sealed.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(sealed.slice(5), 'base64')) : sealed),
  }
}

async function start(): Promise<void> {
  const databasePath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'))
  mkdirSync(path.dirname(databasePath), { recursive: true })
  try {
    const box = safeStorageBox()
    // The database at rest: encrypted with a key the OS keychain seals, where SQLCipher and a keychain exist.
    core = await startCore(databasePath, 'desktop', undefined, box, loadOrCreateDatabaseKey(databasePath, box))
  } catch (err) {
    const message = err instanceof DatabaseOpenError ? translateFromData('de', err.message, { path: err.path }) : String(err)
    dialog.showErrorBox(APP_NAME, message)
    app.exit(2)
    return
  }
  core.app.openPath = (file) => shell.openPath(file)
  hardenSession()
  const location = rendererLocation(mainDir)
  serveRenderer(location.rendererDir)
  registerIpc(core.app, location)
  await createMainWindow(mainDir)
  core.startSync()
  // Due notifications read the open database: after a switch to the demo or back, they start over on it.
  let stopNotifications = startDueNotifications(core.app.ctx)
  let stopReminders = startReminderNotifications(core.app.ctx)
  const started = core
  started.onSwitch(() => {
    stopNotifications()
    stopReminders()
    stopNotifications = startDueNotifications(started.app.ctx)
    stopReminders = startReminderNotifications(started.app.ctx)
  })
}

app.whenReady().then(start).catch((err: unknown) => {
  console.error('[kundenreise] start failed', err)
  app.exit(1)
})

app.on('window-all-closed', () => {
  void (core?.close() ?? Promise.resolve()).finally(() => app.quit())
})

app.on('activate', () => {
  if (core && BrowserWindow.getAllWindows().length === 0) void createMainWindow(mainDir)
})
