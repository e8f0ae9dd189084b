// Keeps company_health and health_history current: the company refresh hook (in the transaction that changed a
// fact), the full recompute (a changed setting, a new day) — both set-based, one facts query per chunk and one
// upsert per table and chunk. Each company is scored with its own team's settings (or the defaults).
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../database.types'
import type { CompanyRefreshHook } from '../customers'
import { DEFAULT_HEALTH_SETTINGS, healthScore, readHealthSettings, type ComponentResult, type HealthFacts, type HealthSettings } from '../../../shared/modules/success'
import { berlinDay } from '../../../shared/platform/berlin-time'
import { formatDay, parseDate, weekday } from '../../../shared/platform/calendar/calendar-days'
import { healthFacts } from './health.facts'

const HEALTH_KEY = 'health'
/** Companies per facts query and upsert (7 values a row stay far below SQLite's bound-parameter limit). */
export const HEALTH_CHUNK = 500

/**
 * What the components column keeps: the facts and each component's points (rounded), small enough for 20,000
 * rows a recompute; the page derives weights and reasons from them with the team's settings (healthComponents).
 */
const storedComponents = (facts: HealthFacts, components: readonly ComponentResult[]): string =>
  JSON.stringify({ facts, points: Object.fromEntries(components.map((c) => [c.component, c.points === null ? null : Math.round(c.points)])) })

/** The Monday of the Berlin week of `now`: the key of the weekly history. */
export function weekOf(now: string): string {
  const n = parseDate(berlinDay(now))
  return formatDay(n - ((weekday(n) + 6) % 7))
}

/** Every team's health settings by team id; a team without a row gets the defaults. */
export async function healthSettingsByTeam(trx: Transaction<Database>): Promise<(teamId: string) => HealthSettings> {
  const rows = await trx.selectFrom('team_settings').select(['team_id', 'value']).where('key', '=', HEALTH_KEY).where('deleted_at', 'is', null).execute()
  const byTeam = new Map(rows.map((r) => [r.team_id, readHealthSettings(r.value)]))
  return (teamId) => byTeam.get(teamId) ?? DEFAULT_HEALTH_SETTINGS
}

/** Scores the companies and stores score, light, reasons, components and this week's value. */
export async function refreshHealth(trx: Transaction<Database>, companyIds: readonly string[], now: string): Promise<void> {
  if (companyIds.length === 0) return
  const settingsOf = await healthSettingsByTeam(trx)
  const week = weekOf(now)
  for (let i = 0; i < companyIds.length; i += HEALTH_CHUNK) {
    const rows = await healthFacts(trx, companyIds.slice(i, i + HEALTH_CHUNK), now)
    if (rows.length === 0) continue
    const scored = rows.map(({ companyId, teamId, facts }) => ({ companyId, facts, result: healthScore(facts, settingsOf(teamId)) }))
    await trx.insertInto('company_health')
      .values(scored.map(({ companyId, facts, result }) => ({
        company_id: companyId, score: result.score, light: result.light, reasons: JSON.stringify(result.reasons),
        components: storedComponents(facts, result.components), computed_at: now,
      })))
      .onConflict((oc) => oc.column('company_id').doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'), light: eb.ref('excluded.light'), reasons: eb.ref('excluded.reasons'),
        components: eb.ref('excluded.components'), computed_at: eb.ref('excluded.computed_at'),
      })))
      .execute()
    await trx.insertInto('health_history')
      .values(scored.map(({ companyId, result }) => ({ company_id: companyId, week, score: result.score })))
      .onConflict((oc) => oc.columns(['company_id', 'week']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score') })))
      .execute()
  }
}

/** The company refresh hook: the score follows its facts in the same transaction, whatever the origin. */
export const HEALTH_REFRESH_HOOK: CompanyRefreshHook = (trx, companyIds, now) => refreshHealth(trx, companyIds, now)

/** Recomputes every live company's score (a changed setting, a new day) and drops the rows of companies that are gone. */
export async function recomputeAllHealth(trx: Transaction<Database>, now: string): Promise<number> {
  const ids = (await trx.selectFrom('companies').select('id').where('deleted_at', 'is', null).execute()).map((r) => r.id)
  await refreshHealth(trx, ids, now)
  await sql`delete from company_health where company_id not in (select id from companies where deleted_at is null)`.execute(trx)
  await sql`delete from health_history where company_id not in (select id from companies where deleted_at is null)`.execute(trx)
  return ids.length
}
