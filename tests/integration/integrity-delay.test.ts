// The background integrity check waits INTEGRITY_CHECK_DELAY_MS after the open (issue 20: it took a core from the first
// page on two cores); whoever waits for it starts it at once.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as database from '../../db/database'
import { INTEGRITY_CHECK_DELAY_MS, startCore, type Core } from '../../electron/main/core'
import { tempDir } from '../helpers/temp-db'

let dir: string
let core: Core | undefined

afterEach(async () => {
  vi.restoreAllMocks()
  await core?.close()
  core = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('integrity check at start', () => {
  it('does not run during the start, runs after the delay, and reports ok', async () => {
    dir = tempDir()
    const check = vi.spyOn(database, 'quickCheck')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    core = await startCore(path.join(dir, 'start.sqlite'), 'web')
    expect(core.app.env.integrity).toBe('checking')
    expect(check).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(INTEGRITY_CHECK_DELAY_MS)
    vi.useRealTimers()
    expect(check).toHaveBeenCalledTimes(1)
    await core.integrityChecked
    expect(check).toHaveBeenCalledTimes(1)
    expect(core.app.env.integrity).toBe('ok')
  })

  it('starts at once for whoever waits for it', async () => {
    dir = tempDir()
    const check = vi.spyOn(database, 'quickCheck')
    core = await startCore(path.join(dir, 'start.sqlite'), 'web')
    await core.integrityChecked
    expect(check).toHaveBeenCalledTimes(1)
    expect(core.app.env.integrity).toBe('ok')
  })
})
