// The status follows the change of the business, never the business as such (issue 13, item 7).
import { describe, expect, it } from 'vitest'
import { LOCAL_WRITE, MANUAL_STATUS, PULLED, ROLL_OWNER, statusDecision } from '../../shared/modules/customers/customer-status.rules'

describe('statusDecision', () => {
  it('business appearing makes a prospect or a former customer a customer, where the write happened', () => {
    expect(statusDecision('prospect', 0, true, LOCAL_WRITE)).toEqual({ move: 'customer', record: true })
    expect(statusDecision('former', 0, true, LOCAL_WRITE)).toEqual({ move: 'customer', record: true })
    expect(statusDecision('customer', 0, true, LOCAL_WRITE)).toEqual({ move: null, record: true })
  })

  it('the last business ending makes a customer a former customer, only in the owner\'s roll', () => {
    expect(statusDecision('customer', 1, false, ROLL_OWNER)).toEqual({ move: 'former', record: true })
    // Elsewhere the change stays pending (the owner's device moves it; the move comes with the sync).
    expect(statusDecision('customer', 1, false, LOCAL_WRITE)).toEqual({ move: null, record: false })
    expect(statusDecision('customer', 1, false, PULLED)).toEqual({ move: null, record: false })
    expect(statusDecision('former', 1, false, PULLED)).toEqual({ move: null, record: true })
  })

  it('the same business never moves a status set by hand', () => {
    expect(statusDecision('prospect', 1, true, LOCAL_WRITE)).toEqual({ move: null, record: true })
    expect(statusDecision('prospect', 1, true, ROLL_OWNER)).toEqual({ move: null, record: true })
    expect(statusDecision('customer', 0, false, ROLL_OWNER)).toEqual({ move: null, record: true })
    // The user choosing a status counts the business as seen.
    expect(statusDecision('prospect', 0, true, MANUAL_STATUS)).toEqual({ move: null, record: true })
  })

  it('applying a pull never moves; business that came with it counts as seen, with the status that came along', () => {
    // A colleague set "Interessent" by hand despite the won offer: a later local write here must not undo it.
    expect(statusDecision('prospect', 0, true, PULLED)).toEqual({ move: null, record: true })
    expect(statusDecision('prospect', 1, true, LOCAL_WRITE)).toEqual({ move: null, record: true })
    expect(statusDecision('customer', 0, true, PULLED)).toEqual({ move: null, record: true })
  })

  it('a device that never looked takes the present as seen (an upgraded laptop, an old won offer)', () => {
    expect(statusDecision('former', null, true, LOCAL_WRITE)).toEqual({ move: null, record: true })
    expect(statusDecision('prospect', null, true, ROLL_OWNER)).toEqual({ move: null, record: true })
    expect(statusDecision('customer', null, false, ROLL_OWNER)).toEqual({ move: null, record: true })
  })
})
