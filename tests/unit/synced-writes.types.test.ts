// The synced writes are typed from the table definitions: `npm run typecheck` (tsconfig.node.json covers
// tests/) fails when a line marked @ts-expect-error compiles, so each line below proves that the compiler
// refuses that mistake. The function is never run: the proof is the typecheck.
import type { Selectable, Transaction } from 'kysely'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Database } from '../../db/database.types'
import type { CompanyTable } from '../../db/modules/customers'
import type { OfferTable } from '../../db/modules/offers'
import type { ContractTable } from '../../db/modules/contracts'
import type { CaseTable } from '../../db/modules/service'
import { insertSynced, updateSynced, type InsertColumns, type InsertRow, type UpdatePatch } from '../../db/platform/synced-writes'
import type { CompanyStatus, FederalState, Segment } from '../../shared/modules/customers'
import type { OfferStatus } from '../../shared/modules/offers'
import type { ContractStatus } from '../../shared/modules/contracts'
import type { CaseStatus } from '../../shared/modules/service'

async function typedWrites(trx: Transaction<Database>, id: string, now: string): Promise<void> {
  // What compiles: the required columns, optional ones with their types, enum values from their lists.
  await insertSynced(trx, 'companies', { id, name: 'Brunsviga GmbH', status: 'prospect' }, now)
  await insertSynced(trx, 'companies', { id, name: 'Brunsviga GmbH', status: 'customer', federal_state: 'NI', segment: '' }, now)
  await updateSynced(trx, 'offers', id, { status: 'won', order_value_cents: 1000 }, now)
  await updateSynced(trx, 'contracts', id, { review_due: null }, now)

  // A misspelt column.
  // @ts-expect-error 'nmae' is not a column of companies
  await insertSynced(trx, 'companies', { id, nmae: 'x' }, now)
  // @ts-expect-error 'nmae' is not a column of companies, even next to the right ones
  await insertSynced(trx, 'companies', { id, name: 'x', status: 'prospect', nmae: 'y' }, now)
  // @ts-expect-error 'stauts' is not a column of offers
  await updateSynced(trx, 'offers', id, { stauts: 'won' }, now)

  // A value of the wrong type, or outside its enum.
  // @ts-expect-error 'active' is a contract status, not a company status
  await insertSynced(trx, 'companies', { id, name: 'x', status: 'active' }, now)
  // @ts-expect-error 'XX' is not a federal state
  await updateSynced(trx, 'companies', id, { federal_state: 'XX' }, now)
  // @ts-expect-error 'open' is a list filter, not a case status
  await updateSynced(trx, 'cases', id, { status: 'open' }, now)
  // @ts-expect-error a price is integer cents, not text
  await updateSynced(trx, 'products', id, { list_price_cents: '12,50' }, now)
  // @ts-expect-error the VAT rate is 0, 7 or 19
  await updateSynced(trx, 'offer_items', id, { vat_rate: 16 }, now)

  // A required column left out (NOT NULL without a DEFAULT in the migration).
  // @ts-expect-error a touchpoint needs its summary
  await insertSynced(trx, 'touchpoints', { id, company_id: id, occurred_at: now, channel: 'phone', direction: 'inbound', mode: 'direct', station: 'support' }, now)
  // @ts-expect-error a company needs its status
  await insertSynced(trx, 'companies', { id, name: 'x' }, now)
  // @ts-expect-error an insert needs the row's id
  await insertSynced(trx, 'companies', { name: 'x', status: 'prospect' }, now)

  // Bookkeeping columns belong to the synced-write path and the sync engine, never to a service.
  // @ts-expect-error deleting is deleteSynced
  await updateSynced(trx, 'companies', id, { deleted_at: now }, now)
  // @ts-expect-error the server version moves only on pull
  await updateSynced(trx, 'companies', id, { server_version: 3 }, now)
  // @ts-expect-error a generated column is never written
  await updateSynced(trx, 'companies', id, { sort_name: 'x' }, now)
}

// The helpers that build rows use the same shapes.
// @ts-expect-error a contract row without its number
const contractRow: InsertRow<'contracts'> = { id: 'k', company_id: 'c', type: 'service', title: 't', status: 'active', start_date: '2026-01-01',
  minimum_term_months: 12, term_start: '2026-01-01', end_date: '2026-12-31', cancel_by: '2026-09-30', notice_value: 3, notice_unit: 'months' }
// @ts-expect-error 'cancelled' is not a contract status
const contractPatch: UpdatePatch<'contracts'> = { status: 'cancelled' }
// @ts-expect-error 'segmnet' is not a column of companies
const companyColumns: InsertColumns<'companies'> = { name: 'x', status: 'prospect', segmnet: 'enterprise' }

describe('typed synced writes', () => {
  it('are checked by the compiler: the lines above fail npm run typecheck if they ever compile', () => {
    expect(typeof typedWrites).toBe('function')
    expect([contractRow, contractPatch, companyColumns]).toHaveLength(3)
  })

  it('read enum columns as their unions', () => {
    expectTypeOf<Selectable<CompanyTable>['status']>().toEqualTypeOf<CompanyStatus>()
    expectTypeOf<Selectable<CompanyTable>['federal_state']>().toEqualTypeOf<FederalState | ''>()
    expectTypeOf<Selectable<CompanyTable>['segment']>().toEqualTypeOf<Segment | ''>()
    expectTypeOf<Selectable<OfferTable>['status']>().toEqualTypeOf<OfferStatus>()
    expectTypeOf<Selectable<ContractTable>['status']>().toEqualTypeOf<ContractStatus>()
    expectTypeOf<Selectable<CaseTable>['status']>().toEqualTypeOf<CaseStatus>()
  })
})
