// Electron fuses for a release build: `npm run fuses -- <path-to-electron-binary>`
// (or `npx tsx scripts/electron-fuses.ts <binary>`). Fuses are bits compiled into the Electron
// binary; flipping them is the last packaging step, after the app is packed into app.asar and before
// signing. Never point this at node_modules/electron/dist: OnlyLoadAppFromAsar and the switched-off
// inspect arguments would break `npm start` and Playwright's Electron launch.
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Every fuse @electron/fuses knows, each set explicitly; newer fuses (e.g. WasmTrapHandlers) keep Electron's default. */
export const FUSE_SETTINGS: Record<FuseV1Options, boolean> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and the session store) encrypted at rest with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / --inspect could inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is loaded only from app.asar, never from a loose app/ folder next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no custom V8 snapshot for the browser process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served over app://; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** The config handed to flipFuses. Not strict, because the binary's wire may be longer than this @electron/fuses knows. */
export const ELECTRON_FUSES: FuseV1Config = { version: FuseVersion.V1, strictlyRequireAllFuses: false, ...FUSE_SETTINGS }

/** Fuse states in the wire (FuseState of @electron/fuses, which it does not export): ASCII '1' and '0'. */
const ENABLE = 0x31
const DISABLE = 0x30

/** Refuses the development binary (see the header); anything else is taken as a packaged copy. */
export function isDevelopmentBinary(binary: string): boolean {
  return path.resolve(binary).split(path.sep).join('/').includes('/node_modules/electron/dist/')
}

/** Flips the fuses and reads them back; throws when a fuse did not take the configured state. */
export async function applyElectronFuses(binary: string): Promise<Record<string, 'on' | 'off' | 'removed'>> {
  await flipFuses(binary, {
    ...ELECTRON_FUSES,
    resetAdHocDarwinSignature: process.platform === 'darwin' && binary.includes('.app'),
  })
  const wire = await getCurrentFuseWire(binary)
  const result: Record<string, 'on' | 'off' | 'removed'> = {}
  for (const option of Object.values(FuseV1Options)) {
    if (typeof option !== 'number') continue
    const state = (wire as Record<number, number | undefined>)[option]
    if (state === undefined) continue
    const name = FuseV1Options[option]
    const current = state === ENABLE ? 'on' : state === DISABLE ? 'off' : 'removed'
    result[name] = current
    if (current !== 'removed' && (current === 'on') !== FUSE_SETTINGS[option]) throw new Error(`fuse ${name} is ${current} after flipping`)
  }
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const binary = process.argv[2]
  if (!binary) {
    console.error('usage: npm run fuses -- <path-to-packaged-electron-binary (or .app)>')
    process.exit(2)
  }
  if (isDevelopmentBinary(binary)) {
    console.error('[kundenreise] refusing to flip fuses on the development binary in node_modules; pass the packaged copy')
    process.exit(2)
  }
  applyElectronFuses(binary).then((fuses) => {
    console.log(`[kundenreise] fuses set on ${binary}:`, fuses)
  }, (err: unknown) => {
    console.error('[kundenreise] flipping fuses failed:', err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
