// Discount approvals (issue 18): an offer's figures, which limits they exceed, the hard cap, whether an approval
// covers them (and stops covering after a higher discount), the team setting's bounds, and the decision check.
import { describe, expect, it } from 'vitest'
import {
  approvedCaps, capOf, covers, decisionProblem, DEFAULT_DISCOUNT_LIMITS, discountLimitsSchema, exceededLimits, figuresOf, readDiscountLimits, withinCap,
} from '../../shared/modules/offers/discount.rules'
import { median } from '../../electron/main/modules/offers/approval-report'

const line = (discountPercent: number, purchasePriceCents: number | null = null, optional = false) => ({ quantity: 2, unitPriceCents: 10_000, discountPercent, optional, purchasePriceCents })
const rep = DEFAULT_DISCOUNT_LIMITS.field_sales

describe('the figures of an offer and the limits', () => {
  it('takes the highest non-optional item discount, the offer discount and the margin over lines with a purchase price', () => {
    expect(figuresOf([line(5), line(18), line(40, null, true)], 0)).toEqual({ itemPercent: 18, offerPercent: 0, marginPercent: null })
    // 2 × 100 € at 10 % and 10 % off the offer = 162 €, cost 2 × 60 € = 120 €: margin 25.93 %.
    expect(figuresOf([line(10, 6_000)], 10)).toEqual({ itemPercent: 10, offerPercent: 10, marginPercent: 25.93 })
    expect(figuresOf([line(100, 6_000)], 0).marginPercent).toBe(-100)
    expect(figuresOf([], 0)).toEqual({ itemPercent: 0, offerPercent: 0, marginPercent: null })
  })

  it('names each limit exceeded; exactly at the limit is within it', () => {
    expect(exceededLimits({ itemPercent: 10, offerPercent: 10, marginPercent: 15 }, rep)).toEqual([])
    expect(exceededLimits({ itemPercent: 18, offerPercent: 10.01, marginPercent: 14.99 }, rep)).toEqual(['item', 'offer', 'margin'])
    expect(exceededLimits({ itemPercent: 0, offerPercent: 0, marginPercent: null }, DEFAULT_DISCOUNT_LIMITS.service)).toEqual([])
  })

  it('caps every role but the approvers at 50 %', () => {
    expect([capOf('field_sales'), capOf('inside_sales'), capOf('service'), capOf('manager'), capOf('admin'), capOf('')]).toEqual([50, 50, 50, 100, 100, 50])
    expect(withinCap({ itemPercent: 100, offerPercent: 0 }, 'field_sales')).toBe(false)
    expect(withinCap({ itemPercent: 50, offerPercent: 50 }, 'field_sales')).toBe(true)
    expect(withinCap({ itemPercent: 100, offerPercent: 0 }, 'admin')).toBe(true)
  })

  it("keeps a team's limits within each role's cap and falls back to the defaults for a value that does not parse", () => {
    const over = discountLimitsSchema.safeParse({ ...DEFAULT_DISCOUNT_LIMITS, field_sales: { itemPercent: 60, offerPercent: 10, marginFloorPercent: 15 } })
    expect(over.success ? null : over.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['field_sales.itemPercent', 'errors.discountLimitOverCap']])
    expect(discountLimitsSchema.safeParse({ ...DEFAULT_DISCOUNT_LIMITS, admin: { itemPercent: 100, offerPercent: 100, marginFloorPercent: 0 } }).success).toBe(true)
    expect(readDiscountLimits('{"field_sales":{"itemPercent":80}}')).toEqual(DEFAULT_DISCOUNT_LIMITS)
    expect(readDiscountLimits(null)).toEqual(DEFAULT_DISCOUNT_LIMITS)
  })
})

describe('an approval covers the figures it approved', () => {
  const approval = { status: 'approved' as const, itemPercent: 18, offerPercent: 0, marginPercent: 12, approvedLimitPercent: null }
  it('covers what was asked for, and less; not more, and not when declined or open', () => {
    expect(covers(approval, { itemPercent: 18, offerPercent: 0, marginPercent: 12 }, rep)).toBe(true)
    expect(covers(approval, { itemPercent: 12, offerPercent: 0, marginPercent: 20 }, rep)).toBe(true)
    expect(covers(approval, { itemPercent: 20, offerPercent: 0, marginPercent: 12 }, rep)).toBe(false)
    expect(covers(approval, { itemPercent: 18, offerPercent: 2, marginPercent: 12 }, rep)).toBe(false)
    expect(covers(approval, { itemPercent: 18, offerPercent: 0, marginPercent: 11 }, rep)).toBe(false)
    expect(covers({ ...approval, status: 'declined' }, { itemPercent: 18, offerPercent: 0, marginPercent: 12 }, rep)).toBe(false)
    expect(covers({ ...approval, status: 'requested' }, { itemPercent: 18, offerPercent: 0, marginPercent: 12 }, rep)).toBe(false)
  })
  it('an approval up to a lower limit covers only up to it', () => {
    const lower = { ...approval, approvedLimitPercent: 15 }
    expect(approvedCaps(lower)).toEqual({ itemPercent: 15, offerPercent: 0 })
    expect(covers(lower, { itemPercent: 18, offerPercent: 0, marginPercent: 12 }, rep)).toBe(false)
    expect(covers(lower, { itemPercent: 15, offerPercent: 0, marginPercent: 14 }, rep)).toBe(true)
  })
})

describe('a decision', () => {
  const request = { status: 'requested', requested_by: 'anna', item_percent: 18, offer_percent: 0 }
  it('is made once, by the approver who makes it, never on their own request, a decline with a reason, a limit no higher than asked', () => {
    expect(decisionProblem(request, { status: 'approved', decided_by: 'nora' }, 'nora')).toBeNull()
    expect(decisionProblem(request, { status: 'approved', decided_by: 'nora', approved_limit_percent: 15 }, 'nora')).toBeNull()
    expect(decisionProblem(request, { status: 'approved', decided_by: 'nora', approved_limit_percent: 20 }, 'nora')).toBe('errors.approvedLimitTooHigh')
    expect(decisionProblem({ ...request, status: 'approved' }, { status: 'declined', decided_by: 'nora', decline_reason: 'x' }, 'nora')).toBe('errors.approvalAlreadyDecided')
    expect(decisionProblem(request, { status: 'approved', decided_by: 'anna' }, 'anna')).toBe('errors.approvalOwnRequest')
    expect(decisionProblem(request, { status: 'approved', decided_by: 'max' }, 'nora')).toBe('errors.approvalDecidedByOther')
    expect(decisionProblem(request, { status: 'declined', decided_by: 'nora', decline_reason: '  ' }, 'nora')).toBe('errors.declineReasonRequired')
    expect(decisionProblem(request, { status: 'requested', decided_by: 'nora' }, 'nora')).toBe('errors.invalid')
  })
  it("the report's median of hours", () => {
    expect(median([])).toBeNull()
    expect(median([4, 1, 9])).toBe(4)
    expect(median([1, 2, 3, 10])).toBe(2.5)
  })
})
