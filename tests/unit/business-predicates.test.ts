// Each business predicate is defined once (shared/modules/*/…enums.ts, docs/architecture.md "Business
// predicates"); these tests pin which statuses count, so a change to a list is a decision, not an accident.
import { describe, expect, it } from 'vitest'
import {
  CLOSED_OFFER_STATUSES, DECIDED_OFFER_STATUSES, isClosedOffer, isOpenOffer, isUndecidedOffer, OFFER_STATUSES, OPEN_OFFER_STATUSES, UNDECIDED_OFFER_STATUSES,
} from '../../shared/modules/offers'
import { CONTRACT_STATUSES, isRenewing, isRunningContract, RENEWING_STATUSES, RUNNING_CONTRACT_STATUSES } from '../../shared/modules/contracts'
import { CASE_STATUSES, isOpenCase, isOverdueCase, isPromoter, OPEN_CASE_STATUSES } from '../../shared/modules/service'

const which = <S extends string>(all: readonly S[], test: (s: S) => boolean) => all.filter(test)

describe('offer predicates', () => {
  it('open: sent and waiting for the decision (follow-ups, expiry, win or lose, a referral\'s "offer sent")', () => {
    expect(which(OFFER_STATUSES, isOpenOffer)).toEqual(['sent', 'negotiation'])
    expect(OPEN_OFFER_STATUSES).toEqual(['sent', 'negotiation'])
  })

  it('undecided: open or still a draft (the journey\'s offer station, the list\'s "open" filter, one renewal offer at a time)', () => {
    expect(which(OFFER_STATUSES, isUndecidedOffer)).toEqual(['draft', 'sent', 'negotiation'])
    expect(UNDECIDED_OFFER_STATUSES).toEqual(['draft', 'sent', 'negotiation'])
  })

  it('closed: no longer changed; decided: what the order rate counts (a withdrawn offer is closed, not decided)', () => {
    expect(which(OFFER_STATUSES, isClosedOffer)).toEqual(['won', 'lost', 'withdrawn', 'expired'])
    expect(CLOSED_OFFER_STATUSES).toEqual(['won', 'lost', 'withdrawn', 'expired'])
    expect(DECIDED_OFFER_STATUSES).toEqual(['won', 'lost', 'expired'])
  })

  it('every status is either undecided or closed, never both', () => {
    for (const status of OFFER_STATUSES) expect(isUndecidedOffer(status)).toBe(!isClosedOffer(status))
  })
})

describe('contract predicates', () => {
  const today = '2026-11-20'
  const contract = (status: (typeof CONTRACT_STATUSES)[number], cancellationEffectiveOn: string | null = null, endDate = '2026-12-31') =>
    ({ status, cancellationEffectiveOn, endDate })

  it('renewing: active or renewed', () => {
    expect(which(CONTRACT_STATUSES, isRenewing)).toEqual(['active', 'renewed'])
    expect(RENEWING_STATUSES).toEqual(['active', 'renewed'])
  })

  it('running: renewing, or cancelled until its effective end (the agreed date, else the end of the term)', () => {
    expect(RUNNING_CONTRACT_STATUSES).toEqual(['active', 'renewed', 'cancelled_customer', 'cancelled_us'])
    expect(isRunningContract(contract('active', null, '2026-01-31'), today)).toBe(true)
    expect(isRunningContract(contract('renewed'), today)).toBe(true)
    expect(isRunningContract(contract('ended', null, '2026-12-31'), today)).toBe(false)
    expect(isRunningContract(contract('cancelled_customer', null, '2026-12-31'), today)).toBe(true)
    expect(isRunningContract(contract('cancelled_us', '2026-11-20'), today)).toBe(true)
    expect(isRunningContract(contract('cancelled_us', '2026-11-19'), today)).toBe(false)
    expect(isRunningContract(contract('cancelled_customer', null, '2026-11-19'), today)).toBe(false)
    // An agreed effective date wins over the end of the term, both ways.
    expect(isRunningContract(contract('cancelled_customer', '2026-11-30', '2026-10-31'), today)).toBe(true)
    expect(isRunningContract(contract('cancelled_customer', '2026-10-31', '2026-12-31'), today)).toBe(false)
  })
})

describe('case predicates', () => {
  const now = '2026-11-20T10:00:00.000Z'

  it('open: new, acknowledged, in progress', () => {
    expect(which(CASE_STATUSES, isOpenCase)).toEqual(['new', 'acknowledged', 'in_progress'])
    expect(OPEN_CASE_STATUSES).toEqual(['new', 'acknowledged', 'in_progress'])
  })

  it('overdue: open and past its next service-level deadline, at the instant', () => {
    expect(isOverdueCase({ status: 'new', slaDue: '2026-11-20T09:59:59.999Z' }, now)).toBe(true)
    expect(isOverdueCase({ status: 'in_progress', slaDue: '2026-11-19T22:59:59.999Z' }, now)).toBe(true)
    expect(isOverdueCase({ status: 'acknowledged', slaDue: now }, now)).toBe(false)
    expect(isOverdueCase({ status: 'new', slaDue: null }, now)).toBe(false)
    for (const status of ['resolved', 'closed', 'rejected'] as const) expect(isOverdueCase({ status, slaDue: '2026-01-01T00:00:00.000Z' }, now)).toBe(false)
  })
})

describe('promoter', () => {
  it('an NPS answer of 9 or 10; satisfaction scores and testimonials never', () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => isPromoter('nps', score))).toEqual([false, false, false, false, true, true])
    expect(isPromoter('nps', null)).toBe(false)
    expect(isPromoter('satisfaction', 10)).toBe(false)
    expect(isPromoter('testimonial', 10)).toBe(false)
  })
})
