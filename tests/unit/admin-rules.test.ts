// The last-admin rule of the team administration (server/admin/rules.ts), as a pure function.
import { describe, expect, it } from 'vitest'
import { leavesAnAdmin } from '../../server/admin/rules'

describe('the last admin', () => {
  it('may not go while no other active admin remains', () => {
    expect(leavesAnAdmin(['ada'], 'ada')).toBe(false)
    expect(leavesAnAdmin(['ada', 'eva'], 'ada')).toBe(true)
    expect(leavesAnAdmin(['ada'], 'max')).toBe(true)
    expect(leavesAnAdmin([], 'max')).toBe(false)
  })
})
