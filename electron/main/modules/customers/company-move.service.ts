// Moving a company to another team (issue 18): one synced write of its `team_id`. The rights guard lets only
// managers and admins make it (`companies.move`); the sync server checks the same, writes evictions for the old
// team's laptops and takes everything hanging off the company along (docs/sync.md, Scopes).
import { updateSynced } from '../../../../db/platform/synced-writes'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'

export async function companyTeam(ctx: ServiceContext, id: string): Promise<{ teamId: string }> {
  const row = await ctx.db.selectFrom('companies').select('team_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return { teamId: row.team_id }
}

export async function moveCompanyToTeam(ctx: ServiceContext, id: string, teamId: string): Promise<{ id: string; teamId: string }> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('companies').select('team_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('not_found', 'errors.notFound')
    if (row.team_id === teamId) throw fieldError('teamId', 'errors.companySameTeam')
    await updateSynced(trx, 'companies', id, { team_id: teamId }, now)
    return { id, teamId }
  })
}
