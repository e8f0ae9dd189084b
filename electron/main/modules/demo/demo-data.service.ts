// Realistic German demo data, written through the same synced path as user edits. The app writes it only
// into the demo database (demo-database.ts); `npm run seed` also into a file of its own for benchmarks.
import { insertUser } from '../../../../db/platform/local.repository'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS, LEAD_SOURCES, SEGMENTS, TOUCHPOINT_CHANNELS } from '../../../../shared/modules/customers'
import { STATIONS } from '../../../../shared/modules/customers'
import { nowIso, type ServiceContext } from '../../platform/context'
import * as de from './demo-data.german'
import { refreshJourney } from '../customers'
import { computeOfferTotals } from '../../../../shared/platform/line-item-totals'
import { demoContract } from './demo-data.contracts'
import { day, random } from './demo-data.random'
import { demoFeedback, demoUsePhase } from './demo-data.use-phase'
import { demoPromises } from './demo-data.promises'
import { demoPlanning } from './demo-data.planning'
import { demoErp } from './demo-data.erp'
import { demoJourneyFor } from './demo-data.journey'
import { isClosedOffer } from '../../../../shared/modules/offers'

export interface DemoSize {
  companies: number
  contactsPerCompany: number
  touchpointsPerCompany: number
  offersPerCompany: number
  /** Every n-th company has a contract (its customer, or a former customer who cancelled). */
  contractEvery: number
}

export const DEMO_SIZES = {
  small: { companies: 60, contactsPerCompany: 3, touchpointsPerCompany: 6, offersPerCompany: 2, contractEvery: 2 },
  large: { companies: 20_000, contactsPerCompany: 3, touchpointsPerCompany: 10, offersPerCompany: 5, contractEvery: 2 },
  /** Five times the large set, for the bench's growth figures (issue 20: no list may grow more than 2× for 5× the data). */
  large5x: { companies: 100_000, contactsPerCompany: 3, touchpointsPerCompany: 10, offersPerCompany: 5, contractEvery: 2 },
} satisfies Record<string, DemoSize>

const PRODUCTS: Array<[string, string, string, number, 19 | 7, number]> = [
  ['PS-200', 'Prüfstand PS-200', 'Stück', 1499_99, 19, 24], ['PS-400', 'Prüfstand PS-400 mit Datenlogger', 'Stück', 3890_00, 19, 24],
  ['SE-10', 'Sensorkit Temperatur/Druck', 'Stück', 289_50, 19, 12], ['MO-1', 'Montage vor Ort', 'Stunde', 98_00, 19, 0],
  ['IN-1', 'Inbetriebnahme und Einweisung', 'Tag', 890_00, 19, 0], ['SC-1', 'Schulung Bedienpersonal', 'Tag', 1150_00, 19, 0],
  ['WV-12', 'Wartungsvertrag 12 Monate', 'Pauschale', 1200_00, 19, 0], ['SW-L', 'Auswertungssoftware, Lizenz', 'Lizenz', 640_00, 19, 12],
  ['ET-5', 'Ersatzteilpaket Verschleißteile', 'Stück', 415_00, 19, 6], ['FB-1', 'Fachbuch Prüftechnik', 'Stück', 49_90, 7, 0],
]
const LOST = ['price', 'price', 'price', 'competitor', 'competitor', 'timing', 'no_budget', 'no_decision', 'requirements', 'relationship', 'other'] as const
const COMPETITORS = ['Hansa Prüftechnik', 'Südmess GmbH', 'Rheinsensor AG', 'Elbtal Instruments']

const REPS = [
  { display_name: 'Anna Schneider', email: 'a.schneider@kundenreise.example', role: 'field_sales' },
  { display_name: 'Jan Petersen', email: 'j.petersen@kundenreise.example', role: 'field_sales' },
  { display_name: 'Mehmet Yılmaz', email: 'm.yilmaz@kundenreise.example', role: 'inside_sales' },
  { display_name: 'Ulrike Hahn', email: 'u.hahn@kundenreise.example', role: 'service' },
]

const BATCH = 500

/**
 * The device code of every number the demo data gives (A-2026-DEMO0-0001). A real device code is five
 * Crockford base-32 characters, which never contain an O, so a demo number can never equal a real one.
 */
export const DEMO_DEVICE_CODE = 'DEMO0'

export async function loadDemoData(
  ctx: ServiceContext,
  size: DemoSize,
  options: { seed?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ companies: number; contacts: number; touchpoints: number; offers: number; contracts: number; assets: number; cases: number; referrals: number; tasks: number; appointments: number; journeyChanges: number }> {
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

  const productIds = PRODUCTS.map(() => newId())
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, [sku, name, unit, price, vat, warranty]] of PRODUCTS.entries()) {
      await insertSynced(trx, 'products', { id: productIds[i]!, sku, name, description: '', unit, list_price_cents: price, vat_rate: vat, warranty_months: warranty, active: 1 }, now)
    }
  })
  const device = DEMO_DEVICE_CODE
  let offerNumber = 0
  let contractNumber = 0
  let contracts = 0
  let caseNumber = 0
  const used = { assets: 0, cases: 0, referrals: 0, tasks: 0, appointments: 0, journeyChanges: 0 }
  const prospects: string[] = []
  const warrantyProducts = PRODUCTS.map(([, name, , , , warrantyMonths], i) => ({ id: productIds[i]!, name, warrantyMonths })).filter((p) => p.warrantyMonths > 0)

  let contacts = 0
  let touchpoints = 0
  let offers = 0
  const numberBase = 10_000 + rnd.int(0, 9) * 10_000
  for (let start = 0; start < size.companies; start += BATCH) {
    await ctx.db.transaction().execute(async (trx) => {
      const batch: Array<{ id: string; n: number }> = []
      for (let i = start; i < Math.min(start + BATCH, size.companies); i++) {
        const place = rnd.pick(de.PLACES)
        const name = rnd.next() < 0.3
          ? `${rnd.pick(de.FAMILY_PREFIX)} ${rnd.pick(de.NAME_TRADES)} ${rnd.pick(de.LEGAL_FORMS)}`
          : `${rnd.pick(de.NAME_STEMS)} ${rnd.pick(de.NAME_TRADES)} ${rnd.pick(de.LEGAL_FORMS)}`
        const roll = rnd.next()
        const withContract = i % size.contractEvery === 0
        // A company with a contract is a customer, or a former one who cancelled it.
        const status = roll < 0.55 ? 'customer' : roll < 0.9 ? (withContract ? 'customer' : 'prospect') : 'former'
        // A prospect has never won anything: a won offer would make it a customer (the status follows the business).
        const canWin = status !== 'prospect'
        const companyId = newId()
        const street = `${rnd.pick(de.STREETS)} ${rnd.int(1, 180)}`
        await insertSynced(trx, 'companies', {
          id: companyId, name, customer_number: `K-${numberBase + i}`,
          street, postal_code: place.postalCode, city: place.city,
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

        // Offers: a pre-offer conversation for about half, items from the price list, every stage
        // of the funnel, lost reasons weighted as in real life (price first), follow-ups when sent.
        const conversationId = rnd.next() < 0.5 ? newId() : null
        if (conversationId) {
          await insertSynced(trx, 'conversations', {
            id: conversationId, company_id: companyId, held_at: day(nowMs - rnd.int(30, 700) * 86_400_000), situation: '', needs: rnd.pick(de.GOALS),
            goals: rnd.pick(de.GOALS), worries: rnd.pick(de.WORRIES), decision_criteria: 'Preis, Termintreue, Service', budget: '', decision_timeline: '',
            decision_process: '', competitors: rnd.pick(COMPETITORS), next_steps: 'Angebot bis Monatsende', created_by: rnd.pick(userIds),
          }, now)
        }
        // Every fourth conversation's next steps are promises on the work list.
        if (conversationId && i % 4 === 1) await demoPromises(trx, { companyId, contactId: contactIds[0] ?? null, conversationId, ownerId: userIds[i % userIds.length]!, n: i, nowMs }, now)
        for (let o = 0; o < size.offersPerCompany; o++) {
          const offerId = newId()
          // About one offer in eight is still open (recent); the rest are older and decided.
          const open = rnd.next() < 0.12
          const ageDays = open ? rnd.int(1, 25) : rnd.int(31, 700)
          const offerDate = day(nowMs - ageDays * 86_400_000)
          const validUntil = day(nowMs - (ageDays - 30) * 86_400_000)
          const withConversation = conversationId !== null && rnd.next() < 0.7
          const roll = rnd.next()
          const decided = roll < (withConversation ? 0.42 : 0.28) ? (canWin ? 'won' : 'lost') : roll < 0.85 ? 'lost' : roll < 0.93 ? 'expired' : 'withdrawn'
          const status = open ? (roll < 0.3 ? 'draft' : roll < 0.7 ? 'sent' : 'negotiation') : decided
          const items = Array.from({ length: rnd.int(1, 4) }, () => {
            const p = rnd.int(0, PRODUCTS.length - 1)
            return { p, quantity: rnd.int(1, 5), discount: rnd.pick([0, 0, 3, 5, 10]) }
          })
          const totals = computeOfferTotals({
            items: items.map((it) => ({ quantity: it.quantity, unitPriceCents: PRODUCTS[it.p]![3], discountPercent: it.discount, vatRate: PRODUCTS[it.p]![4], optional: false })),
            offerDiscountPercent: 0, skontoPercent: 2,
          })
          const sent = status !== 'draft'
          const closedAt = isClosedOffer(status) ? new Date(nowMs - (ageDays - rnd.int(5, 29)) * 86_400_000).toISOString() : null
          const lostReason = status === 'lost' ? rnd.pick(LOST) : ''
          offerNumber++
          await insertSynced(trx, 'offers', {
            id: offerId, company_id: companyId, number: `A-${offerDate.slice(0, 4)}-${device}-${String(offerNumber).padStart(4, '0')}`,
            contact_id: contactIds[0] ?? null, conversation_id: withConversation ? conversationId : null, owner_id: rnd.pick(userIds), status, revision: 1,
            offer_date: offerDate, valid_until: validUntil, offer_discount_percent: 0, payment_net_days: 30, skonto_percent: 2, skonto_days: 10,
            delivery_terms: 'Lieferung frei Haus', introduction: '', benefits: '', net_cents: totals.netCents, gross_cents: totals.grossCents,
            sent_at: sent ? `${offerDate}T09:00:00.000Z` : null, closed_at: closedAt,
            order_date: status === 'won' ? closedAt!.slice(0, 10) : null, order_value_cents: status === 'won' ? totals.netCents : null,
            lost_reason: lostReason, lost_competitor: lostReason === 'competitor' ? rnd.pick(COMPETITORS) : '', lost_note: '',
          }, now)
          for (const [index, it] of items.entries()) {
            const [sku, name, unit, price, vat] = PRODUCTS[it.p]!
            await insertSynced(trx, 'offer_items', {
              id: newId(), offer_id: offerId, company_id: companyId, position: index + 1, product_id: productIds[it.p]!, sku, name, description: '',
              quantity: it.quantity, unit, unit_price_cents: price, discount_percent: it.discount, vat_rate: vat, optional: 0,
            }, now)
          }
          if (sent) {
            const first = day(nowMs - (ageDays - 3) * 86_400_000)
            const done = !open || rnd.next() < 0.5
            await insertSynced(trx, 'follow_ups', {
              id: newId(), offer_id: offerId, company_id: companyId, owner_id: rnd.pick(userIds), kind: 'after_first', due_date: first, planned_date: first,
              status: done ? 'done' : open ? 'open' : 'cancelled', done_at: done ? `${day(nowMs - (ageDays - 3 - (rnd.next() < 0.7 ? 0 : rnd.int(1, 4))) * 86_400_000)}T10:00:00.000Z` : null,
              outcome: done ? 'Kunde prüft das Angebot' : '', touchpoint_id: null,
            }, now)
            if (open) {
              for (const [kind, offset] of [['after_second', 10], ['before_expiry', 25]] as const) {
                const due = day(nowMs - (ageDays - offset) * 86_400_000)
                await insertSynced(trx, 'follow_ups', { id: newId(), offer_id: offerId, company_id: companyId, owner_id: rnd.pick(userIds), kind, due_date: due, planned_date: due, status: 'open', outcome: '' }, now)
              }
            }
          }
          offers++
        }
        if (status === 'prospect') prospects.push(companyId)
        else {
          // The installed base, cases and feedback of a customer (or a former one).
          const n = i % 10 < 8 ? 2 : 1
          await demoUsePhase(trx, rnd, {
            companyId, contactId: contactIds[0] ?? null, ownerIds: userIds, state: place.state, products: warrantyProducts, assets: n, cases: n, nowMs, device,
            nextCaseNumber: () => ++caseNumber,
          }, now)
          used.assets += n
          used.cases += n
          await demoFeedback(trx, rnd, { companyId, contactId: contactIds[0] ?? null, ownerId: rnd.pick(userIds), nowMs }, now)
        }
        // Every fourth company has recommended one of the prospects before it (never itself).
        const referable = status === 'prospect' ? prospects.length - 1 : prospects.length
        if (i % 4 === 3 && referable > 0) {
          await insertSynced(trx, 'referrals', {
            id: newId(), company_id: companyId, contact_id: contactIds[0] ?? null, referred_company_id: prospects[rnd.int(0, referable - 1)]!, owner_id: rnd.pick(userIds), note: '',
            thank_due: null, thanked_at: null, reward: '', reward_value_cents: 0,
          }, now)
          used.referrals++
        }
        if (withContract) {
          contractNumber++
          await insertSynced(trx, 'contracts', demoContract(rnd, { companyId, contactId: contactIds[0] ?? null, ownerId: rnd.pick(userIds), state: place.state, former: status === 'former', nowMs, device, n: contractNumber }), now)
          contracts++
        }
        const planned = await demoPlanning(trx, { companyId, contactIds, ownerIds: userIds, address: `${street}, ${place.postalCode} ${place.city}`, n: i, nowMs }, now)
        used.tasks += planned.tasks
        used.appointments += planned.appointments
        // ERP facts before the refresh, so the health score reads the payment behaviour with the rest.
        await demoErp(trx, companyId, i, status, nowMs, now)
        await refreshJourney(trx, companyId, now)
        batch.push({ id: companyId, n: i })
      }
      used.journeyChanges += await demoJourneyFor(trx, batch, nowMs, now)
    })
    options.onProgress?.(Math.min(start + BATCH, size.companies), size.companies)
  }
  return { companies: size.companies, contacts, touchpoints, offers, contracts, ...used }
}
