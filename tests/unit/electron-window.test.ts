// The main window's webPreferences, and the rule that the pure desktop modules load without Electron.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mainWindowWebPreferences } from '../../electron/main/security'

describe('main window webPreferences', () => {
  const prefs = mainWindowWebPreferences('/opt/kundenreise/out/preload/index.cjs')

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      preload: '/opt/kundenreise/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    })
  })

  it('keeps web security on and nothing experimental', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.additionalArguments).toBeUndefined()
    expect(prefs.navigateOnDragDrop).toBe(false)
  })
})

describe('pure desktop modules', () => {
  it('import nothing from electron at run time (types only), so they are testable without the binary', () => {
    for (const file of ['electron/main/security.ts', 'electron/main/protocol.ts']) {
      const source = readFileSync(path.resolve(__dirname, '../..', file), 'utf8')
      const electronImports = source.split('\n').filter((line) => /^\s*(import|export)\b.*from 'electron'|require\('electron'\)|import\('electron'\)/.test(line))
      expect(electronImports.every((line) => line.trimStart().startsWith('import type ')), file).toBe(true)
      if (file.endsWith('security.ts')) expect(electronImports).toHaveLength(1)
    }
  })
})
