// Referral management: who recommended whom. The referred prospect becomes a company with lead
// source "referral"; the referral's status follows that company's offers; a won referral raises a
// thank-you reminder for the referrer, and the thanks (and reward) are recorded.
import { sql } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { referralStatusOf } from '../../../../db/modules/service/service.predicates'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import type { ReferralFields } from '../../../../shared/modules/service/service.schema'
import type { Referral } from '../../../../shared/modules/service/service.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { eventColumns } from '../../../../shared/platform/event-message'
import type { Transaction } from 'kysely'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'

export async function createReferral(ctx: ServiceContext, f: ReferralFields): Promise<Referral> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const referrer = await trx.selectFrom('companies').select(['id', 'name', 'owner_id', 'team_id']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!referrer) throw fieldError('companyId', 'errors.companyNotFound')
    if (f.contactId) {
      const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
      if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
    }
    const prospectId = newId()
    await insertSynced(trx, 'companies', {
      id: prospectId, name: f.prospectName, customer_number: '', street: '', postal_code: '', city: f.prospectCity, federal_state: '', industry: '', segment: '',
      status: 'prospect', owner_id: referrer.owner_id || ctx.userId, lead_source: 'referral', notes: '', team_id: referrer.team_id,
    }, now)
    const [first, ...rest] = f.prospectContactName.trim().split(/\s+/)
    if (first) {
      await insertSynced(trx, 'contacts', {
        id: newId(), company_id: prospectId, salutation: 'none', title: '', first_name: rest.length ? first : '', last_name: rest.length ? rest.join(' ') : first, job_function: '',
        email: '', phone: f.prospectPhone, mobile: '', language: 'de', buying_role: '', attitude: '', influence: '', worries: '', goals: '', persona_id: null, notes: '',
      }, now)
    }
    await insertSynced(trx, 'referrals', {
      id, company_id: f.companyId, contact_id: f.contactId || null, referred_company_id: prospectId, owner_id: referrer.owner_id || ctx.userId, note: f.note,
      thank_due: null, thanked_at: null, reward: '', reward_value_cents: 0,
    }, now)
    await insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: f.companyId, contact_id: f.contactId || null, occurred_at: now, channel: 'other', direction: 'inbound', mode: 'direct', station: 'referral',
      summary: '', ...eventColumns('referral.received', { prospect: f.prospectName }), created_by: ctx.userId,
    }, now)
    await refreshJourney(trx, prospectId, now)
    await refreshJourney(trx, f.companyId, now)
  })
  return getReferral(ctx, id)
}

/** Called when an offer is won: a referral of that company is now won, so its referrer is thanked. */
export async function referralsWon(trx: Transaction<Database>, companyId: string, day: string, now: string): Promise<void> {
  const open = await trx.selectFrom('referrals').select('id').where('referred_company_id', '=', companyId).where('deleted_at', 'is', null).where('thank_due', 'is', null).execute()
  for (const r of open) await updateSynced(trx, 'referrals', r.id, { thank_due: day }, now)
}

export async function thankReferral(ctx: ServiceContext, input: { id: string; reward: string; rewardValueCents: number; note: string }): Promise<Referral> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('referrals as r').innerJoin('companies as p', 'p.id', 'r.referred_company_id').select(['r.id', 'r.company_id', 'r.contact_id', 'r.thanked_at', 'p.name'])
      .where('r.id', '=', input.id).where('r.deleted_at', 'is', null).executeTakeFirst()
    if (!r) throw new AppError('not_found', 'errors.notFound')
    if (r.thanked_at) throw new AppError('conflict', 'errors.referralThanked')
    await updateSynced(trx, 'referrals', r.id, { thanked_at: now, reward: input.reward, reward_value_cents: input.rewardValueCents }, now)
    await insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: r.company_id, contact_id: r.contact_id, occurred_at: now, channel: 'other', direction: 'outbound', mode: 'direct', station: 'referral',
      summary: input.note, created_by: ctx.userId,
      ...(input.reward ? eventColumns('referral.thankedReward', { prospect: r.name, reward: input.reward }) : eventColumns('referral.thanked', { prospect: r.name })),
    }, now)
    await refreshJourney(trx, r.company_id, now)
  })
  return getReferral(ctx, input.id)
}

function referralQuery(ctx: ServiceContext) {
  return ctx.db.selectFrom('referrals as r').innerJoin('companies as c', 'c.id', 'r.company_id').innerJoin('companies as p', 'p.id', 'r.referred_company_id')
    .leftJoin('contacts as k', 'k.id', 'r.contact_id')
    .select(['r.id', 'r.company_id', 'c.name as company_name', 'r.contact_id', 'k.first_name', 'k.last_name', 'r.referred_company_id', 'p.name as referred_name', 'r.note', 'r.created_at',
      // Won beats an open offer beats lost; without offers the prospect has been contacted (read from the offers).
      'r.thank_due', 'r.thanked_at', 'r.reward', 'r.reward_value_cents', referralStatusOf(sql.ref<string>('r.referred_company_id')).as('status')])
    .where('r.deleted_at', 'is', null)
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number]
const toReferral = (r: ReferralRow): Referral => ({
  id: r.id, companyId: r.company_id, companyName: r.company_name, contactId: r.contact_id ?? '', contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
  referredCompanyId: r.referred_company_id, referredCompanyName: r.referred_name, status: r.status, note: r.note, createdAt: r.created_at,
  thankDue: r.thank_due, thankedAt: r.thanked_at, reward: r.reward, rewardValueCents: r.reward_value_cents,
})

export async function getReferral(ctx: ServiceContext, id: string): Promise<Referral> {
  const row = await referralQuery(ctx).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toReferral(row)
}

/** Referrals given by a company, or made to it, or all of them (newest first). */
export async function listReferrals(ctx: ServiceContext, q: { companyId: string; offset: number; limit: number }): Promise<Page<Referral>> {
  let query = referralQuery(ctx)
  if (q.companyId) query = query.where((eb) => eb.or([eb('r.company_id', '=', q.companyId), eb('r.referred_company_id', '=', q.companyId)]))
  const total = Number((await ctx.db.selectFrom('referrals as r').where('r.deleted_at', 'is', null)
    .$if(Boolean(q.companyId), (b) => b.where((eb) => eb.or([eb('r.company_id', '=', q.companyId), eb('r.referred_company_id', '=', q.companyId)])))
    .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const rows = await query.orderBy('r.created_at', 'desc').offset(q.offset).limit(q.limit).execute()
  return { total, offset: q.offset, rows: rows.map(toReferral) }
}
