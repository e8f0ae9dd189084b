// Item lines shared by offers and contracts: written position by position, read back with their net
// amounts. An unchanged line writes nothing, so a colleague's edit of another line survives.
import { sql, type Selectable, type Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced, updateSynced, type InsertColumns } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { LineItemColumns } from '../../../../db/platform/line-items.table'
import type { OfferItemFields } from '../../../../shared/platform/line-items.schema'
import { computeOfferTotals, type OfferTotals } from '../../../../shared/platform/line-item-totals'
import type { OfferItem } from '../../../../shared/platform/line-items.schema'

type Owner = { table: 'offer_items'; column: 'offer_id' } | { table: 'contract_items'; column: 'contract_id' }
export const OFFER_LINES: Owner = { table: 'offer_items', column: 'offer_id' }
export const CONTRACT_LINES: Owner = { table: 'contract_items', column: 'contract_id' }

export async function writeLines(trx: Transaction<Database>, owner: Owner, parentId: string, companyId: string, items: OfferItemFields[], now: string): Promise<void> {
  // One query for both tables: their line columns are the same.
  const { rows: existing } = await sql<{ id: string }>`select id from ${sql.table(owner.table)}
    where ${sql.ref(owner.column)} = ${parentId} and deleted_at is null order by position`.execute(trx)
  for (const [index, item] of items.entries()) {
    const columns: Omit<InsertColumns<'offer_items'>, 'offer_id' | 'company_id'> = {
      position: index + 1, product_id: item.productId || null, sku: item.sku, name: item.name, description: item.description, quantity: item.quantity,
      unit: item.unit, unit_price_cents: item.unitPriceCents, discount_percent: item.discountPercent, vat_rate: item.vatRate, optional: item.optional ? 1 : 0,
    }
    const current = existing[index]
    if (current) await updateSynced(trx, owner.table, current.id, columns, now)
    else if (owner.table === 'offer_items') await insertSynced(trx, 'offer_items', { id: newId(), offer_id: parentId, company_id: companyId, ...columns }, now)
    else await insertSynced(trx, 'contract_items', { id: newId(), contract_id: parentId, company_id: companyId, ...columns }, now)
  }
  for (const extra of existing.slice(items.length)) await deleteSynced(trx, owner.table, extra.id, now)
}

export function totalsOf(items: Array<Pick<OfferItemFields, 'quantity' | 'unitPriceCents' | 'discountPercent' | 'vatRate' | 'optional'>>, offerDiscountPercent: number, skontoPercent: number): OfferTotals {
  return computeOfferTotals({
    items: items.map((i) => ({ quantity: i.quantity, unitPriceCents: i.unitPriceCents, discountPercent: i.discountPercent, vatRate: i.vatRate, optional: i.optional })),
    offerDiscountPercent,
    skontoPercent,
  })
}

type LineRow = Omit<Selectable<LineItemColumns>, 'offer_id'>

/** Stored lines as the UI shows them, each with its net amount. */
export function linesOf(rows: LineRow[], offerDiscountPercent = 0, skontoPercent = 0): { items: OfferItem[]; totals: OfferTotals } {
  const items: OfferItem[] = rows.map((i) => ({
    id: i.id, position: i.position, productId: i.product_id ?? '', sku: i.sku, name: i.name, description: i.description, quantity: i.quantity, unit: i.unit,
    unitPriceCents: i.unit_price_cents, discountPercent: i.discount_percent, vatRate: i.vat_rate, optional: i.optional === 1, netCents: 0,
  }))
  const totals = totalsOf(items, offerDiscountPercent, skontoPercent)
  totals.lines.forEach((line, i) => (items[i]!.netCents = line.netCents))
  return { items, totals }
}
