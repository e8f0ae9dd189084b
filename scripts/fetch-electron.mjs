// Tries to fetch the Electron binary after `npm install`, without ever failing the install.
// Electron's own download script is denied in package.json (allowScripts), because on
// machines without internet it would break `npm install`; there the app runs in web mode.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
let installer
try {
  installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js')
} catch {
  console.log('[kundenreise] electron package not installed: `npm start` will use web mode.')
  process.exit(0)
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installer)) process.exit(0)
const result = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 120_000 })
if (result.status === 0) {
  console.log('[kundenreise] Electron binary ready: `npm start` opens the desktop window.')
} else {
  console.log('[kundenreise] Electron binary could not be downloaded: `npm start` will use web mode.')
}
