// Who may do what (issue 18), one table of forbidden changes checked twice against the same matrix
// (shared/platform/rights.ts): on the laptop, each role's services refuse the change with the reason and write
// nothing; on the sync server, the same change pushed by hand by each role is rejected and never applied. Laptops
// and server in-process, on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { AppContext } from '../../electron/main/ipc/handler-types'
import { SyncController } from '../../electron/main/modules/sync/controller'
import { readState, writeState } from '../../electron/main/modules/sync/state'
import { createUser } from '../../server/admin/accounts'
import { SCHEMA_VERSION } from '../../db/migrations'
import { ROLES, may, type Action, type Role } from '../../shared/platform/rights'
import { harnessPerTest, PASSWORD, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'
import { validLead } from '../helpers/leads'
import { createIntegrationKey } from '../../server/integrations/keys'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }

/** The app of a test laptop, signed in as its user (the sync state names the user, as after "Verbinden"). */
async function appOf(laptop: TestClient, role: Role): Promise<AppContext> {
  await writeState(laptop.ctx.db, 'user', { id: laptop.ctx.userId, login: laptop.name, displayName: laptop.name, email: '', role, teamId: '' })
  return { ctx: laptop.ctx, sync: new SyncController({ ctx: laptop.ctx, clientId: laptop.database.clientId }), env: { version: 'test', mode: 'web', databasePath: laptop.file, clientId: laptop.database.clientId, integrity: 'ok', database: 'real' } }
}

async function must<T = { id: string }>(app: AppContext, channel: string, input: unknown): Promise<T> {
  const answer = await dispatch(app, channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data as T
}

interface Fixture {
  companyId: string
  wonCompanyId: string
  draftOfferId: string
  draftOffer: Record<string, unknown>
  itemId: string
  productId: string
  product: Record<string, unknown>
  contractId: string
  contract: Record<string, unknown>
  nord: string
  sued: string
  approvalId: string
  leadId: string
}

/**
 * Every kind of forbidden change: what the laptop's screen would call, and the operation a hand-crafted push
 * would carry. The same table drives both halves.
 */
const CASES_LEADS = [
  {
    action: 'leads.work' as const, what: 'reject a lead from the inbox (issue 19: inside sales, managers, admins)',
    laptop: (app: AppContext, f: Fixture) => dispatch(app, 'leads.reject', { id: f.leadId, reason: 'spam' }),
    push: (f: Fixture) => ({ table: 'leads', rowId: f.leadId, kind: 'update' as const, fields: { status: { old: 'new', new: 'rejected' }, reject_reason: { old: null, new: 'spam' } } }),
  },
]

const CASES: Array<{ action: Action; what: string; refusedFirst?(role: Role): Action; message?: string | ((role: Role) => string); laptop(app: AppContext, f: Fixture): Promise<unknown>; push(f: Fixture): { table: string; rowId: string; kind: 'insert' | 'update' | 'delete'; fields: Record<string, { old: unknown; new: unknown }> } }> = [
  {
    action: 'offers.write', what: 'change the price of an offer item',
    laptop: (app, f) => dispatch(app, 'offers.update', { ...f.draftOffer, id: f.draftOfferId, items: [{ ...item, unitPriceCents: 1 }] }),
    push: (f) => ({ table: 'offer_items', rowId: f.itemId, kind: 'update', fields: { unit_price_cents: { old: 100_000, new: 1 } } }),
  },
  {
    action: 'offers.deleteWon', what: 'delete a won offer (with its company)',
    refusedFirst: (role) => (may(role, 'offers.write') ? 'offers.deleteWon' : 'offers.write'),
    laptop: (app, f) => dispatch(app, 'companies.delete', { id: f.wonCompanyId }),
    push: () => ({ table: 'offers', rowId: 'won', kind: 'delete', fields: {} }),
  },
  {
    action: 'contracts.write', what: 'change a contract\'s annual value',
    laptop: (app, f) => dispatch(app, 'contracts.update', { ...f.contract, id: f.contractId, annualValueCents: 1 }),
    push: (f) => ({ table: 'contracts', rowId: f.contractId, kind: 'update', fields: { annual_value_cents: { old: 1_200_000, new: 1 } } }),
  },
  {
    action: 'contracts.deleteRunning', what: 'delete a running contract (with its company, which has an offer too)',
    refusedFirst: (role) => (may(role, 'offers.write') ? 'contracts.deleteRunning' : 'offers.write'),
    laptop: (app, f) => dispatch(app, 'companies.delete', { id: f.companyId }),
    push: (f) => ({ table: 'contracts', rowId: f.contractId, kind: 'delete', fields: {} }),
  },
  {
    action: 'prices.write', what: 'change a list price',
    laptop: (app, f) => dispatch(app, 'products.update', { ...f.product, id: f.productId, listPriceCents: 1 }),
    push: (f) => ({ table: 'products', rowId: f.productId, kind: 'update', fields: { list_price_cents: { old: 149_999, new: 1 } } }),
  },
  {
    action: 'companies.move', what: 'move a company to another team',
    laptop: (app, f) => dispatch(app, 'companies.moveTeam', { id: f.companyId, teamId: f.sued }),
    push: (f) => ({ table: 'companies', rowId: f.companyId, kind: 'update', fields: { team_id: { old: f.nord, new: f.sued } } }),
  },
  {
    action: 'teamSettings.write', what: 'change an early-warning rule',
    message: 'errors.triggerNotAllowed', // the rules' own service says it in its words
    laptop: (app) => dispatch(app, 'triggerRules.save', { signal: 'complaints', enabled: false, threshold: 2, action: 'task_owner', targetUserId: '' }),
    push: () => ({ table: 'trigger_rules', rowId: 'rule', kind: 'update', fields: { enabled: { old: 1, new: 0 } } }),
  },
  {
    action: 'discounts.beyondCap', what: 'give 60 % on an offer item (above the hard cap of 50 %)',
    refusedFirst: (role) => (may(role, 'offers.write') ? 'discounts.beyondCap' : 'offers.write'),
    // The offer's own service names the cap at the item's field; a role without offers hears the guard.
    message: (role) => (may(role, 'offers.write') ? 'errors.discountOverCap' : 'rights.denied.offers.write'),
    laptop: (app, f) => dispatch(app, 'offers.update', { ...f.draftOffer, id: f.draftOfferId, items: [{ ...item, discountPercent: 60 }] }),
    push: (f) => ({ table: 'offer_items', rowId: f.itemId, kind: 'update', fields: { discount_percent: { old: 0, new: 60 } } }),
  },
  {
    action: 'discounts.approve', what: 'approve a rep\'s discount request',
    laptop: (app, f) => dispatch(app, 'approvals.decide', { id: f.approvalId, decision: 'approved', limitPercent: null, reason: '' }),
    push: (f) => ({ table: 'offer_approvals', rowId: f.approvalId, kind: 'update', fields: { status: { old: 'requested', new: 'approved' } } }),
  },
  ...CASES_LEADS,
]

describe.each(STORE_KINDS)('the rights matrix on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** Users of every role in team Nord; Anna (field sales) makes the records, a manager the team's rule. */
  async function setUp() {
    const h = server.h
    const logins: Record<Role, string> = { field_sales: 'anna', inside_sales: 'ben', service: 'sven', manager: 'nora', admin: 'ada' }
    await createUser(h.store, { login: 'sven', displayName: 'Sven Service', role: 'service', teamId: h.teams.nord, password: PASSWORD })
    await createUser(h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: h.teams.nord, password: PASSWORD })
    await createUser(h.store, { login: 'ada', displayName: 'Ada Admin', role: 'admin', teamId: h.teams.nord, password: PASSWORD })
    const laptops = {} as Record<Role, { laptop: TestClient; app: AppContext }>
    for (const role of ROLES) {
      const laptop = await server.client(logins[role])
      await laptop.sync() // the user directory: who the signed-in user is and their role
      laptops[role] = { laptop, app: await appOf(laptop, role) }
    }
    const anna = laptops.field_sales.app
    const company = await must(anna, 'companies.create', validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-1', status: 'customer' }))
    const wonCompany = await must(anna, 'companies.create', validCompany({ name: 'Weserwerft GmbH', customerNumber: 'K-2', status: 'customer' }))
    const productInput = { sku: 'PS-200', name: 'Prüfstand PS-200', description: '', unit: 'Stück', listPriceCents: 149_999, vatRate: 19, warrantyMonths: 24, active: true }
    const product = await must(anna, 'products.create', productInput)
    const offerInput = (companyId: string) => ({ companyId, contactId: '', conversationId: '', offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [item] })
    const draft = await must(anna, 'offers.create', offerInput(company.id))
    const won = await must(anna, 'offers.create', offerInput(wonCompany.id))
    // Sent (the letter itself is another test's subject), then won.
    await anna.ctx.db.updateTable('offers').set({ status: 'sent', sent_at: '2026-11-19T09:00:00.000Z' }).where('id', '=', won.id).execute()
    await must(anna, 'offers.win', { id: won.id, orderDate: '2026-11-19', orderValueCents: 119_000 })
    const contractInput = { companyId: company.id, contactId: '', offerId: '', type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2026-01-01', minimumTermMonths: 24, endDate: '', noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, ownerId: '', notes: '', items: [item] }
    const contract = await must(anna, 'contracts.create', contractInput)
    // An offer at 18 %, over a field rep's limit: Anna asks for its approval.
    const discounted = await must(anna, 'offers.create', { ...offerInput(company.id), items: [{ ...item, discountPercent: 18 }] })
    const approvalId = (await must<{ approvals: Array<{ id: string }> }>(anna, 'approvals.request', { offerId: discounted.id, comment: 'Rahmenvertrag' })).approvals[0]!.id
    await must(laptops.manager.app, 'triggerRules.save', { signal: 'complaints', enabled: true, threshold: 3, action: 'task_owner', targetUserId: '' })
    for (const role of ['field_sales', 'manager'] as const) expect((await laptops[role].laptop.sync()).rejected).toBe(0)
    // A lead marketing posted (organisation-wide): only inside sales, managers and admins decide on it.
    const { key } = await createIntegrationKey(h.store.db, 'Marketing', ['leads'])
    const posted = await h.fetch('http://sync.test/integrations/v1/leads', { method: 'POST', body: JSON.stringify(validLead()), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } })
    const leadId = ((await posted.json()) as { id: string }).id
    for (const role of ROLES) await laptops[role].laptop.sync()
    const itemId = (await laptops.field_sales.laptop.ctx.db.selectFrom('offer_items').select('id').where('offer_id', '=', draft.id).executeTakeFirstOrThrow()).id
    const fixture: Fixture = {
      companyId: company.id, wonCompanyId: wonCompany.id, draftOfferId: draft.id, draftOffer: offerInput(company.id), itemId, productId: product.id, product: productInput,
      contractId: contract.id, contract: contractInput, nord: h.teams.nord, sued: h.teams.sued, approvalId, leadId,
    }
    const ruleId = (await laptops.manager.laptop.ctx.db.selectFrom('trigger_rules').select('id').executeTakeFirstOrThrow()).id
    return { laptops, fixture, wonOfferId: won.id, ruleId }
  }

  it.skipIf(skip)('each role\'s laptop refuses every change its role may not make, with the reason, and writes nothing', async () => {
    const { laptops, fixture } = await setUp()
    let refusals = 0
    for (const role of ROLES) {
      const { laptop, app } = laptops[role]
      for (const c of CASES) {
        if (may(role, c.action)) continue
        const outbox = await laptop.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        const answer = await c.laptop(app, fixture) as { ok: boolean; error?: { code: string; message: string } }
        expect(answer, `${role}: ${c.what}`).toMatchObject({ ok: false, error: { code: 'forbidden', message: (typeof c.message === 'function' ? c.message(role) : c.message) ?? `rights.denied.${c.refusedFirst?.(role) ?? c.action}` } })
        expect(await laptop.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), `${role}: ${c.what}`).toEqual(outbox)
        refusals++
      }
    }
    // service: offers, contracts, prices, moving, settings, discounts, leads (10); sales: deleting won offers and running
    // contracts, moving, settings, the hard cap, approving (6 each), and the field rep leads (7).
    expect(refusals).toBe(10 + 7 + 6)
    // Nothing changed: the price, the value, the companies are as Anna made them.
    const service = laptops.service.laptop.ctx.db
    expect((await service.selectFrom('offer_items').select('unit_price_cents').where('id', '=', fixture.itemId).executeTakeFirstOrThrow()).unit_price_cents).toBe(100_000)
    expect((await service.selectFrom('companies').select('id').where('deleted_at', 'is', null).execute())).toHaveLength(2)

    // And a role that may: each change goes through (the deletes last, by the manager).
    for (const c of CASES) {
      const role = c.action.startsWith('offers') || c.action.startsWith('contracts') || c.action === 'prices.write'
        ? (may('field_sales', c.action) ? 'field_sales' : 'manager') : 'manager'
      if (c.action.endsWith('Won') || c.action.endsWith('Running')) continue
      expect(await c.laptop(laptops[role].app, fixture), `${role}: ${c.what}`).toMatchObject({ ok: true })
    }
    for (const c of CASES.filter((x) => x.action.endsWith('Won') || x.action.endsWith('Running'))) {
      expect(await c.laptop(laptops.manager.app, fixture), `manager: ${c.what}`).toMatchObject({ ok: true })
    }
  })

  it.skipIf(skip)('the sync server rejects each of them pushed by hand by each role and applies nothing; a tampered laptop sees its change rejected', async () => {
    const { laptops, fixture, wonOfferId, ruleId } = await setUp()
    const h = server.h
    // The rows the matrix guards (a refused edit may still have written what follows from it elsewhere, e.g. a
    // journey change, which anyone may), by their data: a refused edit sends the row back to the laptop with a new
    // version, so the laptop's copy is put right.
    const guarded = ['offers', 'offer_items', 'offer_revisions', 'offer_approvals', 'contracts', 'contract_items', 'products', 'trigger_rules', 'team_settings', 'companies', 'leads']
    const stored = async () => (await h.store.db.selectFrom('sync_rows').select(['id', 'deleted', 'data']).where('table_name', 'in', guarded).orderBy('id').execute())
      .map((r) => JSON.stringify(r))
    const before = await stored()
    // Through its own outbox: a service laptop whose own check was switched off by hand pushes a price change; the
    // server rejects it and the laptop lists it as a rejected change.
    const service = laptops.service.laptop
    await service.ctx.db.deleteFrom('sync_state').where('key', '=', 'user').execute()
    expect(await dispatch(laptops.service.app, 'offers.update', { ...fixture.draftOffer, id: fixture.draftOfferId, items: [{ ...item, unitPriceCents: 1 }] })).toMatchObject({ ok: true })
    expect((await service.sync()).rejected).toBeGreaterThan(0)
    expect(((await readState(service.ctx.db, 'rejected')) ?? []).map((r) => (r as { reason: string }).reason)).toContain('forbidden')
    expect(await stored()).toEqual(before)

    // By hand, every forbidden change of every role: each rejected, nothing applied.
    let refusals = 0
    for (const role of ROLES) {
      const { laptop } = laptops[role]
      const forbidden = CASES.filter((c) => !may(role, c.action))
      if (forbidden.length === 0) continue
      const seq = Number((await h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', laptop.deps.clientId).executeTakeFirstOrThrow()).last_seq)
      const ops = forbidden.map((c, i) => {
        const op = c.push(fixture)
        const rowId = op.rowId === 'won' ? wonOfferId : op.rowId === 'rule' ? ruleId : op.rowId
        return { opId: crypto.randomUUID(), clientSeq: seq + 1 + i, table: op.table, rowId, kind: op.kind, baseVersion: null, fields: op.fields, schemaVersion: SCHEMA_VERSION, createdAt: '' }
      })
      const answer = await h.transport.push(laptop.deps.token, SCHEMA_VERSION, { clientId: laptop.deps.clientId, schemaVersion: SCHEMA_VERSION, ops } as never)
      for (const [i, result] of answer.results.entries()) expect(result, `${role}: ${forbidden[i]!.what}`).toMatchObject({ status: 'rejected', reason: 'forbidden' })
      refusals += answer.results.length
    }
    expect(refusals).toBe(10 + 7 + 6)
    expect(await stored()).toEqual(before)

    expect(await stored()).toEqual(before)
  })
})
