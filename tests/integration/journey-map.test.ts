// The journey map against a hand-computed fixture: five companies with known station histories, the period
// 01.01.2026–30.06.2026. Every number below was worked out by hand from the histories (docs/journey-history.md,
// "Definitions"); the filters narrow it; a period the wrong way round, an unknown owner or persona is a field error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { JourneyMap } from '../../shared/modules/journey'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const COLLEAGUE = '01930000-0000-7000-8000-00000000c0de'
const NOBODY = '01930000-0000-7000-8000-0000000000ff'
type Row = [day: string, station: string | null, reason: string, status: string]

/** A company with its recorded history and its stored current station. */
async function company(name: string, segment: string, history: Row[], current: string | null, ownerId = t.ctx.userId) {
  const c = await must<{ id: string }>('companies.create', validCompany({ name, customerNumber: '', segment, ownerId, status: 'customer' }))
  await t.ctx.db.updateTable('company_journey').set({ station: current as never, reason: current ? 'status' : 'former_customer' }).where('company_id', '=', c.id).execute()
  let n = 0
  for (const [day, station, reason, status] of history) {
    await t.ctx.db.insertInto('journey_changes').values({
      id: `${c.id.slice(0, 30)}-${n++}`, company_id: c.id, station: station as never, reason: reason as never, status: status as never, changed_on: day,
      created_at: '2026-11-20T09:00:00.000Z', updated_at: '2026-11-20T09:00:00.000Z', server_version: null, deleted_at: null,
    }).execute()
  }
  return c.id
}

async function fixture() {
  await t.ctx.db.insertInto('users').values({ id: COLLEAGUE, display_name: 'Ben Schulz', server_version: null, deleted_at: null }).execute()
  const a = await company('Alpha GmbH', 'mid_market', [
    ['2025-12-01', 'offer', 'open_offer', 'prospect'], ['2026-02-01', 'contract', 'new_contract', 'customer'],
    ['2026-03-03', 'usage', 'active_contract', 'customer'], ['2026-05-02', 'support', 'open_cases', 'customer'],
  ], 'support')
  await company('Beta KG', 'mid_market', [['2026-01-10', 'offer', 'open_offer', 'prospect'], ['2026-03-11', 'offer', 'status', 'prospect']], 'offer')
  await company('Gamma AG', 'enterprise', [
    ['2025-06-01', 'usage', 'active_contract', 'customer'], ['2026-04-01', 'renewal', 'renewal_window', 'customer'], ['2026-06-10', null, 'former_customer', 'former'],
  ], null)
  await company('Delta SE', 'enterprise', [
    ['2026-01-05', 'offer', 'open_offer', 'prospect'], ['2026-01-25', 'contract', 'new_contract', 'customer'],
    ['2026-02-24', 'usage', 'active_contract', 'customer'], ['2026-07-15', 'support', 'open_cases', 'customer'],
  ], 'support', COLLEAGUE)
  await company('Epsilon eG', 'small_business', [], 'usage')
  return { a }
}

const PERIOD = { from: '2026-01-01', to: '2026-06-30' }
const map = (q: Record<string, unknown>) => must<JourneyMap>('journey.map', { ...PERIOD, ...q })
const figures = (m: JourneyMap) => Object.fromEntries(m.stations.map((s) => [s.station, [s.customers, s.completedStays, s.medianDays, s.lost, s.churned, s.dropOutRate]]))

describe('the journey map', () => {
  it('matches the hand-computed fixture: stations now, transitions, median times and drop-outs', async () => {
    await fixture()
    const m = await map({})
    expect(m.companies).toBe(5)
    expect(m.now).toEqual([
      { station: 'offer', count: 1 }, { station: 'contract', count: 0 }, { station: 'usage', count: 1 }, { station: 'support', count: 2 },
      { station: 'referral', count: 0 }, { station: 'renewal', count: 0 }, { station: 'left', count: 1 },
    ])
    // Delta's move to support on 15.07. lies after the period; Beta stayed at offer (its offer was lost).
    expect(m.transitions).toEqual([
      { from: 'offer', to: 'contract', count: 2 }, { from: 'contract', to: 'usage', count: 2 },
      { from: 'usage', to: 'support', count: 1 }, { from: 'usage', to: 'renewal', count: 1 }, { from: 'renewal', to: 'left', count: 1 },
    ])
    // [customers in the period, stays ended in it, median days, lost, churned, drop-out rate]
    expect(figures(m)).toEqual({
      offer: [3, 2, 41, 1, 0, 1 / 3], // Alpha 62 days (01.12.–01.02.), Delta 20 → 41; Beta lost
      contract: [2, 2, 30, 0, 0, 0], // Alpha 30 (01.02.–03.03.), Delta 30 (25.01.–24.02.)
      usage: [3, 2, 182, 0, 0, 0], // Alpha 60 (03.03.–02.05.), Gamma 304 (01.06.2025–01.04.2026) → 182
      support: [1, 0, null, 0, 0, 0],
      referral: [0, 0, null, 0, 0, null],
      renewal: [1, 1, 70, 0, 1, 1], // Gamma 70 (01.04.–10.06.), then a former customer
    })
  })

  it('narrows by segment, owner and persona', async () => {
    const { a } = await fixture()
    const enterprise = await map({ segment: 'enterprise' })
    expect(enterprise.companies).toBe(2)
    expect(enterprise.transitions).toEqual([
      { from: 'offer', to: 'contract', count: 1 }, { from: 'contract', to: 'usage', count: 1 }, { from: 'usage', to: 'renewal', count: 1 }, { from: 'renewal', to: 'left', count: 1 },
    ])
    const bens = await map({ ownerId: COLLEAGUE })
    expect(bens.companies).toBe(1)
    expect(figures(bens).offer).toEqual([1, 1, 20, 0, 0, 0])
    const persona = await must<{ id: string }>('personas.create', { name: 'Technischer Einkäufer', formerCustomer: 'no' })
    await must('contacts.create', { companyId: a, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', personaId: persona.id })
    const buyers = await map({ personaId: persona.id })
    expect(buyers.companies).toBe(1)
    expect(buyers.transitions.map((x) => `${x.from}>${x.to}`)).toEqual(['offer>contract', 'contract>usage', 'usage>support'])
    expect(figures(buyers).usage).toEqual([1, 1, 60, 0, 0, 0])
  })

  it('refuses a period the wrong way round, an unknown owner and an unknown persona at the field, writing nothing', async () => {
    await fixture()
    const before = await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const refused = async (q: Record<string, unknown>) => {
      const answer = await dispatch(t.app, 'journey.map', { ...PERIOD, ...q })
      if (answer.ok) throw new Error('accepted')
      return answer.error.fields
    }
    expect(await refused({ from: '2026-07-01', to: '2026-06-30' })).toEqual({ to: 'errors.journeyMapPeriod' })
    expect(await refused({ ownerId: NOBODY })).toEqual({ ownerId: 'errors.journeyMapOwnerUnknown' })
    expect(await refused({ personaId: NOBODY })).toEqual({ personaId: 'errors.journeyMapPersonaUnknown' })
    expect(await refused({ from: '30.06.2026' })).toMatchObject({ from: 'errors.date' })
    const after = await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(after).toEqual(before)
  })
})
