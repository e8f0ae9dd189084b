// A user's calendar feed: their entries from the projection, written as iCalendar by ical.js (docs/calendar-feed.md).
import ICAL from 'ical.js'
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

/** The user's entries in the window, each once (an appointment they own and take part in as well). */
export async function feedEntries(db: Db, owner: FeedOwner, now: Date): Promise<FeedEntry[]> {
  const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000).toISOString()
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000).toISOString()
  let query = db.selectFrom('calendar_members as m')
    .innerJoin('calendar_items as i', (j) => j.onRef('i.table_name', '=', 'm.item_table').onRef('i.row_id', '=', 'm.item_id'))
    .leftJoin('calendar_names as c', (j) => j.on('c.table_name', '=', 'companies').onRef('c.row_id', '=', 'i.company_id'))
    .leftJoin('calendar_names as o', (j) => j.on('o.table_name', '=', 'offers').onRef('o.row_id', '=', 'i.offer_id'))
    .select(['i.table_name', 'i.row_id', 'i.all_day', 'i.start_value', 'i.end_value', 'i.cancelled', 'i.sequence', 'i.kind', 'i.title', 'i.location', 'c.name as company', 'o.name as offer'])
    .where('m.user_id', '=', owner.userId).where('i.hidden', '=', 0).where('i.starts_at', '>=', from).where('i.starts_at', '<', to)
  // A record of a team the user no longer sees (moved, or the user changed team) leaves their feed too.
  const scopes = visibleScopes(owner)
  if (scopes) query = query.where('i.scope_id', 'in', scopes)
  const rows = await query.execute()
  const seen = new Set<string>()
  return rows.filter((r) => {
    const key = `${r.table_name}-${r.row_id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Stable per record: a moved or cancelled entry replaces the one the calendar holds. */
export const feedUid = (table: string, id: string): string => `${table}-${id}@kundenreise`

function summary(e: FeedEntry): string {
  const company = e.company || translate(LANGUAGE, 'calendarFeed.event.unknownCompany')
  switch (e.table_name) {
    case 'appointments': return translate(LANGUAGE, 'calendarFeed.event.appointment', { kind: e.kind, title: e.title, company })
    case 'tasks': return translate(LANGUAGE, 'calendarFeed.event.task', { title: e.title, company })
    case 'follow_ups': return translate(LANGUAGE, 'calendarFeed.event.followUp', { number: e.offer ?? '', company })
    default: return translate(LANGUAGE, 'calendarFeed.event.cancelBy', { number: e.kind, title: e.title, company })
  }
}

const time = (value: string, allDay: number) => (allDay ? ICAL.Time.fromDateString(value) : ICAL.Time.fromJSDate(new Date(value), true))

/** The iCalendar text (RFC 5545, METHOD:PUBLISH) of the entries. */
export function writeFeed(entries: FeedEntry[], now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.updatePropertyWithValue('prodid', PRODID)
  calendar.updatePropertyWithValue('version', '2.0')
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN')
  calendar.updatePropertyWithValue('method', 'PUBLISH')
  calendar.updatePropertyWithValue('x-wr-calname', CALENDAR_NAME)
  // How often a subscribing calendar should ask again (Outlook and Apple read one or the other).
  calendar.updatePropertyWithValue('x-published-ttl', 'PT1H')
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H')).setParameter('value', 'DURATION')
  const stamp = ICAL.Time.fromJSDate(now, true)
  for (const e of entries) {
    const event = new ICAL.Component('vevent')
    event.updatePropertyWithValue('uid', feedUid(e.table_name, e.row_id))
    event.updatePropertyWithValue('dtstamp', stamp)
    event.updatePropertyWithValue('dtstart', time(e.start_value, e.all_day))
    event.updatePropertyWithValue('dtend', time(e.end_value, e.all_day))
    event.updatePropertyWithValue('summary', summary(e))
    if (e.location) event.updatePropertyWithValue('location', e.location)
    event.updatePropertyWithValue('status', e.cancelled ? 'CANCELLED' : 'CONFIRMED')
    event.updatePropertyWithValue('sequence', Number(e.sequence))
    // Only appointments block time; reminders of a deadline do not.
    event.updatePropertyWithValue('transp', e.table_name === 'appointments' && !e.cancelled ? 'OPAQUE' : 'TRANSPARENT')
    calendar.addSubcomponent(event)
  }
  return calendar.toString() + '\r\n'
}
