// The Customer Health Score for the app: a company's score with its components and weekly history, the team's
// settings (read by everyone, changed by a manager or an admin, synced with the team; a change recomputes every
// score of the team in the same transaction), and the daily recompute when the Berlin day moved on.
import { sql } from 'kysely'
import type { ServiceContext } from '../../platform/context'
import { nowIso, todayOf } from '../../platform/context'
import { readTeamSetting, recomputeAllHealth, refreshHealth, teamSettingsEditor, writeTeamSetting } from '../../../../db/modules/success'
import {
  healthComponents, readHealthSettings, type CompanyHealth, type HealthFacts, type HealthReason, type HealthSettings, type HealthSettingsView,
} from '../../../../shared/modules/success'
import { AppError } from '../../../../shared/platform/result'

/** Weeks of history the company page shows (a year). */
export const HEALTH_HISTORY_WEEKS = 53

export async function getHealth(ctx: ServiceContext, input: { companyId: string }): Promise<CompanyHealth> {
  const company = await ctx.db.selectFrom('companies').select(['id', 'team_id']).where('id', '=', input.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw new AppError('not_found', 'errors.notFound')
  const row = await ctx.db.selectFrom('company_health').selectAll().where('company_id', '=', input.companyId).executeTakeFirst()
  const history = await ctx.db.selectFrom('health_history').select(['week', 'score']).where('company_id', '=', input.companyId)
    .orderBy('week', 'desc').limit(HEALTH_HISTORY_WEEKS).execute()
  const stored = row ? (JSON.parse(row.components) as { facts: HealthFacts }) : null
  // Weights and reasons per component from the stored facts and the company's team settings (the score was
  // computed from the same; a change of the settings recomputes it).
  const settings = readHealthSettings(await readTeamSetting(ctx.db, company.team_id, 'health'))
  return {
    companyId: input.companyId,
    score: row?.score ?? null,
    light: row?.light ?? null,
    reasons: row ? (JSON.parse(row.reasons) as HealthReason[]) : [],
    components: stored ? healthComponents(stored.facts, settings) : [],
    facts: stored?.facts ?? null,
    computedAt: row?.computed_at ?? null,
    history: history.reverse(),
  }
}

/**
 * The team's settings and whether the user may change them: a manager or an admin, or the single user of a device
 * never connected to a sync server (the same rule as the team's rules and the early-warning rules).
 */
export async function getHealthSettings(ctx: ServiceContext): Promise<HealthSettingsView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  const stored = await readTeamSetting(ctx.db, editor.teamId, 'health')
  return { settings: readHealthSettings(stored), canEdit: editor.canEdit, teamId: editor.teamId, custom: stored !== null }
}

/** Saves the team's settings (already checked by the channel's schema) and recomputes every score. */
export async function updateHealthSettings(ctx: ServiceContext, settings: HealthSettings): Promise<HealthSettingsView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  if (!editor.canEdit) throw new AppError('forbidden', 'errors.healthNotAllowed')
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    if (await writeTeamSetting(trx, editor.teamId, 'health', JSON.stringify(settings), now)) await recomputeAllHealth(trx, now)
  })
  return getHealthSettings(ctx)
}

const COMPUTED_DAY = 'health.computedDay'

/**
 * Date-dependent parts (days since a touchpoint, to a cancel-by date, overdue cases) change every day: when the
 * Berlin day moved on since the last full recompute, recompute all, a chunk per transaction so the UI's own
 * writes get in between. Answers the number of companies scored (0 when today's recompute already ran).
 */
export async function recomputeHealthIfNewDay(ctx: ServiceContext): Promise<number> {
  const today = todayOf(ctx)
  const seen = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', COMPUTED_DAY).executeTakeFirst()
  if (seen?.value === today) return 0
  return recomputeHealthInChunks(ctx, today)
}

async function recomputeHealthInChunks(ctx: ServiceContext, today: string): Promise<number> {
  const now = nowIso(ctx)
  const ids = (await ctx.db.selectFrom('companies').select('id').where('deleted_at', 'is', null).execute()).map((r) => r.id)
  for (let i = 0; i < ids.length; i += 2000) {
    await ctx.db.transaction().execute((trx) => refreshHealth(trx, ids.slice(i, i + 2000), now))
    // Let the event loop answer the renderer between chunks.
    await new Promise((resolve) => setImmediate(resolve))
  }
  await ctx.db.transaction().execute(async (trx) => {
    await sql`delete from company_health where company_id not in (select id from companies where deleted_at is null)`.execute(trx)
    await trx.insertInto('app_settings').values({ key: COMPUTED_DAY, value: today }).onConflict((oc) => oc.column('key').doUpdateSet({ value: today })).execute()
  })
  return ids.length
}
