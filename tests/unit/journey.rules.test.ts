import { describe, expect, it } from 'vitest'
import { currentStation } from '../../shared/modules/customers/journey.rules'

describe('currentStation', () => {
  it('places a prospect without touchpoints at the offer station', () => {
    expect(currentStation({ status: 'prospect' })).toEqual({ station: 'offer', reason: 'status' })
  })

  it('places a customer without touchpoints at the usage station', () => {
    expect(currentStation({ status: 'customer' })).toEqual({ station: 'usage', reason: 'status' })
  })

  it('puts a former customer outside the journey, whatever was logged last', () => {
    expect(currentStation({ status: 'former', latestTouchpointStation: 'support' })).toEqual({ station: null, reason: 'former_customer' })
  })

  it('follows the latest touchpoint when nothing structural is known', () => {
    expect(currentStation({ status: 'customer', latestTouchpointStation: 'referral' })).toEqual({ station: 'referral', reason: 'latest_touchpoint' })
  })

  it('lets structural facts outrank touchpoints, in a fixed order', () => {
    const all = { status: 'customer' as const, latestTouchpointStation: 'offer' as const, openCaseCount: 1, inRenewalWindow: true, openOfferCount: 2, referralOrPromoter: true, activeContract: true }
    expect(currentStation(all).station).toBe('support')
    expect(currentStation({ ...all, openCaseCount: 0 }).station).toBe('renewal')
    expect(currentStation({ ...all, openCaseCount: 0, inRenewalWindow: false }).station).toBe('offer')
    expect(currentStation({ ...all, openCaseCount: 0, inRenewalWindow: false, openOfferCount: 0 }).station).toBe('referral')
    expect(currentStation({ ...all, openCaseCount: 0, inRenewalWindow: false, openOfferCount: 0, referralOrPromoter: false })).toEqual({ station: 'usage', reason: 'active_contract' })
  })

  it('puts a customer with a new contract at the contract station, ahead of referrals but behind open offers', () => {
    const facts = { status: 'customer' as const, newContract: true, activeContract: true, referralOrPromoter: true }
    expect(currentStation(facts)).toEqual({ station: 'contract', reason: 'new_contract' })
    expect(currentStation({ ...facts, openOfferCount: 1 }).station).toBe('offer')
    expect(currentStation({ ...facts, inRenewalWindow: true })).toEqual({ station: 'renewal', reason: 'renewal_window' })
  })
})
