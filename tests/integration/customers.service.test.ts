// Customer services on a real database: lists with search, filters, sort and paging; journey; timeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany, getCompany, listCompanies, stationCounts, updateCompany } from '../../electron/main/modules/customers/company.service'
import { createContact, listContacts } from '../../electron/main/modules/customers/contact.service'
import { DEMO_SIZES, loadDemoData } from '../../electron/main/modules/demo/demo-data.service'
import { companyTimeline, createTouchpoint, deleteTouchpoint, listTouchpoints } from '../../electron/main/modules/customers/touchpoint.service'
import { companyFieldsSchema, companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema, contactListQuerySchema } from '../../shared/modules/customers/contact.schema'
import { touchpointListQuerySchema } from '../../shared/modules/customers/touchpoint.schema'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

const addCompany = (o: Record<string, unknown>) => createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', ...o })))
const companies = (q: Record<string, unknown> = {}) => listCompanies(t.ctx, companyListQuerySchema.parse(q) as Parameters<typeof listCompanies>[1])
const touchpoint = (companyId: string, o: Record<string, unknown> = {}) =>
  createTouchpoint(t.ctx, { companyId, contactId: '', occurredAt: '2026-11-19T10:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Angebot nachgefasst', ...o })

describe('company list', () => {
  beforeEach(async () => {
    await addCompany({ name: 'Öztürk Logistik GmbH', city: 'Köln', federalState: 'NW', status: 'customer', customerNumber: 'K-3' })
    await addCompany({ name: 'Becker Haustechnik GmbH', city: 'Braunschweig', federalState: 'NI', status: 'prospect', customerNumber: 'K-1' })
    await addCompany({ name: 'Böhm Maschinenbau AG', city: 'Würzburg', federalState: 'BY', status: 'customer', customerNumber: 'K-2' })
    await addCompany({ name: 'Brandt Baustoffe KG', city: 'Ulm', federalState: 'BW', status: 'former' })
  })

  it('sorts names the German way, both directions', async () => {
    expect((await companies()).rows.map((r) => r.name)).toEqual(['Becker Haustechnik GmbH', 'Böhm Maschinenbau AG', 'Brandt Baustoffe KG', 'Öztürk Logistik GmbH'])
    expect((await companies({ dir: 'desc' })).rows.map((r) => r.name)[0]).toBe('Öztürk Logistik GmbH')
  })

  it('finds substrings anywhere, case- and accent-insensitive, and prefixes of short words', async () => {
    expect((await companies({ search: 'haustechn' })).rows.map((r) => r.name)).toEqual(['Becker Haustechnik GmbH'])
    expect((await companies({ search: 'maschinen' })).total).toBe(4) // name or industry
    expect((await companies({ search: 'wurzburg' })).rows.map((r) => r.name)).toEqual(['Böhm Maschinenbau AG'])
    expect((await companies({ search: 'Bö' })).rows.map((r) => r.name)).toEqual(['Böhm Maschinenbau AG'])
    expect((await companies({ search: 'K-3' })).rows.map((r) => r.name)).toEqual(['Öztürk Logistik GmbH'])
    expect((await companies({ search: 'gmbh haus' })).total).toBe(1)
    expect((await companies({ search: '"; drop table companies; --' })).total).toBe(0)
  })

  it('filters by status, federal state and journey station, and pages in the query', async () => {
    expect((await companies({ status: 'customer' })).total).toBe(2)
    expect((await companies({ federalState: 'NI' })).rows.map((r) => r.city)).toEqual(['Braunschweig'])
    expect((await companies({ station: 'usage' })).rows.map((r) => r.name)).toEqual(['Böhm Maschinenbau AG', 'Öztürk Logistik GmbH'])
    expect((await companies({ station: 'none' })).rows.map((r) => r.name)).toEqual(['Brandt Baustoffe KG'])
    const page = await companies({ offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, offset: 1 })
    expect(page.rows.map((r) => r.name)).toEqual(['Böhm Maschinenbau AG', 'Brandt Baustoffe KG'])
  })

  it('counts companies per station for the navigation', async () => {
    const counts = Object.fromEntries((await stationCounts(t.ctx)).map((c) => [c.station, c.count]))
    expect(counts).toMatchObject({ offer: 1, usage: 2, none: 1, support: 0 })
  })
})

describe('journey station', () => {
  it('follows the latest touchpoint and falls back when it is deleted', async () => {
    const c = await addCompany({ status: 'customer' })
    expect(c.journey).toEqual({ station: 'usage', reason: 'status' })
    await touchpoint(c.id, { station: 'offer', occurredAt: '2026-11-01T10:00:00.000Z' })
    const latest = await touchpoint(c.id, { station: 'support', occurredAt: '2026-11-18T10:00:00.000Z', summary: 'Reklamation aufgenommen' })
    expect((await getCompany(t.ctx, c.id)).journey).toEqual({ station: 'support', reason: 'latest_touchpoint' })
    await deleteTouchpoint(t.ctx, latest.id)
    expect((await getCompany(t.ctx, c.id)).journey.station).toBe('offer')
  })

  it('moves a company out of the journey when it becomes a former customer', async () => {
    const c = await addCompany({ status: 'customer' })
    await updateCompany(t.ctx, c.id, companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'former' })))
    expect((await getCompany(t.ctx, c.id)).journey).toEqual({ station: null, reason: 'former_customer' })
  })
})

describe('contacts and touchpoints', () => {
  it('lists contacts with their buying-center role, filtered and searched', async () => {
    const c = await addCompany({})
    const contact = (o: Record<string, unknown>) => createContact(t.ctx, contactFieldsSchema.parse({ companyId: c.id, salutation: 'ms', language: 'de', ...o }))
    await contact({ firstName: 'Katrin', lastName: 'Berger', title: 'Dr.', buyingRole: 'decision_maker', email: 'k.berger@brunsviga.de' })
    await contact({ firstName: 'Uwe', lastName: 'Schulz', buyingRole: 'purchaser', salutation: 'mr' })
    const list = (q: Record<string, unknown>) => listContacts(t.ctx, contactListQuerySchema.parse(q) as Parameters<typeof listContacts>[1])
    expect((await list({})).rows.map((r) => `${r.lastName}:${r.buyingRole}`)).toEqual(['Berger:decision_maker', 'Schulz:purchaser'])
    expect((await list({ buyingRole: 'purchaser' })).rows.map((r) => r.lastName)).toEqual(['Schulz'])
    expect((await list({ search: 'brunsviga' })).rows.map((r) => r.lastName)).toEqual(['Berger'])
  })

  it('refuses a contact of another company on a touchpoint', async () => {
    const a = await addCompany({ name: 'A GmbH' })
    const b = await addCompany({ name: 'B GmbH' })
    const other = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: b.id, salutation: 'mr', lastName: 'Fremd', language: 'de' }))
    await expect(touchpoint(a.id, { contactId: other.id })).rejects.toMatchObject({ fields: { contactId: 'errors.contactNotOfCompany' } })
  })

  it('filters touchpoints by day range and refuses an inverted range', async () => {
    const c = await addCompany({})
    await touchpoint(c.id, { occurredAt: '2026-11-01T23:30:00.000Z' })
    await touchpoint(c.id, { occurredAt: '2026-11-02T08:00:00.000Z' })
    const list = (q: Record<string, unknown>) => listTouchpoints(t.ctx, touchpointListQuerySchema.parse(q) as Parameters<typeof listTouchpoints>[1])
    // 23:30 UTC on 1 November is 00:30 on 2 November in Germany: both are on the German 2 November.
    expect((await list({ from: '2026-11-02', to: '2026-11-02' })).total).toBe(2)
    expect((await list({ from: '2026-11-01', to: '2026-11-01' })).total).toBe(0)
    await expect(list({ from: '2026-11-03', to: '2026-11-02' })).rejects.toMatchObject({ fields: { to: 'errors.rangeEndBeforeStart' } })
  })

  it('finds a short search term with % or _ as the characters typed, not as wildcards', async () => {
    const c = await addCompany({})
    await touchpoint(c.id, { summary: 'Rabatt 5% zugesagt' })
    await touchpoint(c.id, { summary: 'Rabatt 50 zugesagt' })
    await touchpoint(c.id, { summary: 'Datei a_b.pdf geschickt' })
    await touchpoint(c.id, { summary: 'Datei axb.pdf geschickt' })
    const list = (q: Record<string, unknown>) => listTouchpoints(t.ctx, touchpointListQuerySchema.parse(q) as Parameters<typeof listTouchpoints>[1])
    // Two characters: too short for the trigram index, searched with LIKE.
    expect((await list({ search: '5%' })).rows.map((r) => r.summary)).toEqual(['Rabatt 5% zugesagt'])
    expect((await list({ search: 'a_' })).rows.map((r) => r.summary)).toEqual(['Datei a_b.pdf geschickt'])
  })

  it('builds the timeline newest first, ending with the company creation', async () => {
    const c = await addCompany({})
    await touchpoint(c.id, { occurredAt: '2026-11-10T10:00:00.000Z', summary: 'Erstkontakt' })
    await touchpoint(c.id, { occurredAt: '2026-11-15T10:00:00.000Z', summary: 'Vorangebotsgespräch' })
    const timeline = await companyTimeline(t.ctx, { companyId: c.id, offset: 0, limit: 50 })
    expect(timeline.rows.map((e) => (e.kind === 'touchpoint' ? e.touchpoint.summary : e.kind))).toEqual(['Vorangebotsgespräch', 'Erstkontakt', 'company_created'])
    expect(timeline.total).toBe(3)
  })
})

describe('demo data', () => {
  it('creates German companies across federal states with contacts, roles and touchpoints, through the outbox', async () => {
    const result = await loadDemoData(t.ctx, DEMO_SIZES.small)
    expect(result).toMatchObject({ companies: 60, contacts: 180, touchpoints: 360, offers: 120, contracts: 30, referrals: 14, tasks: 150, appointments: 60 })
    // Every demo company that recommended someone recommended another company, never itself (issue 13, item 11).
    expect(await t.ctx.db.selectFrom('referrals').select('id').whereRef('company_id', '=', 'referred_company_id').execute()).toEqual([])
    // Demo numbers are visibly demo and can never equal a device's own (a real device code has no O).
    for (const n of (await t.ctx.db.selectFrom('offers').select('number').execute()).map((r) => r.number)) expect(n).toMatch(/^A-\d{4}-DEMO0-\d{4}$/)
    // The use phase: every customer (and former customer) has one or two assets and as many cases.
    expect(result.assets).toBeGreaterThan(60)
    expect(result.cases).toBe(result.assets)
    const states = await t.ctx.db.selectFrom('companies').select('federal_state').distinct().execute()
    expect(states.length).toBeGreaterThanOrEqual(8)
    const deciders = await t.ctx.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('buying_role', '=', 'decision_maker').executeTakeFirstOrThrow()
    expect(Number(deciders.n)).toBeGreaterThanOrEqual(60)
    const ops = await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    // Every row written went through the outbox: one operation per synced row.
    let rows = 0
    for (const table of ['companies', 'contacts', 'touchpoints', 'personas', 'products', 'conversations', 'offers', 'offer_items', 'follow_ups', 'contracts', 'assets', 'cases', 'case_lines', 'case_events', 'referrals', 'feedback', 'promises', 'tasks', 'appointments', 'appointment_participants', 'erp_facts', 'journey_changes', 'trigger_firings'] as const) {
      rows += Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    }
    // …and one update per status the business moved (a demo prospect with a won offer becomes a customer; issue 13, item 7).
    const moved = await t.ctx.db.selectFrom('touchpoints').select((eb) => eb.fn.countAll<number>().as('n')).where('message_key', 'like', 'company.became%').executeTakeFirstOrThrow()
    expect(Number(ops.n)).toBe(rows + Number(moved.n))
    const statuses = await t.ctx.db.selectFrom('offers').select('status').distinct().execute()
    expect(statuses.length).toBeGreaterThanOrEqual(4)
  })
})
