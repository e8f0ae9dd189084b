// Realistic German demo data, written through the same synced path as user edits (so it syncs too).
import { insertUser } from '../../../db/repositories/local.repository'
import { newId } from '../../../db/ids'
import { insertSynced } from '../../../db/sync/synced-writes'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS, LEAD_SOURCES, SEGMENTS, TOUCHPOINT_CHANNELS } from '../../../shared/domain/customers/customer.enums'
import { STATIONS } from '../../../shared/domain/journey/journey.stations'
import { nowIso, type ServiceContext } from './context'
import * as de from './demo-data.german'
import { refreshJourney } from './journey.service'

export interface DemoSize {
  companies: number
  contactsPerCompany: number
  touchpointsPerCompany: number
}

export const DEMO_SIZES = {
  small: { companies: 60, contactsPerCompany: 3, touchpointsPerCompany: 6 },
  large: { companies: 20_000, contactsPerCompany: 3, touchpointsPerCompany: 10 },
} satisfies Record<string, DemoSize>

/** mulberry32: a small seeded PRNG, so the same seed gives the same demo data. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}

const REPS = [
  { display_name: 'Anna Schneider', email: 'a.schneider@kundenreise.example', role: 'field_sales' },
  { display_name: 'Jan Petersen', email: 'j.petersen@kundenreise.example', role: 'field_sales' },
  { display_name: 'Mehmet Yılmaz', email: 'm.yilmaz@kundenreise.example', role: 'inside_sales' },
  { display_name: 'Ulrike Hahn', email: 'u.hahn@kundenreise.example', role: 'service' },
]

const BATCH = 500

export async function loadDemoData(
  ctx: ServiceContext,
  size: DemoSize,
  options: { seed?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ companies: number; contacts: number; touchpoints: number }> {
  const rnd = random(options.seed ?? 2017)
  const now = nowIso(ctx)
  const nowMs = ctx.clock().getTime()

  const userIds = REPS.map(() => newId())
  const personaIds = de.PERSONAS.map(() => newId())
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, rep] of REPS.entries()) await insertUser(trx, { id: userIds[i]!, ...rep })
    for (const [i, p] of de.PERSONAS.entries()) {
      await insertSynced(trx, 'personas', {
        id: personaIds[i]!, name: p.name, motto: p.motto, job_function: p.jobFunction, worries: p.worries,
        why_goals: p.whyGoals, language_style: p.languageStyle, information_channels: p.informationChannels,
        former_customer: 'unknown',
      }, now)
    }
  })

  let contacts = 0
  let touchpoints = 0
  const numberBase = 10_000 + rnd.int(0, 9) * 10_000
  for (let start = 0; start < size.companies; start += BATCH) {
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + BATCH, size.companies); i++) {
        const place = rnd.pick(de.PLACES)
        const name = rnd.next() < 0.3
          ? `${rnd.pick(de.FAMILY_PREFIX)} ${rnd.pick(de.NAME_TRADES)} ${rnd.pick(de.LEGAL_FORMS)}`
          : `${rnd.pick(de.NAME_STEMS)} ${rnd.pick(de.NAME_TRADES)} ${rnd.pick(de.LEGAL_FORMS)}`
        const roll = rnd.next()
        const status = roll < 0.55 ? 'customer' : roll < 0.9 ? 'prospect' : 'former'
        const companyId = newId()
        await insertSynced(trx, 'companies', {
          id: companyId, name, customer_number: `K-${numberBase + i}`,
          street: `${rnd.pick(de.STREETS)} ${rnd.int(1, 180)}`, postal_code: place.postalCode, city: place.city,
          federal_state: place.state, industry: rnd.pick(de.INDUSTRIES), segment: rnd.pick(SEGMENTS), status,
          owner_id: rnd.pick(userIds), lead_source: rnd.pick(LEAD_SOURCES), notes: '',
        }, now)

        const contactIds: string[] = []
        for (let c = 0; c < size.contactsPerCompany; c++) {
          const female = rnd.next() < 0.45
          const role = c === 0 ? 'decision_maker' : rnd.pick(BUYING_ROLES)
          const lastName = rnd.pick(de.LAST_NAMES)
          const id = newId()
          contactIds.push(id)
          await insertSynced(trx, 'contacts', {
            id, company_id: companyId, salutation: female ? 'ms' : 'mr', title: rnd.pick(de.TITLES),
            first_name: rnd.pick(female ? de.FIRST_NAMES_F : de.FIRST_NAMES_M), last_name: lastName,
            job_function: rnd.pick(de.JOB_FUNCTIONS[role] ?? ['']),
            email: `${lastName.toLowerCase().replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ä/g, 'ae').replace(/ß/g, 'ss')}${c}@firma${i}.example`,
            phone: `+49 ${rnd.int(30, 911)} ${rnd.int(100000, 9999999)}`, mobile: '', language: rnd.next() < 0.08 ? 'en' : 'de',
            buying_role: role, attitude: rnd.pick(ATTITUDES), influence: rnd.pick(INFLUENCE_LEVELS),
            worries: rnd.pick(de.WORRIES), goals: rnd.pick(de.GOALS),
            persona_id: rnd.next() < 0.4 ? rnd.pick(personaIds) : null, notes: '',
          }, now)
        }
        contacts += contactIds.length

        for (let t = 0; t < size.touchpointsPerCompany; t++) {
          const station = status === 'prospect' ? 'offer' : rnd.pick(STATIONS)
          await insertSynced(trx, 'touchpoints', {
            id: newId(), company_id: companyId, contact_id: rnd.next() < 0.8 ? rnd.pick(contactIds) : null,
            // A working day between 07:00 and 17:00 UTC (08:00–19:00 German time).
            occurred_at: new Date(Math.floor(nowMs / 86_400_000 - rnd.int(1, 730)) * 86_400_000 + rnd.int(7 * 60, 17 * 60) * 60_000).toISOString(),
            channel: rnd.pick(TOUCHPOINT_CHANNELS), direction: rnd.next() < 0.5 ? 'inbound' : 'outbound',
            mode: rnd.next() < 0.85 ? 'direct' : 'indirect', station,
            summary: rnd.pick(de.TOUCHPOINT_NOTES[station] ?? ['Gespräch geführt']), created_by: rnd.pick(userIds),
          }, now)
        }
        touchpoints += size.touchpointsPerCompany
        await refreshJourney(trx, companyId, now)
      }
    })
    options.onProgress?.(Math.min(start + BATCH, size.companies), size.companies)
  }
  return { companies: size.companies, contacts, touchpoints }
}
