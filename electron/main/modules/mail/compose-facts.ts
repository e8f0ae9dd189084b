// What a mail about a record knows of it: its customer and contact, the owner who signs, the values its
// template's placeholders take, and the letter it can carry as PDF. One reader per kind of record.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { formatDate, translate } from '../../../../shared/i18n'
import { formatCents } from '../../../../shared/platform/money'
import { AppError } from '../../../../shared/platform/result'
import { MAIL_PURPOSE_RECORD, type MailPurpose } from '../../../../shared/modules/mail'
import type { TouchpointRelatedType } from '../../../../shared/modules/customers'
import type { ServiceContext } from '../../platform/context'
import { getContract, contractPdf } from '../contracts'
import { getCase } from '../service'
import { conversationPdf, getConversation, getOffer, offerPdf } from '../offers'
import { getAppointment, invitationFileName, invitationIcs } from '../planning'

export interface Attachment {
  fileName: string
  buffer: Buffer
  /** The file's type; a letter is a PDF when none is named. */
  contentType?: string
}

export interface RecordFacts {
  relatedType: TouchpointRelatedType
  companyId: string
  /** The record's own contact, the mail's first addressee ('' when none). */
  contactId: string
  ownerId: string
  /** Values of the purpose's own placeholders, in the mail's language. */
  values: (language: 'de' | 'en') => Record<string, string>
  /** The record's letter as PDF, when it has one (offer revision, contract confirmation, conversation confirmation), or an appointment's invitation (.ics). */
  attachment?: (db: Kysely<Database>) => Promise<Attachment>
}

/** A calendar day as a letter writes it ("04.12.2026"), whatever the time zone. */
const day = (language: 'de' | 'en', iso: string) => formatDate(language, `${iso.slice(0, 10)}T12:00:00Z`)

const notFound = () => new AppError('not_found', 'errors.notFound')

/** Purposes whose mail carries the offer itself: its revision is frozen when the mail is queued. */
export const SENDS_OFFER: ReadonlySet<MailPurpose> = new Set(['offer', 'renewal_offer'])

/**
 * An offer's mail. The offer itself (`offer`, `renewal_offer`) carries the current revision, frozen when queued, so its
 * file is named as sent; a follow-up carries the newest revision the customer already has — never a draft.
 */
async function offerFacts(ctx: ServiceContext, purpose: MailPurpose, id: string, revision: number | undefined): Promise<RecordFacts> {
  const offer = await getOffer(ctx, id)
  const sent = offer.revisions.map((r) => r.revision)
  const shown = revision ?? (SENDS_OFFER.has(purpose) ? offer.revision : Math.max(0, ...sent))
  if (shown > offer.revision || (!SENDS_OFFER.has(purpose) && shown > 0 && !sent.includes(shown))) throw notFound()
  const contract = offer.contractId ? await getContract(ctx, offer.contractId) : null
  return {
    relatedType: 'offer', companyId: offer.companyId, contactId: offer.contactId, ownerId: offer.ownerId,
    values: (language) => {
      return {
        offerNumber: shown > 1 ? `${offer.number} Rev. ${shown}` : offer.number, offerDate: day(language, offer.offerDate), validUntil: day(language, offer.validUntil),
        grossTotal: formatCents(offer.totals.grossCents, language), revision: String(shown),
        contractNumber: contract?.number ?? '', cancelBy: contract?.cancelBy ? day(language, contract.cancelBy) : '',
      }
    },
    ...(shown > 0 ? {
      attachment: async (db: Kysely<Database>) => {
        const file = await offerPdf({ ...ctx, db }, { id, revision: shown })
        // Queued, the revision is frozen: the customer's file is named without "Entwurf".
        return SENDS_OFFER.has(purpose) ? { ...file, fileName: file.fileName.replace('-Entwurf', '') } : file
      },
    } : {}),
  }
}

async function contractFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const contract = await getContract(ctx, id)
  return {
    relatedType: 'contract', companyId: contract.companyId, contactId: contract.contactId, ownerId: contract.ownerId,
    values: (language) => ({
      contractNumber: contract.number, contractTitle: contract.title, startDate: day(language, contract.startDate), cancelBy: contract.cancelBy ? day(language, contract.cancelBy) : '',
    }),
    attachment: (db) => contractPdf({ ...ctx, db }, { id }),
  }
}

async function caseFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const serviceCase = await getCase(ctx, id)
  return {
    relatedType: 'case', companyId: serviceCase.companyId, contactId: serviceCase.contactId, ownerId: serviceCase.ownerId,
    values: (language) => ({ caseNumber: serviceCase.number, caseSubject: serviceCase.subject, resolveBy: day(language, serviceCase.resolveDue) }),
  }
}

async function referralFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const referral = await ctx.db.selectFrom('referrals as r').innerJoin('companies as c', 'c.id', 'r.referred_company_id')
    .select(['r.company_id', 'r.contact_id', 'c.name as referred_name', 'c.owner_id']).where('r.id', '=', id).where('r.deleted_at', 'is', null).executeTakeFirst()
  if (!referral) throw notFound()
  return {
    relatedType: 'referral', companyId: referral.company_id, contactId: referral.contact_id ?? '', ownerId: referral.owner_id,
    values: () => ({ referredCompany: referral.referred_name }),
  }
}

async function conversationFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const conversation = await getConversation(ctx, id)
  const company = await ctx.db.selectFrom('companies').select('owner_id').where('id', '=', conversation.companyId).executeTakeFirst()
  if (!company) throw notFound()
  const firstContact = conversation.participants[0]?.contactId ?? ''
  return {
    relatedType: 'conversation', companyId: conversation.companyId, contactId: firstContact, ownerId: company.owner_id,
    values: (language) => ({ conversationDate: day(language, conversation.heldAt) }),
    attachment: (db) => conversationPdf({ ...ctx, db }, { id }),
  }
}

async function promiseFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const promise = await ctx.db.selectFrom('promises').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!promise) throw notFound()
  return {
    relatedType: 'promise', companyId: promise.company_id, contactId: promise.contact_id ?? '', ownerId: promise.owner_id,
    values: (language) => ({ promiseTitle: promise.title, dueDate: day(language, promise.due_date) }),
  }
}

/**
 * An appointment's invitation: to its first participant contact with an address (the others are offered from the
 * buying center), carrying the invitation (.ics, METHOD:REQUEST) that the message builds as a calendar part.
 */
async function appointmentFacts(ctx: ServiceContext, id: string): Promise<RecordFacts> {
  const a = await getAppointment(ctx, id)
  const contacts = a.participants.filter((p) => p.kind === 'contact')
  return {
    relatedType: 'appointment', companyId: a.companyId, contactId: (contacts.find((p) => p.email) ?? contacts[0])?.contactId ?? '', ownerId: a.ownerId,
    values: (language) => ({
      appointmentTitle: a.title, appointmentDate: day(language, a.startsAt), appointmentStart: a.startsAt.slice(11, 16), appointmentEnd: a.endsAt.slice(11, 16),
      appointmentLocation: a.location || translate(language, `enum.appointmentKind.${a.kind}`),
    }),
    attachment: async (db) => {
      const { appointment, content } = await invitationIcs({ ...ctx, db }, id)
      return { fileName: invitationFileName(appointment), buffer: Buffer.from(content, 'utf8'), contentType: 'text/calendar; charset=utf-8; method=REQUEST' }
    },
  }
}

/** The facts of the record a mail of `purpose` is about. */
export function recordFacts(ctx: ServiceContext, purpose: MailPurpose, id: string, revision?: number): Promise<RecordFacts> {
  switch (MAIL_PURPOSE_RECORD[purpose]) {
    case 'offer': return offerFacts(ctx, purpose, id, revision)
    case 'contract': return contractFacts(ctx, id)
    case 'case': return caseFacts(ctx, id)
    case 'referral': return referralFacts(ctx, id)
    case 'conversation': return conversationFacts(ctx, id)
    case 'promise': return promiseFacts(ctx, id)
    case 'appointment': return appointmentFacts(ctx, id)
    // No purpose names a task.
    case 'task': return Promise.reject(notFound())
  }
}
