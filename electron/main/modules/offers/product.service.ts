// The price list: products, and their import from CSV with a column mapping (all rows or none).
import { sql, type Selectable } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type InsertColumns } from '../../../../db/platform/synced-writes'
import type { ProductTable } from '../../../../db/modules/offers/offers.table'
import type { Page } from '../../../../shared/platform/common.schema'
import { productFieldsSchema, type ProductFields, PRODUCT_IMPORT_FIELDS } from '../../../../shared/modules/offers/offer.schema'
import type { Product } from '../../../../shared/modules/offers/offer.types'
import { parseCsv, parseGermanCents, parseGermanNumber } from '../../../../shared/modules/offers/csv'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { toFieldErrors } from '../../../../shared/platform/field-errors'
import { nowIso, type ServiceContext } from '../../platform/context'

const columns = (f: ProductFields): InsertColumns<'products'> => ({
  sku: f.sku, name: f.name, description: f.description, unit: f.unit, list_price_cents: f.listPriceCents, vat_rate: f.vatRate, warranty_months: f.warrantyMonths, active: f.active ? 1 : 0,
  purchase_price_cents: f.purchasePriceCents,
})

type ProductRow = Pick<Selectable<ProductTable>, 'id' | 'sku' | 'name' | 'description' | 'unit' | 'list_price_cents' | 'vat_rate' | 'warranty_months' | 'active' | 'purchase_price_cents'>
const toProduct = (r: ProductRow): Product => ({
  id: r.id, sku: r.sku, name: r.name, description: r.description, unit: r.unit, listPriceCents: r.list_price_cents, purchasePriceCents: r.purchase_price_cents ?? null, vatRate: r.vat_rate, warrantyMonths: r.warranty_months, active: r.active === 1,
})

async function skuTaken(ctx: ServiceContext, sku: string, exceptId: string | null): Promise<boolean> {
  let q = ctx.db.selectFrom('products').select('id').where('sku', '=', sku).where('deleted_at', 'is', null)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return Boolean(await q.executeTakeFirst())
}

export async function createProduct(ctx: ServiceContext, f: ProductFields): Promise<Product> {
  if (await skuTaken(ctx, f.sku, null)) throw fieldError('sku', 'errors.skuTaken')
  const id = newId()
  await ctx.db.transaction().execute((trx) => insertSynced(trx, 'products', { id, ...columns(f) }, nowIso(ctx)))
  return getProduct(ctx, id)
}

export async function updateProduct(ctx: ServiceContext, id: string, f: ProductFields): Promise<Product> {
  if (await skuTaken(ctx, f.sku, id)) throw fieldError('sku', 'errors.skuTaken')
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'products', id, columns(f), nowIso(ctx)))
  return getProduct(ctx, id)
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  const row = await ctx.db.selectFrom('products').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toProduct(row)
}

export async function listProducts(ctx: ServiceContext, q: { search: string; activeOnly: boolean; offset: number; limit: number }): Promise<Page<Product>> {
  let query = ctx.db.selectFrom('products').where('deleted_at', 'is', null)
  if (q.activeOnly) query = query.where('active', '=', 1)
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    query = query.where((eb) => eb.or([sql<boolean>`sku like ${like} escape '\\'`, sql<boolean>`name like ${like} escape '\\'`]))
  }
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const rows = await query.selectAll().orderBy('name').orderBy('id').offset(q.offset).limit(q.limit).execute()
  return { total, offset: q.offset, rows: rows.map(toProduct) }
}

export interface ImportReport {
  columns: string[]
  imported: number
  updated: number
  rejected: Array<{ line: number; errors: Record<string, string> }>
  dryRun: boolean
}

/** A rejected row's errors named by the import fields the user mapped (the price column feeds `listPriceCents`). */
const importFieldErrors = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field === 'listPriceCents' ? 'listPrice' : field, key]))

const truthy = (v: string) => /^(1|ja|yes|true|x|aktiv|active)$/i.test(v.trim())

/**
 * Imports a price list: every row is checked first; if any row is rejected nothing is written and
 * the report lists each rejected line with its field errors. Rows with a known SKU update it.
 */
export async function importProducts(ctx: ServiceContext, input: { csv: string; mapping: Partial<Record<(typeof PRODUCT_IMPORT_FIELDS)[number], string>>; dryRun: boolean }): Promise<ImportReport> {
  const { header, rows } = parseCsv(input.csv)
  for (const [field, column] of Object.entries(input.mapping)) {
    if (column && !header.includes(column)) throw fieldError(`mapping.${field}`, 'errors.csvColumnMissing')
  }
  if (!input.mapping.sku || !input.mapping.name || !input.mapping.listPrice) throw fieldError('mapping', 'errors.csvMappingIncomplete')
  const cell = (row: string[], field: (typeof PRODUCT_IMPORT_FIELDS)[number]) => {
    const column = input.mapping[field]
    return column ? (row[header.indexOf(column)] ?? '').trim() : ''
  }
  const parsed: ProductFields[] = []
  const rejected: ImportReport['rejected'] = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const line = index + 2
    const price = parseGermanCents(cell(row, 'listPrice'))
    const vat = cell(row, 'vatRate') ? parseGermanNumber(cell(row, 'vatRate').replace('%', '')) : 19
    const warranty = cell(row, 'warrantyMonths') ? parseGermanNumber(cell(row, 'warrantyMonths')) : 0
    const result = productFieldsSchema.safeParse({
      sku: cell(row, 'sku'), name: cell(row, 'name'), description: cell(row, 'description'), unit: cell(row, 'unit') || 'Stück',
      listPriceCents: price ?? Number.NaN, vatRate: vat, warrantyMonths: warranty, active: input.mapping.active ? truthy(cell(row, 'active')) : true,
    })
    if (!result.success) return void rejected.push({ line, errors: importFieldErrors(toFieldErrors(result.error)) })
    if (seen.has(result.data.sku)) return void rejected.push({ line, errors: { sku: 'errors.skuDuplicateInFile' } })
    seen.add(result.data.sku)
    parsed.push(result.data)
  })
  const report: ImportReport = { columns: header, imported: 0, updated: 0, rejected, dryRun: input.dryRun }
  if (rejected.length > 0 || input.dryRun) return report
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    for (const f of parsed) {
      const existing = await trx.selectFrom('products').select('id').where('sku', '=', f.sku).where('deleted_at', 'is', null).executeTakeFirst()
      if (existing) {
        await updateSynced(trx, 'products', existing.id, columns(f), now)
        report.updated++
      } else {
        await insertSynced(trx, 'products', { id: newId(), ...columns(f) }, now)
        report.imported++
      }
    }
  })
  return report
}
