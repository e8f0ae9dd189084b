// Demo leads (issue 19) for the large set: 20,000 leads of two years as marketing automation posts them — each with
// a scoring history of the documents' activities (a download 10, a survey answer 20, an opened mail 10, a webinar
// click 30, a visit of the price page 15) whose points sum to its score, six sources with their campaigns, and
// their decisions: older leads mostly converted into one of the set's companies (decided 1 to 96 hours after they
// arrived) or rejected with a reason, the last weeks' leads still new (in the inbox or, below 50 points, Marketing-
// Leads). They are written as a pull writes them (acknowledged by the server, nothing in the outbox): leads come
// from the server, never from a laptop. A set seeded before leads existed gets them added (the bench does that).
import type { Insertable, Kysely } from 'kysely'
import { leadId, type LeadTable } from '../../../../db/modules/leads'
import type { Database } from '../../../../db/database.types'
import { LEAD_REJECT_REASONS, type LeadEvent } from '../../../../shared/modules/leads'
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, NAME_STEMS, NAME_TRADES, LEGAL_FORMS } from './demo-data.german'
import { random } from './demo-data.random'

export const DEMO_LEADS_LARGE = 20_000

const SOURCES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['webinar', ['Prüftechnik kompakt', 'Energie sparen im Werk']],
  ['messe', ['Hannover Messe', 'SPS Nürnberg', 'Motek']],
  ['website', ['']],
  ['whitepaper', ['Wartung planen', 'Ausschuss halbieren']],
  ['newsletter', ['Frühjahr', 'Herbst']],
  ['partner', ['']],
]
const ACTIVITIES: ReadonlyArray<readonly [string, number]> = [
  ['Whitepaper heruntergeladen', 10], ['Umfrage beantwortet', 20], ['Mailing geöffnet', 10], ['Webinar-Link geklickt', 30], ['Preisseite besucht', 15],
]
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Adds `count` demo leads (none when the database holds leads already); answers how many it wrote. */
export async function addDemoLeads(db: Kysely<Database>, count: number, nowMs: number): Promise<number> {
  const known = await db.selectFrom('leads').select('id').limit(1).executeTakeFirst()
  if (known || count <= 0) return 0
  const companies = (await db.selectFrom('companies').select('id').where('deleted_at', 'is', null).orderBy('local_seq').execute()).map((c) => c.id)
  const users = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id)
  const rnd = random(1919)
  const rows: Array<Insertable<LeadTable>> = []
  for (let i = 0; i < count; i++) {
    // Arrivals over two years, more of them recently; the last three weeks' leads are still open.
    const ageDays = Math.floor(730 * rnd.next() ** 1.6)
    const receivedMs = nowMs - ageDays * DAY - rnd.int(0, 23) * HOUR
    const events: LeadEvent[] = []
    let score = 0
    const steps = rnd.int(1, 8)
    for (let k = steps - 1; k >= 0; k--) {
      const [activity, points] = rnd.pick(ACTIVITIES)
      events.push({ at: new Date(receivedMs - k * 2 * DAY - rnd.int(0, 600) * 60_000).toISOString(), activity, points })
      score += points
    }
    const [source, campaigns] = rnd.pick(SOURCES)
    const female = rnd.next() < 0.5
    const first = rnd.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)
    const last = rnd.pick(LAST_NAMES)
    const company = `${rnd.pick(NAME_STEMS)} ${rnd.pick(NAME_TRADES)} ${rnd.pick(LEGAL_FORMS)}`
    const open = ageDays < 21 || score < 50
    const fate = rnd.next()
    const status = open ? 'new' as const : fate < 0.55 && companies.length > 0 ? 'converted' as const : 'rejected' as const
    const decidedAt = status === 'new' ? null : new Date(receivedMs + rnd.int(1, 96) * HOUR).toISOString()
    const received = new Date(receivedMs).toISOString()
    const externalId = `demo-${i}`
    rows.push({
      id: leadId('demo-marketing', externalId), created_at: received, updated_at: received, server_version: 1, deleted_at: null,
      external_id: externalId, integration: 'Marketing Automation', source, campaign: rnd.pick(campaigns), first_name: first, last_name: last,
      email: `${first}.${last}.${i}@example.de`.toLowerCase(), phone: i % 3 === 0 ? `+49 40 ${100000 + i}` : null, company_name: company,
      score, events: JSON.stringify(events), consent_given: 1 as const, consent_at: received, received_at: received, status,
      reject_reason: status === 'rejected' ? rnd.pick(LEAD_REJECT_REASONS) : null,
      converted_company_id: status === 'converted' ? companies[i % companies.length]! : null, contact_id: null,
      decided_by: status === 'new' ? null : (users[i % Math.max(1, users.length)] ?? null), decided_at: decidedAt,
    })
  }
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 200) await trx.insertInto('leads').values(rows.slice(start, start + 200)).execute()
  })
  return rows.length
}
