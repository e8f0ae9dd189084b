// The retention review: companies whose last activity lies further back than their kind's period
// (prospects, former customers; customers are never due while they are customers), the decision "behalten
// bis …" kept on the device, and the day the review was last completed. Deleting is the user's own action
// on the company (or "Person löschen (DSGVO)" for a contact); nothing here deletes.
import { sql } from 'kysely'
import { readSettings, writeSetting } from '../../../../db/platform/local.repository'
import { retentionSettingsSchema, type RetentionItem, type RetentionReview, type RetentionSettings } from '../../../../shared/modules/customers/retention.schema'
import { todayOf, type ServiceContext } from '../../platform/context'

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const year = y + years
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return `${year}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 && !leap ? 28 : d).padStart(2, '0')}`
}

const SETTINGS_KEY = 'retention.settings'
const KEPT_KEY = 'retention.kept'
const REVIEWED_KEY = 'retention.reviewedOn'

function parsed<T>(raw: string | undefined, fallback: T): T {
  try {
    return raw ? (JSON.parse(raw) as T) : fallback
  } catch {
    return fallback
  }
}

export async function retentionSettings(ctx: ServiceContext): Promise<RetentionSettings> {
  const result = retentionSettingsSchema.safeParse(parsed((await readSettings(ctx.db))[SETTINGS_KEY], {}))
  return result.success ? result.data : retentionSettingsSchema.parse({})
}

export async function listRetentionDue(ctx: ServiceContext): Promise<RetentionReview> {
  const all = await readSettings(ctx.db)
  const settings = await retentionSettings(ctx)
  const kept = parsed<Record<string, string>>(all[KEPT_KEY], {})
  const today = todayOf(ctx)
  const latest = (table: 'touchpoints' | 'offers' | 'contracts' | 'cases', column: string) =>
    sql<string | null>`(select max(substr(${sql.ref(`x.${column}`)}, 1, 10)) from ${sql.table(table)} x where x.company_id = c.id and x.deleted_at is null)`
  const rows = await ctx.db.selectFrom('companies as c')
    .select(['c.id', 'c.name', 'c.customer_number', 'c.status', 'c.created_at'])
    .select([
      // Synced domain dates only: `updated_at` is local bookkeeping that every pull resets.
      latest('touchpoints', 'occurred_at').as('touchpoint'), latest('offers', 'offer_date').as('offer'),
      latest('contracts', 'end_date').as('contract'), latest('cases', 'received_at').as('case_day'),
      sql<number>`(select count(*) from contacts k where k.company_id = c.id and k.deleted_at is null)`.as('contacts'),
    ])
    .where('c.deleted_at', 'is', null).where('c.status', 'in', ['prospect', 'former']).execute()
  const items: RetentionItem[] = []
  for (const r of rows) {
    const lastActivity = [r.created_at.slice(0, 10), r.touchpoint, r.offer, r.contract, r.case_day].filter((d): d is string => Boolean(d)).sort().at(-1)!
    const dueSince = addYears(lastActivity, r.status === 'prospect' ? settings.prospectYears : settings.formerYears)
    if (dueSince > today || (kept[r.id] ?? '') >= today) continue
    items.push({ id: r.id, name: r.name, customerNumber: r.customer_number, status: r.status, lastActivity, dueSince, contacts: Number(r.contacts) })
  }
  items.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.name.localeCompare(b.name, 'de'))
  return { settings, today, items, lastReviewedOn: all[REVIEWED_KEY] ?? null }
}

export async function saveRetentionSettings(ctx: ServiceContext, settings: RetentionSettings): Promise<RetentionReview> {
  await writeSetting(ctx.db, SETTINGS_KEY, JSON.stringify(settings))
  return listRetentionDue(ctx)
}

/** "Behalten": not listed again before `until`. */
export async function keepCompany(ctx: ServiceContext, id: string, until: string): Promise<RetentionReview> {
  const kept = parsed<Record<string, string>>((await readSettings(ctx.db))[KEPT_KEY], {})
  kept[id] = until
  await writeSetting(ctx.db, KEPT_KEY, JSON.stringify(kept))
  return listRetentionDue(ctx)
}

/** "Prüfung abgeschlossen": the monthly review is done for today. */
export async function completeReview(ctx: ServiceContext): Promise<RetentionReview> {
  await writeSetting(ctx.db, REVIEWED_KEY, todayOf(ctx))
  return listRetentionDue(ctx)
}
