// A user's calendar feed: their entries from the projection, written as iCalendar by ical.js (docs/calendar-feed.md).
import ICAL from 'ical.js'
import { icalText } from '../../shared/platform/ical-text'
import type { Kysely } from 'kysely'
import { translate } from '../../shared/i18n'
import type { ServerDatabase } from '../store/schema'
import { visibleScopes } from '../sync/scope'
import type { FeedOwner } from './tokens'

type Db = Kysely<ServerDatabase>

/** What a feed covers: the past month (so a calendar keeps recent history) and a year ahead. */
export const FEED_DAYS_BACK = 30
export const FEED_DAYS_AHEAD = 365

export const CALENDAR_NAME = 'Kundenreise'
const PRODID = '-//Kundenreise//Kalender-Abo//DE'
/** The feed's texts: its users work in Germany (the app's default language). */
const LANGUAGE = 'de'

export interface FeedEntry {
  table_name: string
  row_id: string
  all_day: number
  start_value: string
  end_value: string
  cancelled: number
  sequence: number
  kind: string
  title: string
  location: string
  company: string | null
  offer: string | null
}

/** Ids per statement (parameter limits; every lookup below is by primary key). */
const CHUNK = 500

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
  return out
}

/**
 * The user's entries in the window, each once (an appointment they own and take part in as well). Read in steps
 * by index and primary key — the user's members, their items, the names — rather than one join, whose plan a
 * planner may turn into scans of the whole projection (PostgreSQL chose hash joins: ~200 ms instead of ~20).
 */
export async function feedEntries(db: Db, owner: FeedOwner, now: Date): Promise<FeedEntry[]> {
  const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000).toISOString()
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000).toISOString()
  const members = await db.selectFrom('calendar_members').select(['item_table', 'item_id']).where('user_id', '=', owner.userId).execute()
  const byTable = new Map<string, Set<string>>()
  for (const m of members) {
    if (!m.item_id) continue
    const ids = byTable.get(m.item_table) ?? new Set<string>()
    ids.add(m.item_id)
    byTable.set(m.item_table, ids)
  }
  // A record of a team the user no longer sees (moved, or the user changed team) leaves their feed too.
  const scopes = visibleScopes(owner)
  const items = []
  for (const [table, ids] of byTable) {
    for (const chunk of chunks([...ids])) {
      let query = db.selectFrom('calendar_items')
        .select(['table_name', 'row_id', 'company_id', 'offer_id', 'all_day', 'start_value', 'end_value', 'cancelled', 'sequence', 'kind', 'title', 'location'])
        .where('table_name', '=', table).where('row_id', 'in', chunk).where('hidden', '=', 0).where('starts_at', '>=', from).where('starts_at', '<', to)
      if (scopes) query = query.where('scope_id', 'in', scopes)
      items.push(...(await query.execute()))
    }
  }
  const names = new Map<string, string>()
  const wanted: Array<[string, string[]]> = [
    ['companies', [...new Set(items.map((i) => i.company_id))]],
    ['offers', [...new Set(items.flatMap((i) => (i.offer_id ? [i.offer_id] : [])))]],
  ]
  for (const [table, ids] of wanted) {
    for (const chunk of chunks(ids)) {
      for (const n of await db.selectFrom('calendar_names').select(['row_id', 'name']).where('table_name', '=', table).where('row_id', 'in', chunk).execute()) names.set(`${table}:${n.row_id}`, n.name)
    }
  }
  return items.map(({ company_id, offer_id, ...i }) => ({
    ...i, company: names.get(`companies:${company_id}`) ?? null, offer: offer_id ? names.get(`offers:${offer_id}`) ?? null : null,
  }))
}

/** Stable per record: a moved or cancelled entry replaces the one the calendar holds. */
export const feedUid = (table: string, id: string): string => `${table}-${id}@kundenreise`

type SummaryKey = 'calendarFeed.event.appointment' | 'calendarFeed.event.task' | 'calendarFeed.event.followUp' | 'calendarFeed.event.cancelBy'
const SLOTS = { title: '\u0001', company: '\u0002', number: '\u0003' } as const
type Slot = keyof typeof SLOTS
const templates = new Map<string, Array<string | { slot: Slot }>>()

/**
 * A summary text, translated once per text (and appointment kind) with markers in place of the values and
 * filled by joining its parts: formatting 2,000 ICU messages would cost a good part of the feed's time budget.
 */
function fill(key: SummaryKey, kind: string, values: Record<Slot, string>): string {
  const id = `${key}|${kind}`
  let parts = templates.get(id)
  if (!parts) {
    const text = translate(LANGUAGE, key, { ...SLOTS, kind } as never)
    const markers = new RegExp(`(${Object.values(SLOTS).join('|')})`)
    parts = text.split(markers).filter(Boolean).map((p) => {
      const slot = (Object.keys(SLOTS) as Slot[]).find((s) => SLOTS[s] === p)
      return slot ? { slot } : p
    })
    templates.set(id, parts)
  }
  return parts.map((p) => (typeof p === 'string' ? p : values[p.slot])).join('')
}

function summary(e: FeedEntry): string {
  const company = e.company || translate(LANGUAGE, 'calendarFeed.event.unknownCompany')
  switch (e.table_name) {
    case 'appointments': return fill('calendarFeed.event.appointment', e.kind, { title: e.title, company, number: '' })
    case 'tasks': return fill('calendarFeed.event.task', '', { title: e.title, company, number: '' })
    case 'follow_ups': return fill('calendarFeed.event.followUp', '', { title: '', company, number: e.offer ?? '' })
    default: return fill('calendarFeed.event.cancelBy', '', { title: e.title, company, number: e.kind })
  }
}

type Property = [name: string, params: Record<string, string>, type: string, value: string | number]

/** jCal (RFC 7265) of a start or end: a UTC date-time, or a date for all-day entries. */
const time = (name: string, value: string, allDay: number): Property =>
  allDay ? [name, {}, 'date', value] : [name, {}, 'date-time', `${value.slice(0, 19)}Z`]

/**
 * The iCalendar text (RFC 5545, METHOD:PUBLISH) of the entries: built as jCal and written by ical.js, which
 * escapes and folds (building ical.js components property by property costs ~0.2 ms an event; 2,000 would
 * take most of the feed's time budget).
 */
export function writeFeed(entries: FeedEntry[], now: Date): string {
  const stamp = `${now.toISOString().slice(0, 19)}Z`
  const events = entries.map((e) => {
    const properties: Property[] = [
      ['uid', {}, 'text', feedUid(e.table_name, e.row_id)],
      ['dtstamp', {}, 'date-time', stamp],
      time('dtstart', e.start_value, e.all_day),
      time('dtend', e.end_value, e.all_day),
      ['summary', {}, 'text', icalText(summary(e))],
      ['status', {}, 'text', e.cancelled ? 'CANCELLED' : 'CONFIRMED'],
      ['sequence', {}, 'integer', Number(e.sequence)],
      // Only appointments block time; reminders of a deadline do not.
      ['transp', {}, 'text', e.table_name === 'appointments' && !e.cancelled ? 'OPAQUE' : 'TRANSPARENT'],
    ]
    if (e.location) properties.push(['location', {}, 'text', icalText(e.location)])
    return ['vevent', properties, []]
  })
  const calendar = ['vcalendar', [
    ['prodid', {}, 'text', PRODID],
    ['version', {}, 'text', '2.0'],
    ['calscale', {}, 'text', 'GREGORIAN'],
    ['method', {}, 'text', 'PUBLISH'],
    ['x-wr-calname', {}, 'unknown', CALENDAR_NAME],
    // How often a subscribing calendar should ask again (Outlook and Apple read one or the other).
    ['x-published-ttl', {}, 'unknown', 'PT1H'],
    ['refresh-interval', {}, 'duration', 'PT1H'],
  ], events]
  return ICAL.stringify(calendar as Parameters<typeof ICAL.stringify>[0]) + '\r\n'
}
