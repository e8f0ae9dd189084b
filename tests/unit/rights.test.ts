// The rights matrix (issue 18): who may take which action, which actions a change of a synced row needs, and the
// changes every laptop makes alike from the date alone (the contract roll, an offer's expiry), which need none.
import { describe, expect, it } from 'vitest'
import { ACTIONS, ROLES, RIGHTS, actionsOfChange, may, refusedAction } from '../../shared/platform/rights'
import { CONTRACT_STATUSES, RUNNING_CONTRACT_STATUSES } from '../../shared/modules/contracts'
import { ROLES as SYNC_ROLES } from '../../shared/modules/sync/tables'
import { TEAM_SETTING_EDITORS } from '../../shared/modules/success'

describe('the matrix', () => {
  it('gives service no prices, offers or contracts; reps no deletes of won offers or running contracts; leads the team settings; admins the users', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, ACTIONS.filter((a) => may(role, a))]))).toEqual({
      field_sales: ['offers.write', 'contracts.write', 'prices.write'],
      inside_sales: ['offers.write', 'contracts.write', 'prices.write', 'leads.work'],
      service: [],
      manager: ['offers.write', 'offers.deleteWon', 'contracts.write', 'contracts.deleteRunning', 'prices.write', 'teamSettings.write', 'discounts.approve', 'discounts.beyondCap', 'teams.manage', 'companies.move', 'leads.work'],
      admin: [...ACTIONS],
    })
    expect(may('', 'offers.write')).toBe(false)
    expect(may('superuser', 'offers.write')).toBe(false)
    expect(SYNC_ROLES).toBe(ROLES)
    expect(TEAM_SETTING_EDITORS).toBe(RIGHTS['teamSettings.write'])
  })
})

describe('the actions of a change', () => {
  it('deleting a running contract needs more than deleting an ended one', () => {
    for (const status of CONTRACT_STATUSES) {
      const needs = actionsOfChange('contracts', 'delete', { status }, [], {})
      expect(needs.includes('contracts.deleteRunning'), status).toBe((RUNNING_CONTRACT_STATUSES as readonly string[]).includes(status))
    }
    expect(actionsOfChange('offers', 'delete', { status: 'won' }, [], {})).toEqual(['offers.write', 'offers.deleteWon'])
    expect(actionsOfChange('offers', 'delete', { status: 'lost' }, [], {})).toEqual(['offers.write'])
  })

  it('the daily roll and an offer\'s expiry need no right; anything more does', () => {
    const rolled = { status: 'renewed', term_start: '2027-01-01', end_date: '2027-12-31', cancel_by: '2027-09-30', terms_log: '[]', review_due: '2027-07-02', review_done_at: null, final_due: '2027-09-16', final_done_at: null }
    expect(actionsOfChange('contracts', 'update', { status: 'active' }, Object.keys(rolled), rolled)).toEqual([])
    expect(actionsOfChange('contracts', 'update', { status: 'active' }, ['status', 'review_due', 'final_due'], { status: 'ended', review_due: null, final_due: null })).toEqual([])
    expect(actionsOfChange('contracts', 'update', {}, ['status'], { status: 'active' })).toEqual(['contracts.write'])
    expect(actionsOfChange('contracts', 'update', {}, ['review_done_at'], { review_done_at: '2027-07-02T09:00:00Z' })).toEqual(['contracts.write'])
    expect(actionsOfChange('contracts', 'update', {}, [...Object.keys(rolled), 'annual_value_cents'], { ...rolled, annual_value_cents: 1 })).toEqual(['contracts.write'])
    expect(actionsOfChange('offers', 'update', {}, ['status', 'closed_at'], { status: 'expired', closed_at: 'x' })).toEqual([])
    expect(actionsOfChange('offers', 'update', {}, ['status', 'closed_at'], { status: 'won', closed_at: 'x' })).toEqual(['offers.write'])
    expect(actionsOfChange('offers', 'update', {}, [], {})).toEqual(['offers.write'])
  })

  it('tables outside the matrix need nothing; the first refused action is named', () => {
    for (const table of ['companies', 'contacts', 'touchpoints', 'cases', 'tasks', 'follow_ups', 'journey_changes', 'trigger_firings']) {
      expect(actionsOfChange(table, 'update', {}, ['x'], {}), table).toEqual([])
    }
    expect(refusedAction('service', 'offers', 'delete', { status: 'won' }, [], {})).toBe('offers.write')
    // Moving a company to another team (its team_id) is for leads; creating one in one's team or editing it is not.
    expect(actionsOfChange('companies', 'update', {}, ['name', 'team_id'], { team_id: 't2' })).toEqual(['companies.move'])
    expect(actionsOfChange('companies', 'insert', null, ['name', 'team_id'], { team_id: 't1' })).toEqual([])
    expect(refusedAction('field_sales', 'companies', 'update', {}, ['team_id'], { team_id: 't2' })).toBe('companies.move')
    expect(refusedAction('manager', 'companies', 'update', {}, ['team_id'], { team_id: 't2' })).toBeNull()
    expect(refusedAction('field_sales', 'offers', 'delete', { status: 'won' }, [], {})).toBe('offers.deleteWon')
    expect(refusedAction('manager', 'offers', 'delete', { status: 'won' }, [], {})).toBeNull()
    expect(refusedAction('inside_sales', 'trigger_rules', 'insert', null, [], {})).toBe('teamSettings.write')
    expect(refusedAction('service', 'products', 'update', {}, ['list_price_cents'], { list_price_cents: 1 })).toBe('prices.write')
    // A lead's decision and qualification (issue 19): inside sales, managers and admins; the server alone inserts.
    expect(actionsOfChange('leads', 'update', {}, ['budget'], { budget: '50.000 €' })).toEqual(['leads.work'])
    expect(actionsOfChange('leads', 'insert', null, ['score'], { score: 1 })).toEqual([])
    expect(refusedAction('field_sales', 'leads', 'update', {}, ['status'], { status: 'converted' })).toBe('leads.work')
    expect(refusedAction('service', 'leads', 'update', {}, ['assigned_to'], { assigned_to: 'u' })).toBe('leads.work')
    expect(refusedAction('inside_sales', 'leads', 'update', {}, ['status'], { status: 'rejected' })).toBeNull()
  })
})

describe('discount approvals in the matrix (issue 18)', () => {
  it('a discount above the hard cap needs discounts.beyondCap; a request offers.write; its decision discounts.approve', () => {
    expect(actionsOfChange('offer_items', 'update', {}, ['discount_percent'], { discount_percent: 50 })).toEqual(['offers.write'])
    expect(actionsOfChange('offer_items', 'update', {}, ['discount_percent'], { discount_percent: 50.01 })).toEqual(['offers.write', 'discounts.beyondCap'])
    expect(actionsOfChange('offers', 'insert', null, ['offer_discount_percent'], { offer_discount_percent: 100 })).toEqual(['offers.write', 'discounts.beyondCap'])
    // A colleague's other change of an offer a manager gave 60 % needs no cap right: the discount is not changed.
    expect(actionsOfChange('offers', 'update', { offer_discount_percent: 60 }, ['introduction'], { introduction: 'x' })).toEqual(['offers.write'])
    expect(actionsOfChange('offer_approvals', 'insert', null, ['status'], { status: 'requested' })).toEqual(['offers.write'])
    expect(actionsOfChange('offer_approvals', 'insert', null, ['status'], { status: 'approved' })).toEqual(['discounts.approve'])
    expect(actionsOfChange('offer_approvals', 'update', {}, ['decided_by', 'status'], { status: 'declined' })).toEqual(['discounts.approve'])
    expect(actionsOfChange('offer_approvals', 'update', {}, ['seen_at'], { seen_at: 'x' })).toEqual(['offers.write'])
    expect(refusedAction('field_sales', 'offer_items', 'update', {}, ['discount_percent'], { discount_percent: 100 })).toBe('discounts.beyondCap')
    expect(refusedAction('manager', 'offer_items', 'update', {}, ['discount_percent'], { discount_percent: 100 })).toBeNull()
    expect(refusedAction('inside_sales', 'offer_approvals', 'update', {}, ['status'], { status: 'approved' })).toBe('discounts.approve')
  })
})

