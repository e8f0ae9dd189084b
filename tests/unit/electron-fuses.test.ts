// The fuse configuration for release builds, and the script applied to a stand-in for a binary.
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { applyElectronFuses, ELECTRON_FUSES, FUSE_SETTINGS, isDevelopmentBinary } from '../../scripts/electron-fuses'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-fuses-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fuse configuration', () => {
  it('sets every security fuse the safe way', () => {
    expect(FUSE_SETTINGS[FuseV1Options.RunAsNode]).toBe(false)
    expect(FUSE_SETTINGS[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(FUSE_SETTINGS[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(FUSE_SETTINGS[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(FUSE_SETTINGS[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(FUSE_SETTINGS[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(FUSE_SETTINGS[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(false)
    expect(FUSE_SETTINGS[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('leaves no fuse @electron/fuses knows to inherit the default', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')
    expect(Object.keys(FUSE_SETTINGS).map(Number).sort()).toEqual(known.sort())
    expect(ELECTRON_FUSES).toMatchObject({ version: FuseVersion.V1, ...FUSE_SETTINGS })
  })

  it('refuses the development binary in node_modules', () => {
    expect(isDevelopmentBinary('/work/app/node_modules/electron/dist/electron')).toBe(true)
    expect(isDevelopmentBinary('/work/app/release/linux-unpacked/kundenreise')).toBe(false)
  })
})

describe('applyElectronFuses', () => {
  it('flips the fuse wire of a binary and keeps fuses it does not know', async () => {
    // A stand-in for an Electron binary: sentinel, wire version 1, nine fuses all on (as shipped), padding.
    const binary = path.join(dir, 'electron')
    const wire = Buffer.from([1, 9, ...Array(9).fill(0x31)])
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), wire, Buffer.from('…more code')]))
    const states = await applyElectronFuses(binary)
    expect(states).toEqual({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
    })
    const bytes = readFileSync(binary)
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length
    expect(bytes.subarray(at + 2, at + 11).toString('latin1')).toBe('010011001')
  })

  it('fails on a file without a fuse wire', async () => {
    const notElectron = path.join(dir, 'not-electron')
    writeFileSync(notElectron, 'hello')
    await expect(applyElectronFuses(notElectron)).rejects.toThrow(/sentinel/)
  })
})
