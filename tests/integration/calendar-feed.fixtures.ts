// Set-ups of the calendar feed tests: records written on a laptop (through its services, or as synced rows in
// the planning tables' shapes), the feed's endpoints called through the harness, the feed read with ical.js.
import ICAL from 'ical.js'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { createOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { contractFieldsSchema } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import type { Harness, TestClient } from '../helpers/sync-harness'
import { completeLetterProfile } from '../helpers/letter-profile'
import { validCompany } from '../helpers/temp-db'

export async function customer(c: TestClient, name: string): Promise<string> {
  return (await createCompany(c.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name })))).id
}

type Row = Record<string, string | number | null>

async function insert(c: TestClient, table: 'appointments' | 'tasks' | 'appointment_participants', row: Row): Promise<string> {
  const id = newId()
  await c.ctx.db.transaction().execute((trx) => insertSynced(trx, table, { id, ...row } as never, c.ctx.clock().toISOString()))
  return id
}

export const appointment = (c: TestClient, companyId: string, fields: Row) =>
  insert(c, 'appointments', { company_id: companyId, kind: 'visit', title: 'Termin', location: '', notes: '', owner_id: c.ctx.userId, status: 'planned', sequence: 0, created_by: c.ctx.userId, ...fields })

export const task = (c: TestClient, companyId: string, fields: Row) =>
  insert(c, 'tasks', { company_id: companyId, title: 'Aufgabe', notes: '', priority: 'normal', owner_id: c.ctx.userId, status: 'open', outcome: '', created_by: c.ctx.userId, ...fields })

export const participant = (c: TestClient, appointmentId: string, companyId: string, userId: string) =>
  insert(c, 'appointment_participants', { appointment_id: appointmentId, company_id: companyId, contact_id: null, user_id: userId })

const item = { name: 'Wartung Prüfstände', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19 as const, optional: false }

/** An offer marked sent: its follow-ups are planned, owned by the laptop's user. */
export async function sentOffer(c: TestClient, companyId: string) {
  await completeLetterProfile(c.ctx)
  const offer = await createOffer(c.ctx, offerFieldsSchema.parse({
    companyId, offerDate: '2026-11-20', validUntil: '2026-12-31', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  }))
  return sendOffer(c.ctx, offer.id)
}

export const contract = (c: TestClient, companyId: string) => createContract(c.ctx, contractFieldsSchema.parse({
  companyId, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months',
  renewalMonths: 12, annualValueCents: 1_200_000, notes: '',
}))

/** Calls the token endpoint with the laptop's session. */
export async function tokenCall(h: Harness, c: TestClient, method: 'GET' | 'POST' | 'DELETE'): Promise<{ status: number; body: unknown }> {
  const response = await h.fetch('http://sync.test/calendar/token', { method, headers: { authorization: `Bearer ${c.deps.token}` } })
  return { status: response.status, body: await response.json() }
}

export async function newFeed(h: Harness, c: TestClient): Promise<{ url: string; createdAt: string }> {
  const { status, body } = await tokenCall(h, c, 'POST')
  if (status !== 200) throw new Error(`POST /calendar/token: ${status} ${JSON.stringify(body)}`)
  return body as { url: string; createdAt: string }
}

export async function fetchFeed(h: Harness, url: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await h.fetch(url, { method: 'GET' })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

export interface FeedEvent {
  uid: string
  summary: string
  location: string
  status: string
  sequence: number
  allDay: boolean
  /** UTC "…Z" for a timed event, "YYYY-MM-DD" for an all-day one. */
  start: string
  end: string
}

const asText = (t: ICAL.Time): string => (t.isDate ? t.toString() : `${t.toString()}Z`.replace(/ZZ$/, 'Z'))

/** The feed's events by UID, read with ical.js. */
export function feedEvents(text: string): Map<string, FeedEvent> {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = new Map<string, FeedEvent>()
  for (const v of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v)
    events.set(e.uid, {
      uid: e.uid, summary: e.summary, location: e.location ?? '', status: String(v.getFirstPropertyValue('status')), sequence: e.sequence,
      allDay: e.startDate.isDate, start: asText(e.startDate), end: asText(e.endDate),
    })
  }
  return events
}
