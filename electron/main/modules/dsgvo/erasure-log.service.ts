// The erasure log for managers (DSGVO accountability): who erased which record and when, from the synced
// `erasures` rows — ids, the company and the employee, never a name of the erased person.
import { isOneOf } from '../../../../shared/platform/value-lists'
import { OFFER_DECISIONS, type ErasureLog } from '../../../../shared/modules/dsgvo'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'

/**
 * The device's role is its sync user's (the server decides it at login). A device connected as a rep
 * may not read the log; a device without a server has one user, who sees their own erasures.
 */
export async function logAccess(ctx: ServiceContext): Promise<ErasureLog['access']> {
  const row = await ctx.db.selectFrom('sync_state').select('value').where('key', '=', 'user').executeTakeFirst()
  if (!row) return 'standalone'
  const role: unknown = (JSON.parse(row.value) as { role?: unknown }).role
  if (role === 'manager' || role === 'admin') return 'manager'
  throw new AppError('forbidden', 'dsgvo.errors.managersOnly')
}

export async function listErasures(ctx: ServiceContext): Promise<ErasureLog> {
  const mode = await logAccess(ctx)
  const rows = await ctx.db.selectFrom('erasures as e')
    .leftJoin('companies as c', 'c.id', 'e.company_id')
    .leftJoin('users as u', 'u.id', 'e.erased_by')
    .select(['e.id', 'e.row_id', 'e.table_name', 'e.company_id', 'c.name as company_name', 'e.erased_by', 'u.display_name', 'e.erased_at', 'e.offer_decision', 'e.server_version'])
    .where('e.deleted_at', 'is', null).orderBy('e.erased_at', 'desc').limit(1000).execute()
  return {
    access: mode,
    entries: rows.map((r) => ({
      id: r.id, rowId: r.row_id, tableName: r.table_name, companyId: r.company_id, companyName: r.company_name ?? '',
      erasedBy: r.erased_by, erasedByName: r.display_name ?? (r.erased_by === ctx.userId ? ctx.userName : ''), erasedAt: r.erased_at,
      offerDecision: isOneOf(OFFER_DECISIONS, r.offer_decision) ? r.offer_decision : '', pending: r.server_version === null,
    })),
  }
}
