// One synced row → what the calendar projection keeps of it (docs/calendar-feed.md). Pure: the catch-up
// (projection.ts) reads rows from `sync_rows` and writes what this returns, guarded by the row's version.
import { RENEWING_STATUSES } from '../../shared/modules/contracts'
import { berlinDayStart, berlinLocalToInstant } from '../../shared/platform/berlin-time'
import type { CalendarItemTable, CalendarMemberTable, CalendarNameTable } from '../store/schema'

/** The synced tables the feed reads (entries, who takes part, and names). */
export const CALENDAR_SOURCE_TABLES = ['appointments', 'appointment_participants', 'tasks', 'follow_ups', 'contracts', 'companies', 'offers'] as const

/** A task with a due time is a short event at that time. */
export const TASK_MINUTES = 15

export interface SourceRow {
  table_name: string
  id: string
  scope_id: string
  version: number
  deleted: number
  data: string
}

export interface Projected {
  item?: CalendarItemTable
  member?: CalendarMemberTable
  name?: CalendarNameTable
}

type Data = Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^\d{2}:\d{2}$/

/** The day after a "YYYY-MM-DD" (an all-day event's exclusive end). */
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

function item(row: SourceRow, data: Data, fields: Partial<CalendarItemTable>): CalendarItemTable {
  return {
    table_name: row.table_name, row_id: row.id, version: Number(row.version), scope_id: row.scope_id, company_id: str(data.company_id),
    offer_id: null, hidden: 0, starts_at: '', all_day: 0, start_value: '', end_value: '', cancelled: 0, sequence: 0, kind: '', title: str(data.title), location: '',
    ...fields,
  }
}

const hiddenItem = (row: SourceRow, data: Data): CalendarItemTable => item(row, data, { hidden: 1 })

/** A hidden task, follow-up or contract is in nobody's list (it comes back with the row if it is reopened). */
const nobody = (row: SourceRow): CalendarMemberTable => ({ ...owner(row, ''), user_id: '' })

function allDay(row: SourceRow, data: Data, day: string, fields: Partial<CalendarItemTable>): CalendarItemTable {
  if (!DAY.test(day)) return hiddenItem(row, data)
  return item(row, data, { starts_at: berlinDayStart(day), all_day: 1, start_value: day, end_value: nextDay(day), ...fields })
}

const owner = (row: SourceRow, userId: unknown): CalendarMemberTable => ({
  source_table: row.table_name, source_id: row.id, item_table: row.table_name, item_id: row.id, user_id: row.deleted ? '' : str(userId), version: Number(row.version),
})

function appointment(row: SourceRow, data: Data): Projected {
  const starts = str(data.starts_at)
  const ends = str(data.ends_at)
  if (!LOCAL_TIME.test(starts) || !LOCAL_TIME.test(ends)) return { item: hiddenItem(row, data), member: owner(row, data.owner_id) }
  const startValue = berlinLocalToInstant(starts)
  const cancelled = row.deleted === 1 || data.status === 'cancelled'
  const sequence = Number(data.sequence ?? 0) || 0
  return {
    item: item(row, data, {
      starts_at: startValue, start_value: startValue, end_value: berlinLocalToInstant(ends), cancelled: cancelled ? 1 : 0,
      // A delete does not count the appointment's sequence up: the cancellation it is must still be newer.
      sequence: row.deleted === 1 && data.status !== 'cancelled' ? sequence + 1 : sequence,
      kind: str(data.kind), location: str(data.location),
    }),
    // A deleted appointment stays in its owner's feed as cancelled (calendars then remove or strike it).
    member: { ...owner(row, data.owner_id), user_id: str(data.owner_id) },
  }
}

function task(row: SourceRow, data: Data): Projected {
  const day = str(data.due_date)
  const time = str(data.due_time)
  if (row.deleted === 1 || data.status !== 'open' || !DAY.test(day) || !TIME.test(time)) return { item: hiddenItem(row, data), member: nobody(row) }
  const start = berlinLocalToInstant(`${day}T${time}`)
  const end = new Date(Date.parse(start) + TASK_MINUTES * 60_000).toISOString()
  return { item: item(row, data, { starts_at: start, start_value: start, end_value: end, kind: str(data.priority) }), member: owner(row, data.owner_id) }
}

function followUp(row: SourceRow, data: Data): Projected {
  if (row.deleted === 1 || str(data.status || 'open') !== 'open') return { item: hiddenItem(row, data), member: nobody(row) }
  return { item: allDay(row, data, str(data.due_date), { kind: str(data.kind), offer_id: str(data.offer_id) || null }), member: owner(row, data.owner_id) }
}

function contract(row: SourceRow, data: Data): Projected {
  const running = (RENEWING_STATUSES as readonly string[]).includes(str(data.status))
  if (row.deleted === 1 || !running) return { item: hiddenItem(row, data), member: nobody(row) }
  return { item: allDay(row, data, str(data.cancel_by), { kind: str(data.number) }), member: owner(row, data.owner_id) }
}

function participant(row: SourceRow, data: Data): Projected {
  return {
    member: {
      source_table: row.table_name, source_id: row.id, item_table: 'appointments', item_id: str(data.appointment_id),
      user_id: row.deleted ? '' : str(data.user_id), version: Number(row.version),
    },
  }
}

function name(row: SourceRow, value: unknown): Projected {
  return { name: { table_name: row.table_name, row_id: row.id, name: str(value), version: Number(row.version) } }
}

export function projectRow(row: SourceRow): Projected {
  let data: Data
  try {
    data = JSON.parse(row.data) as Data
  } catch {
    return {}
  }
  switch (row.table_name) {
    case 'appointments': return appointment(row, data)
    case 'appointment_participants': return participant(row, data)
    case 'tasks': return task(row, data)
    case 'follow_ups': return followUp(row, data)
    case 'contracts': return contract(row, data)
    case 'companies': return name(row, data.name)
    case 'offers': return name(row, data.number)
    default: return {}
  }
}
