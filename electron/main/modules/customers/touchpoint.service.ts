// Touchpoint use cases and the customer timeline built from them.
import type { Kysely, Transaction } from 'kysely'
import { findCompany } from '../../../../db/modules/customers/company.repository'
import { findContact } from '../../../../db/modules/customers/contact.repository'
import { findTouchpoint, listTouchpoints as queryTouchpoints, touchpointsOfRecord } from '../../../../db/modules/customers/touchpoint.repository'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import type { TimelineEntry, Touchpoint } from '../../../../shared/modules/customers/customer.types'
import type { TouchpointRelatedType } from '../../../../shared/modules/customers/customer.enums'
import type { TouchpointFields, TouchpointListQuery } from '../../../../shared/modules/customers/touchpoint.schema'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { toTouchpoint, touchpointColumns } from './customers.mappers'
import { refreshJourney } from './journey.service'
import { berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'

export async function getTouchpoint(ctx: ServiceContext, id: string, db: Kysely<Database> = ctx.db): Promise<Touchpoint> {
  const row = await findTouchpoint(db, id)
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toTouchpoint(row)
}

export async function createTouchpoint(ctx: ServiceContext, fields: TouchpointFields): Promise<Touchpoint> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute((trx) => insertTouchpoint(trx, ctx, fields, now))
}

/** Inserts a touchpoint within the caller's transaction (a lead's conversion writes it with its company). */
export async function insertTouchpoint(trx: Transaction<Database>, ctx: ServiceContext, fields: TouchpointFields, now: string): Promise<Touchpoint> {
  const company = await findCompany(trx, fields.companyId)
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  let contactName = ''
  if (fields.contactId) {
    const contact = await findContact(trx, fields.contactId)
    if (contact?.company_id !== fields.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
    contactName = `${contact.first_name} ${contact.last_name}`.trim()
  }
  const id = newId()
  const columns = touchpointColumns(fields, ctx.userId)
  await insertSynced(trx, 'touchpoints', { id, ...columns }, now)
  const occurredAt = columns.occurred_at
  const newest = company.latest_touchpoint_at === null || occurredAt >= company.latest_touchpoint_at
  await refreshJourney(trx, fields.companyId, now, { ...company, latestTouchpointStation: newest ? fields.station : company.latest_touchpoint_station })
  // Built from what this transaction wrote and read, instead of reading it back.
  return {
    ...fields,
    id,
    occurredAt,
    companyName: company.name,
    contactName,
    createdByName: ctx.userName,
    relatedType: null,
    relatedId: null,
    mailMessageId: null,
    mail: null,
    messageKey: null,
    messageParams: {},
    createdAt: now,
    updatedAt: now,
  }
}

export async function deleteTouchpoint(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findTouchpoint(trx, id)
    if (!existing) throw new AppError('not_found', 'errors.notFound')
    await deleteSynced(trx, 'touchpoints', id, now)
    await refreshJourney(trx, existing.company_id, now)
  })
  return { id }
}

/** A filter day is a German calendar day: from its midnight in Europe/Berlin to the next one (instants are stored in UTC). */
const dayStart = (day: string) => berlinDayStart(day)
const nextDayStart = (day: string) => berlinDayStart(addCalendarDays(day, 1))

export async function listTouchpoints(ctx: ServiceContext, query: Required<TouchpointListQuery>, countAhead?: number): Promise<Page<Touchpoint>> {
  if (query.from && query.to && query.from > query.to) throw fieldError('to', 'errors.rangeEndBeforeStart')
  const range = { from: query.from ? dayStart(query.from) : null, toExclusive: query.to ? nextDayStart(query.to) : null }
  const { rows, total, totalIsLowerBound } = await queryTouchpoints(ctx.db, query, range, countAhead)
  return { rows: rows.map(toTouchpoint), total, totalIsLowerBound, offset: query.offset }
}

/** The touchpoints of one record (an offer's mails and the replies in their thread), newest first. */
export async function recordTimeline(ctx: ServiceContext, q: { relatedType: TouchpointRelatedType; relatedId: string }): Promise<Touchpoint[]> {
  return (await touchpointsOfRecord(ctx.db, q.relatedType, q.relatedId)).map(toTouchpoint)
}

/** Newest first; the company's creation closes the timeline on its last page. */
export async function companyTimeline(ctx: ServiceContext, q: { companyId: string; offset: number; limit: number }): Promise<Page<TimelineEntry>> {
  const company = await findCompany(ctx.db, q.companyId)
  if (!company) throw new AppError('not_found', 'errors.notFound')
  const page = await listTouchpoints(ctx, {
    search: '', companyId: q.companyId, channel: '', station: '', from: '', to: '',
    sort: 'occurredAt', dir: 'desc', offset: q.offset, limit: q.limit,
  })
  const rows: TimelineEntry[] = page.rows.map((touchpoint) => ({ kind: 'touchpoint', at: touchpoint.occurredAt, touchpoint }))
  const total = page.total + 1
  if (!page.totalIsLowerBound && q.offset + rows.length >= page.total && rows.length < q.limit) rows.push({ kind: 'company_created', at: company.created_at })
  return { rows, total, totalIsLowerBound: page.totalIsLowerBound, offset: q.offset }
}
