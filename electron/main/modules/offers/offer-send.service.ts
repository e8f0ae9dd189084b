// Sending an offer, in two steps that may lie a day apart: the current revision is frozen (a snapshot the
// document is always made from), then the offer is marked sent — at once when the rep marks it so, or only
// when the mail carrying its PDF has left the outbox (the mail module calls `freezeOfferForMail` when the
// mail is queued and `confirmOfferSent` in the transaction that records its delivery).
import { sql, type Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import { followUpSchedule } from '../../../../shared/modules/offers/follow-up.rules'
import { isClosedOffer } from '../../../../shared/modules/offers/offer.enums'
import type { Offer } from '../../../../shared/modules/offers/offer.types'
import { OFFER_RULES_KEY, readOfferRules } from '../../../../shared/modules/offers/offer-settings.schema'
import { readTeamSetting, teamOfCompany } from '../../../../db/platform/team-settings'
import type { MailMeta } from '../../../../shared/modules/customers'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { missingLetterDetailsOf } from '../../../../shared/platform/letter-profile'
import { eventColumns } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { checkDiscountApproved } from './approval.service'
import { buildLetterInput, type RevisionSnapshot } from './offer-letter-input'
import { getOffer, loadOffer, revisionSent } from './offer-read'

type Db = Transaction<Database>
type OfferRow = Awaited<ReturnType<typeof loadOffer>>

/** What a mail that carried the offer adds to the touchpoint of its sending. */
export interface SentByMail {
  touchpointId: string
  messageId: string
  subject: string
  meta: MailMeta
}

/** Freezes the offer's current revision after the checks a letter that leaves the house needs. */
async function freeze(trx: Db, ctx: ServiceContext, offer: OfferRow, now: string): Promise<void> {
  const detail = await getOffer({ ...ctx, db: trx }, offer.id)
  if (!detail.items.some((i) => !i.optional)) throw fieldError('items', 'errors.offerWithoutItems')
  if (offer.valid_until < todayOf(ctx)) throw fieldError('validUntil', 'errors.validityPassed')
  // Over the sender's discount limits: only with an approval that covers the current figures (issue 18).
  await checkDiscountApproved(trx, ctx, offer)
  const letter = await buildLetterInput({ ...ctx, db: trx }, detail)
  // A business letter without the sender's legal details or a signer's name never goes out (letter-profile.ts).
  if (missingLetterDetailsOf(letter).length > 0) throw new AppError('conflict', 'errors.letterDetailsMissing')
  const snapshot: RevisionSnapshot = { offer: detail, letter }
  await insertSynced(trx, 'offer_revisions', { id: newId(), offer_id: offer.id, company_id: offer.company_id, revision: offer.revision, sent_at: now, snapshot: JSON.stringify(snapshot) }, now)
}

/** The sending on the customer's timeline, related to the offer; the mail's envelope when it went by mail. */
async function sentTouchpoint(trx: Db, ctx: ServiceContext, offer: OfferRow, revision: number, at: string, mail?: SentByMail): Promise<void> {
  // The mail's touchpoint may exist already: the rep's Sent folder was read (here or on a colleague's laptop) before
  // this device recorded the delivery. It is the same mail, filed once.
  if (mail && await trx.selectFrom('touchpoints').select('id').where('id', '=', mail.touchpointId).executeTakeFirst()) return
  const event = revision > 1 ? eventColumns('offer.sentRevision', { number: offer.number, revision }) : eventColumns('offer.sent', { number: offer.number })
  await insertSynced(trx, 'touchpoints', {
    id: mail?.touchpointId ?? newId(), company_id: offer.company_id, contact_id: offer.contact_id, occurred_at: at, channel: 'email', direction: 'outbound', mode: 'direct', station: 'offer',
    summary: '', ...event, created_by: ctx.userId, related_type: 'offer', related_id: offer.id,
    ...(mail ? { mail_message_id: mail.messageId, mail_meta: JSON.stringify(mail.meta) } : {}),
  }, at)
}

/**
 * Marks the offer sent (the first time: status and date, and the follow-ups planned by the cadence and the
 * customer's public holidays (the cadence of the company's team); a later revision: its expiry follow-up), with a touchpoint on the customer's
 * timeline — the mail's own when it went by mail, so the filed copy from the mailbox is the same record.
 */
async function markSent(trx: Db, ctx: ServiceContext, offer: OfferRow, revision: number, now: string, mail?: SentByMail): Promise<void> {
  const day = todayOf(ctx)
  const firstTime = offer.sent_at === null
  await updateSynced(trx, 'offers', offer.id, { status: offer.status === 'draft' ? 'sent' : offer.status, sent_at: offer.sent_at ?? now }, now)
  const company = await trx.selectFrom('companies').select(['federal_state', 'name', 'team_id']).where('id', '=', offer.company_id).executeTakeFirstOrThrow()
  const open = await trx.selectFrom('follow_ups').select(['id', 'kind']).where('offer_id', '=', offer.id).where('status', '=', 'open').where('deleted_at', 'is', null).execute()
  // The cadence of the company's team (team setting `offerRules`), whoever sends.
  const rules = readOfferRules(await readTeamSetting(trx, await teamOfCompany(trx, company.team_id, ctx.userId), OFFER_RULES_KEY))
  const cadence = { afterBusinessDays: [rules.followUpFirstDays, rules.followUpSecondDays], daysBeforeExpiry: rules.followUpDaysBeforeExpiry }
  for (const planned of followUpSchedule(day, offer.valid_until, company.federal_state, cadence)) {
    // A new revision keeps the follow-ups already planned; only missing ones are added.
    if (open.some((o) => o.kind === planned.kind)) continue
    if (!firstTime && planned.kind !== 'before_expiry') continue
    await insertSynced(trx, 'follow_ups', {
      id: newId(), offer_id: offer.id, company_id: offer.company_id, owner_id: offer.owner_id, kind: planned.kind, due_date: planned.date, planned_date: planned.date, status: 'open', outcome: '',
    }, now)
  }
  await sentTouchpoint(trx, ctx, offer, revision, now, mail)
  await refreshJourney(trx, offer.company_id, now)
}

/**
 * The current revision is frozen but the offer was never marked sent for it: its mail is in the outbox (or was
 * discarded there). Known for the first revision only (a draft with a snapshot); a later revision frozen for a
 * mail is marked when the mail leaves.
 */
const waitingForDelivery = (offer: OfferRow) => offer.status === 'draft' && offer.revision === 1

/** "Als versendet markieren": freezes the current revision (unless a queued mail already did) and marks the offer sent. */
export async function sendOffer(ctx: ServiceContext, id: string): Promise<Offer> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const offer = await loadOffer(trx, id)
    if (isClosedOffer(offer.status)) throw new AppError('conflict', 'errors.offerClosed')
    const frozen = await revisionSent(trx, id, offer.revision)
    if (frozen && !waitingForDelivery(offer)) throw new AppError('conflict', 'errors.offerAlreadySent')
    if (!frozen) await freeze(trx, ctx, offer, now)
    await markSent(trx, ctx, offer, offer.revision, now)
  })
  return getOffer(ctx, id)
}

/**
 * A mail with the offer's PDF is being queued (in the caller's transaction): the revision it carries is frozen
 * now, so the PDF in the outbox is the document of that revision; the offer is marked sent only on delivery.
 * `revision` names an earlier, already frozen revision to send again. Answers the revision the mail carries.
 */
export async function freezeOfferForMail(trx: Db, ctx: ServiceContext, id: string, revision?: number): Promise<number> {
  const offer = await loadOffer(trx, id)
  if (isClosedOffer(offer.status)) throw new AppError('conflict', 'errors.offerClosed')
  const carried = revision ?? offer.revision
  if (carried > offer.revision) throw new AppError('not_found', 'errors.notFound')
  if (!(await revisionSent(trx, id, carried))) {
    if (carried !== offer.revision) throw new AppError('not_found', 'errors.notFound')
    await freeze(trx, ctx, offer, nowIso(ctx))
  }
  return carried
}

/**
 * The mail carrying revision `revision` has left (called in the transaction that records its delivery): the
 * offer is marked sent if it is still open and this is its current revision; otherwise — closed meanwhile, or a
 * copy of an older revision — only the touchpoint records the mail.
 */
export async function confirmOfferSent(trx: Db, ctx: ServiceContext, input: { id: string; revision: number; at: string; mail: SentByMail }): Promise<void> {
  const offer = await trx.selectFrom('offers').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!offer) return
  const marked = await markedSent(trx, offer, input.revision)
  if (!isClosedOffer(offer.status) && input.revision === offer.revision && !marked) {
    await markSent(trx, ctx, offer, input.revision, input.at, input.mail)
    return
  }
  // Closed meanwhile, an older revision, or marked sent by hand while the mail waited: the mail is recorded as a
  // mail (once), not as a second "versendet".
  if (await trx.selectFrom('touchpoints').select('id').where('id', '=', input.mail.touchpointId).executeTakeFirst()) return
  await insertSynced(trx, 'touchpoints', {
    id: input.mail.touchpointId, company_id: offer.company_id, contact_id: offer.contact_id, occurred_at: input.at, channel: 'email', direction: 'outbound', mode: 'direct',
    station: 'offer', summary: input.mail.subject, created_by: ctx.userId, related_type: 'offer', related_id: offer.id,
    mail_message_id: input.mail.messageId, mail_meta: JSON.stringify(input.mail.meta),
  }, input.at)
}

/** Whether the offer was already marked sent for `revision` (by hand, while its mail waited in the outbox). */
async function markedSent(trx: Db, offer: OfferRow, revision: number): Promise<boolean> {
  if (revision === 1) return offer.status !== 'draft'
  const row = await trx.selectFrom('touchpoints').select('id').where('related_type', '=', 'offer').where('related_id', '=', offer.id)
    .where('message_key', '=', 'offer.sentRevision').where(sql<number>`json_extract(message_params, '$.revision')`, '=', revision).where('deleted_at', 'is', null).executeTakeFirst()
  return row !== undefined
}
