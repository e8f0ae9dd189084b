import { describe, expect, it } from 'vitest'
import { newId } from '../../db/platform/ids'
import { idSchema } from '../../shared/platform/common.schema'

describe('newId (UUIDv7)', () => {
  it('has the version 7 and variant bits and passes the id schema', () => {
    const id = newId()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(idSchema.safeParse(id).success).toBe(true)
  })
  it('carries the millisecond timestamp in its first 48 bits', () => {
    // Later than any id made before in this process: earlier times are clamped to stay monotonic.
    const ms = Date.now() + 86_400_000
    const id = newId(ms + 10_000)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms + 10_000)
  })
  it('stays strictly increasing within one millisecond', () => {
    const ms = Date.now() + 60_000
    const ids = Array.from({ length: 1000 }, () => newId(ms))
    expect(new Set(ids).size).toBe(1000)
    expect([...ids].sort()).toEqual(ids)
  })
})
