// Art. 15 DSGVO information: everything stored about one contact, collected by id from every table that
// names them (touchpoints, pre-offer conversations, offers and the letters sent, contracts, cases,
// referrals, feedback, consents, promises, tasks, the appointments they were invited to), answered as a JSON file and as a DIN 5008 letter to the person. Nothing is saved on
// disk (the files hold the personal data the request is about); the request itself goes to the audit log
// by the caller.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { touchpointLine } from '../../../../shared/i18n/event-text'
import type { AccessReport, AccessReportAnswer } from '../../../../shared/modules/dsgvo/access-report.types'
import { parseEventParams } from '../../../../shared/platform/event-message'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { deviceLetterhead, deviceLogo } from '../../platform/device-profile'
import { documentFileName } from '../../platform/documents/document-files'
import { letterParties, renderLetter } from '../../platform/documents/letters'
import { accessLetterModel } from './access-letter'

const live = <T extends { deleted_at: string | null }>(rows: T[]) => rows.filter((r) => r.deleted_at === null)

/** Everything about the contact, by id; `language` renders the app's own event lines in touchpoints. */
export async function collectAccessReport(db: Kysely<Database>, contactId: string, language: 'de' | 'en', now: string, controller: AccessReport['controller']): Promise<AccessReport> {
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!contact) throw new AppError('not_found', 'errors.notFound')
  const company = await db.selectFrom('companies').select(['id', 'name', 'customer_number']).where('id', '=', contact.company_id).executeTakeFirstOrThrow()
  const [touchpoints, participants, offers, contracts, cases, referrals, feedback, consents, promises, tasks, appointments] = await Promise.all([
    db.selectFrom('touchpoints').selectAll().where('contact_id', '=', contactId).orderBy('occurred_at').execute(),
    db.selectFrom('conversation_participants as p').innerJoin('conversations as c', 'c.id', 'p.conversation_id')
      .select(['p.deleted_at', 'c.held_at', 'p.buying_role', 'p.influence', 'p.attitude', 'p.cares_about', 'c.needs', 'c.worries'])
      .where('p.contact_id', '=', contactId).where('c.deleted_at', 'is', null).orderBy('c.held_at').execute(),
    db.selectFrom('offers').select(['id', 'number', 'offer_date', 'status', 'gross_cents', 'deleted_at']).where('contact_id', '=', contactId).orderBy('offer_date').execute(),
    db.selectFrom('contracts').select(['number', 'title', 'start_date', 'status', 'deleted_at']).where('contact_id', '=', contactId).orderBy('start_date').execute(),
    db.selectFrom('cases').select(['number', 'type', 'received_at', 'subject', 'description', 'status', 'deleted_at']).where('contact_id', '=', contactId).orderBy('received_at').execute(),
    db.selectFrom('referrals as r').leftJoin('companies as c', 'c.id', 'r.referred_company_id')
      .select(['r.deleted_at', 'c.name as referred', 'r.note', 'r.created_at']).where('r.contact_id', '=', contactId).orderBy('r.created_at').execute(),
    db.selectFrom('feedback').select(['kind', 'given_on', 'score', 'comment', 'deleted_at']).where('contact_id', '=', contactId).orderBy('given_on').execute(),
    db.selectFrom('consents').select(['channel', 'purpose', 'given_on', 'source', 'withdrawn_on', 'deleted_at']).where('contact_id', '=', contactId).orderBy('given_on').execute(),
    db.selectFrom('promises').select(['title', 'due_date', 'status', 'deleted_at']).where('contact_id', '=', contactId).orderBy('due_date').execute(),
    db.selectFrom('tasks').select(['title', 'due_date', 'status', 'notes', 'outcome', 'deleted_at']).where('contact_id', '=', contactId).orderBy('due_date').execute(),
    db.selectFrom('appointment_participants as p').innerJoin('appointments as a', 'a.id', 'p.appointment_id')
      .select(['p.deleted_at', 'a.title', 'a.kind', 'a.starts_at', 'a.ends_at', 'a.location', 'a.status'])
      .where('p.contact_id', '=', contactId).where('a.deleted_at', 'is', null).orderBy('a.starts_at').execute(),
  ])
  const liveOffers = live(offers)
  const letters = liveOffers.length === 0 ? [] : await db.selectFrom('offer_revisions').select(['offer_id', 'revision', 'sent_at'])
    .where('offer_id', 'in', liveOffers.map((o) => o.id)).where('deleted_at', 'is', null).orderBy('revision').execute()
  return {
    format: 'kundenreise-art15', version: 1, generatedAt: now, controller,
    person: {
      id: contact.id, salutation: contact.salutation, title: contact.title, firstName: contact.first_name, lastName: contact.last_name, jobFunction: contact.job_function,
      email: contact.email, phone: contact.phone, mobile: contact.mobile, language: contact.language, buyingRole: contact.buying_role, attitude: contact.attitude,
      influence: contact.influence, worries: contact.worries, goals: contact.goals, notes: contact.notes, createdAt: contact.created_at, updatedAt: contact.updated_at,
    },
    company: { id: company.id, name: company.name, customerNumber: company.customer_number },
    touchpoints: live(touchpoints).map((t) => ({
      occurredAt: t.occurred_at, channel: t.channel, direction: t.direction,
      summary: touchpointLine(language, { messageKey: t.message_key, messageParams: parseEventParams(t.message_params), summary: t.summary }),
    })),
    conversations: live(participants).map((p) => ({ heldAt: p.held_at, buyingRole: p.buying_role, influence: p.influence, attitude: p.attitude, caresAbout: p.cares_about, needs: p.needs, worries: p.worries })),
    offers: liveOffers.map((o) => ({
      number: o.number, offerDate: o.offer_date, status: o.status, grossCents: o.gross_cents,
      letters: letters.filter((l) => l.offer_id === o.id).map((l) => ({ revision: l.revision, sentAt: l.sent_at })),
    })),
    contracts: live(contracts).map((c) => ({ number: c.number, title: c.title, startDate: c.start_date, status: c.status })),
    cases: live(cases).map((c) => ({ number: c.number, type: c.type, receivedAt: c.received_at, subject: c.subject, description: c.description, status: c.status })),
    referrals: live(referrals).map((r) => ({ referredCompany: r.referred ?? '', note: r.note, createdAt: r.created_at })),
    feedback: live(feedback).map((f) => ({ kind: f.kind, givenOn: f.given_on, score: f.score, comment: f.comment })),
    consents: live(consents).map((c) => ({ channel: c.channel, purpose: c.purpose, givenOn: c.given_on, source: c.source, withdrawnOn: c.withdrawn_on })),
    promises: live(promises).map((p) => ({ title: p.title, dueDate: p.due_date, status: p.status })),
    tasks: live(tasks).map((k) => ({ title: k.title, dueDate: k.due_date, status: k.status, notes: k.notes, outcome: k.outcome })),
    appointments: live(appointments).map((a) => ({ title: a.title, kind: a.kind, startsAt: a.starts_at, endsAt: a.ends_at, location: a.location, status: a.status })),
  }
}

/** The JSON and the letter for one contact; nothing written. */
export async function accessReport(ctx: ServiceContext, contactId: string, language?: 'de' | 'en'): Promise<AccessReportAnswer> {
  const contact = await ctx.db.selectFrom('contacts').select(['company_id', 'language', 'last_name', 'first_name']).where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!contact) throw new AppError('not_found', 'errors.notFound')
  const lang = language ?? (contact.language === 'en' ? 'en' : 'de')
  const head = await deviceLetterhead(ctx)
  const controller = { name: head.name, street: head.street, postalCode: head.postalCode, city: head.city, email: head.email, phone: head.phone }
  const report = await collectAccessReport(ctx.db, contactId, lang, ctx.clock().toISOString(), controller)
  const parties = await letterParties(ctx, contact.company_id, contactId, ctx.userId)
  const logo = await deviceLogo(ctx)
  const { buffer, warnings } = await renderLetter(accessLetterModel({ ...parties, language: lang, date: report.generatedAt.slice(0, 10), report }, logo.data), 'docx')
  const person = [contact.first_name, contact.last_name].filter(Boolean).join(' ')
  const day = report.generatedAt.slice(0, 10)
  const name = (extension: string) => documentFileName({ kind: 'Auskunft-Art15', number: day, qualifiers: [person], recordId: contactId, extension })
  return {
    json: { fileName: name('json'), base64: Buffer.from(JSON.stringify(report, null, 2)).toString('base64'), mimeType: 'application/json' },
    letter: { fileName: name('docx'), base64: buffer.toString('base64'), mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', warnings },
    counts: {
      touchpoints: report.touchpoints.length, conversations: report.conversations.length, offers: report.offers.length, contracts: report.contracts.length,
      cases: report.cases.length, referrals: report.referrals.length, feedback: report.feedback.length, consents: report.consents.length,
      promises: report.promises.length, tasks: report.tasks.length, appointments: report.appointments.length,
    },
  }
}
