// The journey over time: a customer's stays at the stations (the station line on the customer page) and the journey
// map report. Both read the recorded changes (journey_changes) and compute with shared/modules/journey's rules.
import { companyJourneyChanges, filteredCurrentStations, filteredJourneyHistories, type JourneyChangeRow } from '../../../../db/modules/journey'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { journeyMapOf, staysOf, unpackHistory, type JourneyEntry, type JourneyHistory, type JourneyMap, type JourneyMapQuery } from '../../../../shared/modules/journey'
import { todayOf, type ServiceContext } from '../../platform/context'

const entryOf = (row: Omit<JourneyChangeRow, 'company_id'>): JourneyEntry => ({ station: row.station, reason: row.reason, status: row.status, day: row.changed_on })

/**
 * A customer's stays. Before anything was recorded for them (a customer from before the history, whose station has
 * not changed since), the one stay is their stored station since the day they were made.
 */
export async function journeyHistory(ctx: ServiceContext, companyId: string): Promise<JourneyHistory> {
  const { changes, company } = await companyJourneyChanges(ctx.db, companyId)
  if (!company) throw new AppError('not_found', 'errors.notFound')
  const today = todayOf(ctx)
  if (changes.length > 0) return { companyId, stays: staysOf(changes.map(entryOf), today), derivedStart: false }
  const start: JourneyEntry = { station: company.station ?? null, reason: company.reason ?? 'status', status: company.status, day: berlinDay(company.created_at) }
  return { companyId, stays: staysOf([start], today), derivedStart: true }
}

async function checkFilters(ctx: ServiceContext, q: JourneyMapQuery): Promise<void> {
  if (q.ownerId && !(await ctx.db.selectFrom('users').select('id').where('id', '=', q.ownerId).executeTakeFirst())) throw fieldError('ownerId', 'errors.journeyMapOwnerUnknown')
  if (q.personaId && !(await ctx.db.selectFrom('personas').select('id').where('id', '=', q.personaId).where('deleted_at', 'is', null).executeTakeFirst())) {
    throw fieldError('personaId', 'errors.journeyMapPersonaUnknown')
  }
}

/** The journey map of a period for the companies the filters select (docs/journey-history.md, "Definitions"). */
export async function journeyMap(ctx: ServiceContext, q: JourneyMapQuery): Promise<JourneyMap> {
  await checkFilters(ctx, q)
  const [packed, current] = await Promise.all([filteredJourneyHistories(ctx.db, q, q.to), filteredCurrentStations(ctx.db, q)])
  const histories = packed.map(unpackHistory)
  return journeyMapOf(histories, current.map((c) => c.station), q.from, q.to)
}
