// The installed base: what a customer has from us, where, since when, and until when it is under
// warranty; a reminder before the warranty ends suggests offering a service contract.
import type { Kysely } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type InsertColumns } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { termEnd } from '../../../../shared/modules/contracts'
import { WARRANTY_REMINDER_DAYS } from '../../../../shared/modules/service/service.enums'
import type { AssetFields } from '../../../../shared/modules/service/service.schema'
import type { Asset } from '../../../../shared/modules/service/service.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'

type Db = Kysely<Database>
const today = todayOf

/** The warranty's last day: the product's warranty months from installation (or delivery). */
export function warrantyEndFor(start: string | null, warrantyMonths: number): string | null {
  return start && warrantyMonths > 0 ? termEnd(start, warrantyMonths) : null
}

/**
 * The warranty reminder: 60 days before the warranty ends (today when that is past), none when the
 * warranty is over or a service contract covers the asset.
 */
export function warrantyReminder(warrantyEnd: string | null, contractId: string | null, day: string): string | null {
  if (!warrantyEnd || contractId || warrantyEnd < day) return null
  const due = addCalendarDays(warrantyEnd, -WARRANTY_REMINDER_DAYS)
  return due < day ? day : due
}

async function columnsFor(ctx: ServiceContext, db: Db, f: AssetFields, day: string): Promise<InsertColumns<'assets'>> {
  const company = await db.selectFrom('companies').select(['id', 'owner_id']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  let warrantyMonths = 0
  if (f.productId) {
    const product = await db.selectFrom('products').select('warranty_months').where('id', '=', f.productId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!product) throw fieldError('productId', 'errors.invalidChoice')
    warrantyMonths = product.warranty_months
  }
  if (f.contractId) {
    const contract = await db.selectFrom('contracts').select('company_id').where('id', '=', f.contractId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contract?.company_id !== f.companyId) throw fieldError('contractId', 'errors.contractNotOfCompany')
  }
  const warrantyEnd = f.warrantyEnd || warrantyEndFor(f.installedOn || f.deliveredOn || null, warrantyMonths)
  return {
    company_id: f.companyId, product_id: f.productId || null, name: f.name, serial_number: f.serialNumber, site: f.site, delivered_on: f.deliveredOn || null,
    installed_on: f.installedOn || null, warranty_end: warrantyEnd, contract_id: f.contractId || null, notes: f.notes, owner_id: company.owner_id || ctx.userId,
    warranty_reminder_due: warrantyReminder(warrantyEnd, f.contractId || null, day),
  }
}

export async function createAsset(ctx: ServiceContext, f: AssetFields): Promise<Asset> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, 'assets', { id, ...(await columnsFor(ctx, trx, f, today(ctx))), warranty_reminder_done_at: null }, now)
  })
  return getAsset(ctx, id)
}

export async function updateAsset(ctx: ServiceContext, id: string, f: AssetFields): Promise<Asset> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('assets').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!before) throw new AppError('not_found', 'errors.notFound')
    if (before.company_id !== f.companyId) throw fieldError('companyId', 'errors.companyFixed')
    const columns = await columnsFor(ctx, trx, f, today(ctx))
    // A reminder already done stays done unless the warranty end moved.
    if (before.warranty_end === columns.warranty_end && before.contract_id === columns.contract_id) delete columns.warranty_reminder_due
    else columns.warranty_reminder_done_at = null
    await updateSynced(trx, 'assets', id, columns, now)
  })
  return getAsset(ctx, id)
}

export async function getAsset(ctx: ServiceContext, id: string): Promise<Asset> {
  const [asset] = await assetsWhere(ctx, 'id', id)
  if (!asset) throw new AppError('not_found', 'errors.notFound')
  return asset
}

export const listAssets = (ctx: ServiceContext, companyId: string): Promise<Asset[]> => assetsWhere(ctx, 'company_id', companyId)

async function assetsWhere(ctx: ServiceContext, column: 'id' | 'company_id', value: string): Promise<Asset[]> {
  const rows = await ctx.db.selectFrom('assets as a').innerJoin('companies as c', 'c.id', 'a.company_id').leftJoin('contracts as k', 'k.id', 'a.contract_id')
    .selectAll('a').select(['c.name as company_name', 'k.number as contract_number'])
    .where(`a.${column}`, '=', value).where('a.deleted_at', 'is', null).orderBy('a.name').limit(1000).execute()
  return rows.map((a) => ({
    id: a.id, companyId: a.company_id, companyName: a.company_name, productId: a.product_id ?? '', name: a.name, serialNumber: a.serial_number, site: a.site,
    deliveredOn: a.delivered_on, installedOn: a.installed_on, warrantyEnd: a.warranty_end, contractId: a.contract_id ?? '', contractNumber: a.contract_number ?? '', notes: a.notes,
    warrantyReminderDue: a.warranty_reminder_done_at ? null : a.warranty_reminder_due,
  }))
}
