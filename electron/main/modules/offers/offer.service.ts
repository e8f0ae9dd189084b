// Offers: numbering that stays unique offline, items and totals, sending (a frozen revision plus its
// follow-ups), revising, won/lost/withdrawn, and expiry after the validity date.
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import { countMatchesUpTo, countUpTo } from '../../../../db/platform/capped-count'
import { allOf, inSet, pageForm, type PageForm } from '../../../../db/platform/match-set'
import type { OfferTable } from '../../../../db/modules/offers/offers.table'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type InsertColumns, type UpdatePatch } from '../../../../db/platform/synced-writes'
import { openOffer, undecidedOffer } from '../../../../db/modules/offers/offer.predicates'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import { isClosedOffer, isOpenOffer, RECONTACT_REASONS, type LostReason, type OfferStatus } from '../../../../shared/modules/offers/offer.enums'
import type { OfferFields } from '../../../../shared/modules/offers/offer.schema'
import type { OfferTotals } from '../../../../shared/platform/line-item-totals'
import type { Offer, OfferListItem } from '../../../../shared/modules/offers/offer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { foldForSort, trigramQuery } from '../../../../shared/platform/search'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { nextNumber } from '../../platform/numbering'
import { checkRenewable, continueContract } from '../contracts'
import { refreshJourney } from '../customers'
import { referralsWon } from '../service'
import { OFFER_LINES, totalsOf, writeLines } from '../../platform/documents/line-items'
import { getOffer, loadOffer, revisionSent } from './offer-read'
import { checkDiscountCap } from './approval.service'
import { readTeamSetting, teamOfCompany } from '../../../../db/platform/team-settings'
import { OFFER_RULES_KEY, readOfferRules } from '../../../../shared/modules/offers/offer-settings.schema'

type Db = Kysely<Database>
const today = todayOf

export { getOffer } from './offer-read'
export { sendOffer } from './offer-send.service'

export const nextOfferNumber = (db: Db, year: string): Promise<string> => nextNumber(db, 'offers', 'A', year)

/** The columns the offer form edits: the two dates every offer needs, and the rest of its terms and totals. */
type OfferFieldColumns = Pick<InsertColumns<'offers'>, 'offer_date' | 'valid_until'> & UpdatePatch<'offers'>

const offerColumns = (f: OfferFields, totals: OfferTotals): OfferFieldColumns => ({
  contact_id: f.contactId || null,
  conversation_id: f.conversationId || null,
  offer_date: f.offerDate,
  valid_until: f.validUntil,
  offer_discount_percent: f.offerDiscountPercent,
  payment_net_days: f.paymentNetDays,
  skonto_percent: f.skontoPercent,
  skonto_days: f.skontoDays,
  delivery_terms: f.deliveryTerms,
  introduction: f.introduction,
  benefits: f.benefits,
  contract_id: f.contractId || null,
  contract_term_months: f.contractId ? f.contractTermMonths : 0,
  net_cents: totals.netCents,
  gross_cents: totals.grossCents,
})

async function checkReferences(trx: Transaction<Database>, f: OfferFields, offerId?: string): Promise<void> {
  // Above the hard cap of the user's role a discount is refused outright, not even requestable (issue 18).
  await checkDiscountCap(trx, f)
  const company = await trx.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  if (f.contactId) {
    const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
  }
  if (f.conversationId) {
    const conversation = await trx.selectFrom('conversations').select('company_id').where('id', '=', f.conversationId).where('deleted_at', 'is', null).executeTakeFirst()
    if (conversation?.company_id !== f.companyId) throw fieldError('conversationId', 'errors.conversationNotOfCompany')
  }
  if (f.contractId) {
    await checkRenewable(trx, f.contractId, f.companyId)
    if (await otherRenewalOffer(trx, f.contractId, offerId ?? '')) throw fieldError('contractId', 'errors.renewalOfferOpen')
  }
}

/** One renewal offer per contract is undecided at a time: a second one would renew the same term twice. */
async function otherRenewalOffer(db: Db, contractId: string, offerId: string): Promise<boolean> {
  const other = await db.selectFrom('offers').select('id').where('contract_id', '=', contractId).where('deleted_at', 'is', null)
    .where(undecidedOffer()).where('id', '!=', offerId).executeTakeFirst()
  return other !== undefined
}

export async function createOffer(ctx: ServiceContext, f: OfferFields): Promise<Offer> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, f, id)
    const totals = totalsOf(f.items, f.offerDiscountPercent, f.skontoPercent)
    const number = await nextOfferNumber(trx, f.offerDate.slice(0, 4))
    await insertSynced(trx, 'offers', { id, company_id: f.companyId, number, owner_id: ctx.userId, status: 'draft', revision: 1, ...offerColumns(f, totals) }, now)
    await writeLines(trx, OFFER_LINES, id, f.companyId, f.items, now)
    await refreshJourney(trx, f.companyId, now)
  })
  return getOffer(ctx, id)
}

export async function updateOffer(ctx: ServiceContext, id: string, f: OfferFields): Promise<Offer> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const offer = await loadOffer(trx, id)
    if (isClosedOffer(offer.status)) throw new AppError('conflict', 'errors.offerClosed')
    // A sent revision is a document the customer holds: it never changes. Changes go into a new revision.
    if (await revisionSent(trx, id, offer.revision)) throw new AppError('conflict', 'errors.offerSentUseRevision')
    if (f.companyId !== offer.company_id) throw fieldError('companyId', 'errors.offerCompanyFixed')
    await checkReferences(trx, f, id)
    const totals = totalsOf(f.items, f.offerDiscountPercent, f.skontoPercent)
    await updateSynced(trx, 'offers', id, offerColumns(f, totals), now)
    await writeLines(trx, OFFER_LINES, id, offer.company_id, f.items, now)
  })
  return getOffer(ctx, id)
}

/** Opens the next revision of a sent offer for changes; the sent one stays as it was. */
export async function reviseOffer(ctx: ServiceContext, id: string): Promise<Offer> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const offer = await loadOffer(trx, id)
    if (isClosedOffer(offer.status)) throw new AppError('conflict', 'errors.offerClosed')
    if (!(await revisionSent(trx, id, offer.revision))) throw new AppError('conflict', 'errors.offerNotSentYet')
    await updateSynced(trx, 'offers', id, { revision: offer.revision + 1, status: 'negotiation' }, now)
  })
  return getOffer(ctx, id)
}

async function close(ctx: ServiceContext, id: string, status: OfferStatus, columns: UpdatePatch<'offers'>): Promise<Offer> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const offer = await loadOffer(trx, id)
    if (isClosedOffer(offer.status)) throw new AppError('conflict', 'errors.offerClosed')
    if (status !== 'withdrawn' && !isOpenOffer(offer.status)) throw new AppError('conflict', 'errors.offerNotSentYet')
    if (status === 'lost' && columns.lost_reason) await checkLostReasonOffered(trx, ctx, offer.company_id, columns.lost_reason)
    await updateSynced(trx, 'offers', id, { status, closed_at: now, ...columns }, now)
    await closeFollowUps(trx, id, now)
    // A won offer of a referred prospect: the referrer is thanked (a reminder for the owner).
    if (status === 'won') await referralsWon(trx, offer.company_id, todayOf(ctx), now)
    // A won renewal offer continues its contract with the offer's term, items and value.
    if (status === 'won' && offer.contract_id) {
      if (await otherRenewalOffer(trx, offer.contract_id, id)) throw new AppError('conflict', 'errors.contractNotRenewable')
      const detail = await getOffer({ ...ctx, db: trx }, id)
      await continueContract(trx, ctx, { ...offer, contract_id: offer.contract_id }, Number(columns.order_value_cents), detail.items, now)
    }
    await refreshJourney(trx, offer.company_id, now)
  })
  return getOffer(ctx, id)
}

/** A lost reason must be one of the catalogue of the company's team (team setting `offerRules`). */
async function checkLostReasonOffered(trx: Transaction<Database>, ctx: ServiceContext, companyId: string, reason: string): Promise<void> {
  const company = await trx.selectFrom('companies').select('team_id').where('id', '=', companyId).executeTakeFirstOrThrow()
  const rules = readOfferRules(await readTeamSetting(trx, await teamOfCompany(trx, company.team_id, ctx.userId), OFFER_RULES_KEY))
  if (!(rules.lostReasons as readonly string[]).includes(reason)) throw fieldError('reason', 'errors.lostReasonNotOffered')
}

async function closeFollowUps(trx: Transaction<Database>, offerId: string, now: string): Promise<void> {
  const open = await trx.selectFrom('follow_ups').select('id').where('offer_id', '=', offerId).where('status', '=', 'open').where('deleted_at', 'is', null).execute()
  for (const f of open) await updateSynced(trx, 'follow_ups', f.id, { status: 'cancelled' }, now)
}

export const winOffer = (ctx: ServiceContext, input: { id: string; orderDate: string; orderValueCents: number }) =>
  close(ctx, input.id, 'won', { order_date: input.orderDate, order_value_cents: input.orderValueCents })

export const loseOffer = (ctx: ServiceContext, input: { id: string; reason: LostReason; competitor: string; note: string; recontactOn?: string }) =>
  close(ctx, input.id, 'lost', {
    lost_reason: input.reason, lost_competitor: input.reason === 'competitor' ? input.competitor : '', lost_note: input.note,
    // The day the customer named is kept only for the reasons that bring a re-contact (issue 17, lost-offer revival).
    recontact_on: (RECONTACT_REASONS as readonly string[]).includes(input.reason) && input.recontactOn ? input.recontactOn : null,
  })

export const withdrawOffer = (ctx: ServiceContext, id: string) => close(ctx, id, 'withdrawn', {})

/** Offers past their validity date without a decision are expired; their follow-ups close. */
export async function expireOffers(ctx: ServiceContext): Promise<number> {
  const now = nowIso(ctx)
  const due = await ctx.db.selectFrom('offers').select(['id', 'company_id']).where('deleted_at', 'is', null)
    .where(openOffer()).where('valid_until', '<', today(ctx)).limit(1000).execute()
  for (const offer of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, 'offers', offer.id, { status: 'expired', closed_at: now }, now)
      await closeFollowUps(trx, offer.id, now)
      await refreshJourney(trx, offer.company_id, now)
    })
  }
  return due.length
}

const SORT = { offerDate: 'o.offer_date', number: 'o.number', grossCents: 'o.gross_cents', validUntil: 'o.valid_until' } as const

type OfferListQuery = { search: string; status: OfferStatus | 'open' | ''; ownerId: string; companyId: string; sort: keyof typeof SORT; dir: 'asc' | 'desc'; offset: number; limit: number }

/** The list's filters on the offers table alone (so the count never joins); a search is `offerSearch`'s. */
function offerListFilters(q: OfferListQuery): Expression<SqlBool>[] {
  const on = expressionBuilder<{ o: OfferTable }, 'o'>()
  const filters: Expression<SqlBool>[] = [on('o.deleted_at', 'is', null)]
  // The list's "open" filter shows every offer still undecided, drafts included.
  // Newest open offers first (the default) are read from their own index in date order, stopping after the page
  // (migration 034), not sorted all: `likely(…)` keeps SQLite from reading them by status (the status indexes, then a
  // sort of every undecided offer) and `offer_date >= ''` (always true) gives it the range on that index.
  if (q.status === 'open' && q.sort === 'offerDate') filters.push(sql<SqlBool>`likely(${undecidedOffer('o')})`, on('o.offer_date', '>=', ''))
  else if (q.status === 'open') filters.push(undecidedOffer('o'))
  else if (q.status) filters.push(on('o.status', '=', q.status))
  if (q.ownerId) filters.push(on('o.owner_id', '=', q.ownerId))
  if (q.companyId) filters.push(on('o.company_id', '=', q.companyId))
  return filters
}

/**
 * A search finds companies through their full-text index (or a name prefix), or offer numbers: those contain digits
 * or start with "A-", and only then is the number column searched.
 */
function offerSearch(term: string) {
  const match = trigramQuery(term)
  const companies = match
    ? sql`select id from companies where local_seq in (select rowid from companies_fts where companies_fts match ${match}) and deleted_at is null`
    : sql`select id from companies where sort_name >= ${foldForSort(term)} and sort_name < ${`${foldForSort(term)}\uffff`} and deleted_at is null`
  const numberLike = /\d|^a-/i.test(term) ? `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null
  return {
    match, numberLike,
    condition: (form: PageForm) => sql<SqlBool>`(${inSet(form, 'o.company_id', companies)}${numberLike ? sql` or o.number like ${numberLike} escape '\\'` : sql``})`,
  }
}

export async function listOffers(ctx: ServiceContext, q: OfferListQuery, countAhead?: number): Promise<Page<OfferListItem>> {
  const filters = offerListFilters(q)
  const search = q.search.trim() ? offerSearch(q.search.trim()) : null
  const filtered = (form: PageForm) => {
    let query = ctx.db.selectFrom('offers as o')
    for (const filter of filters) query = query.where(filter)
    return search ? query.where(search.condition(form)) : query
  }
  // A search by company name alone is counted from the full-text index, joined to the companies' offers (the count
  // stops at its bound; CROSS JOIN keeps the index the outer loop); a page of many matches walks the sort's index
  // (db/platform/match-set). The company name is joined for the one page shown.
  const count = search?.match && !search.numberLike
    ? await countMatchesUpTo(ctx.db, (limit) => sql`select 1 from companies_fts f cross join companies c on c.local_seq = f.rowid join offers o on o.company_id = c.id
        where f.companies_fts match ${search.match} and c.deleted_at is null and ${allOf(filters)} limit ${limit}`, q, countAhead)
    : await countUpTo(ctx.db, filtered('lookUp'), q, countAhead)
  const query = filtered(search ? pageForm(count, true) : 'lookUp')
  const rows = await query.innerJoin('companies as c', 'c.id', 'o.company_id').leftJoin('users as u', 'u.id', 'o.owner_id')
    .select(['o.id', 'o.number', 'o.company_id', 'c.name as company_name', 'u.display_name as owner_name', 'o.status', 'o.revision', 'o.offer_date', 'o.valid_until', 'o.gross_cents', 'o.conversation_id'])
    .orderBy(sql.ref(SORT[q.sort]), q.dir).orderBy('o.id', q.dir).offset(q.offset).limit(q.limit).execute()
  return {
    ...count,
    offset: q.offset,
    rows: rows.map((r) => ({
      id: r.id, number: r.number, companyId: r.company_id, companyName: r.company_name, ownerName: r.owner_name ?? '', status: r.status,
      revision: r.revision, offerDate: r.offer_date, validUntil: r.valid_until, grossCents: r.gross_cents, withConversation: r.conversation_id !== null,
    })),
  }
}
