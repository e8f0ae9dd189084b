// Where the Electron binary is, or null when it is missing (no download possible on this machine).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

export function electronBinary() {
  const require = createRequire(import.meta.url)
  try {
    const binary = require('electron')
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}
