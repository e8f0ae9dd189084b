// `npx tsx scripts/bench-calendar-feed.ts` (also part of `npm run bench`): the calendar feed on a large server
// store, per store kind, as JSON lines. The store holds 50 users' rows in 5 teams (20,000 companies, 200,000
// touchpoints, 20,000 offers, 40,000 follow-ups, 10,000 contracts, 50,000 tasks, 20,000 appointments) and one
// rep with 2,000 entries in the feed's window. Measured: the first catch-up of the projection (the whole store),
// the warm feed request of that rep (token check, catch-up with nothing new, query, iCalendar), and the
// request after 100 changes.
import path from 'node:path'
import { newId } from '../db/platform/ids'
import { createTeam, createUser } from '../server/admin/accounts'
import { importRows, type ImportRow } from '../server/admin/import'
import { createApp } from '../server/app'
import { feedEntries, writeFeed } from '../server/calendar/feed'
import { catchUpCalendar } from '../server/calendar/projection'
import { resetCalendarToken } from '../server/calendar/tokens'
import { openStore, type Store } from '../server/store/open-store'
import { writeWithSequence } from '../server/sync/sequence'
import { tempDir } from '../tests/helpers/temp-db'

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const TEAMS = 5
const USERS_PER_TEAM = 10
const scale = Number(process.env.BENCH_FEED_SCALE ?? 1)
const COMPANIES_PER_TEAM = Math.round(4000 * scale)

export const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

const DAY = 86_400_000
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)
const local = (offset: number, hour: number) => `${day(offset)}T${String(hour).padStart(2, '0')}:00`

/** One team's rows; the rep (the team's first user in team 0) gets 2,000 entries in the window. */
function teamRows(users: string[], rep: string | null): ImportRow[] {
  const rows: ImportRow[] = []
  const push = (table: ImportRow['table'], data: ImportRow['data']) => {
    const id = newId()
    rows.push({ table, id, data })
    return id
  }
  const companies: string[] = []
  for (let i = 0; i < COMPANIES_PER_TEAM; i++) companies.push(push('companies', { name: `Bench Firma ${i} GmbH`, status: 'customer', customer_number: '' }))
  const pick = (i: number) => companies[i % companies.length]!
  // The rep's entries are only the 2,000 below: the team's other records belong to its other users.
  const others = rep ? users.filter((u) => u !== rep) : users
  const owner = (i: number) => others[i % others.length]!
  for (let i = 0; i < COMPANIES_PER_TEAM * 10; i++) push('touchpoints', { company_id: pick(i), type: 'call', occurred_at: day(-(i % 700)), subject: 'Telefonat', body: 'Rückfrage zum Angebot' })
  for (let i = 0; i < COMPANIES_PER_TEAM; i++) {
    const offer = push('offers', { company_id: pick(i), number: `A-2026-BENCH-${rows.length}`, status: 'sent', owner_id: owner(i), offer_date: day(-10), valid_until: day(30) })
    for (const k of ['after_first', 'before_expiry']) push('follow_ups', { offer_id: offer, company_id: pick(i), owner_id: owner(i), kind: k, due_date: day((i % 400) - 35), planned_date: day(0), status: 'open' })
  }
  for (let i = 0; i < COMPANIES_PER_TEAM / 2; i++) push('contracts', { company_id: pick(i), number: `V-2026-BENCH-${i}`, title: 'Wartung', owner_id: owner(i), status: 'active', cancel_by: day((i % 400) - 35) })
  for (let i = 0; i < COMPANIES_PER_TEAM * 2.5; i++) push('tasks', { company_id: pick(i), title: `Rückruf ${i}`, due_date: day((i % 400) - 35), due_time: i % 2 ? '10:30' : null, owner_id: owner(i), status: i % 5 ? 'open' : 'done' })
  for (let i = 0; i < COMPANIES_PER_TEAM; i++) {
    const a = push('appointments', { company_id: pick(i), kind: 'visit', title: `Besuch ${i}`, starts_at: local((i % 400) - 35, 9 + (i % 8)), ends_at: local((i % 400) - 35, 10 + (i % 8)), location: 'Braunschweig', owner_id: owner(i), status: 'planned', sequence: 0 })
    if (i % 2 === 0) push('appointment_participants', { appointment_id: a, company_id: pick(i), user_id: owner(i + 1) })
  }
  if (rep) {
    // The rep: 1,000 own appointments, 200 where a colleague invited them, 400 timed tasks, 200 follow-ups, 200 contracts.
    for (let i = 0; i < 1200; i++) {
      const a = push('appointments', { company_id: pick(i), kind: 'call', title: `Termin ${i}`, starts_at: local((i % 380) - 25, 8 + (i % 9)), ends_at: local((i % 380) - 25, 9 + (i % 9)), location: '', owner_id: i < 1000 ? rep : owner(i + 1), status: 'planned', sequence: 0 })
      if (i >= 1000) push('appointment_participants', { appointment_id: a, company_id: pick(i), user_id: rep })
    }
    for (let i = 0; i < 400; i++) push('tasks', { company_id: pick(i), title: `Aufgabe ${i}`, due_date: day((i % 380) - 25), due_time: '14:00', owner_id: rep, status: 'open' })
    for (let i = 0; i < 200; i++) {
      const offer = push('offers', { company_id: pick(i), number: `A-2026-REP-${i}`, status: 'sent', owner_id: rep, offer_date: day(-10), valid_until: day(30) })
      push('follow_ups', { offer_id: offer, company_id: pick(i), owner_id: rep, kind: 'after_first', due_date: day((i % 380) - 25), planned_date: day(0), status: 'open' })
      push('contracts', { company_id: pick(i), number: `V-2026-REP-${i}`, title: 'Wartung', owner_id: rep, status: 'renewed', cancel_by: day((i % 380) - 25) })
    }
  }
  return rows
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function benchStore(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dir = tempDir()
  const schema = `bench_feed_${Date.now().toString(36)}`
  const store: Store = kind === 'sqlite' ? await openStore(path.join(dir, 'server.sqlite')) : await openStore(PG_URL, { schema })
  try {
    let rep = ''
    let total = 0
    for (let t = 0; t < TEAMS; t++) {
      const teamId = await createTeam(store, `Bench Team ${t}`)
      const users: string[] = []
      for (let u = 0; u < USERS_PER_TEAM; u++) users.push(await createUser(store, { login: `bench${t}-${u}`, displayName: `Bench ${t}/${u}`, role: 'field_sales', teamId, password: 'Bench-Passwort-2026' }))
      if (t === 0) rep = users[0]!
      total += await importRows(store, teamRows(users, t === 0 ? rep : null), { teamId })
    }
    emit(`calendar.${kind}.store_rows`, total, 'rows')
    let projected = 0
    emit(`calendar.${kind}.first_catch_up`, await timed(async () => (projected = (await catchUpCalendar(store.db)).rows)), 'ms')
    emit(`calendar.${kind}.first_catch_up_rows`, projected, 'rows')

    const app = createApp({ store })
    const { token } = await resetCalendarToken(store.db, rep, new Date())
    let entries = 0
    let bytes = 0
    const fetchFeed = async () => {
      const response = await app.request(`http://bench.test/calendar/feed/${token}.ics`)
      const body = await response.text()
      if (response.status !== 200) throw new Error(`feed answered ${response.status}`)
      entries = body.split('BEGIN:VEVENT').length - 1
      bytes = body.length
    }
    for (let i = 0; i < 3; i++) await fetchFeed()
    const samples: number[] = []
    for (let i = 0; i < 20; i++) samples.push(await timed(fetchFeed))
    samples.sort((a, b) => a - b)
    const median = async (fn: () => unknown) => {
      const runs: number[] = []
      for (let i = 0; i < 11; i++) runs.push(await timed(async () => fn()))
      return runs.sort((a, b) => a - b)[5]!
    }
    const owner = { userId: rep, role: 'field_sales' as const, teamId: (await store.db.selectFrom('users').select('team_id').where('id', '=', rep).executeTakeFirstOrThrow()).team_id }
    const rows = await feedEntries(store.db, owner, new Date())
    emit(`calendar.${kind}.feed_query.median`, await median(() => feedEntries(store.db, owner, new Date())), 'ms')
    emit(`calendar.${kind}.feed_write_ical.median`, await median(() => writeFeed(rows, new Date())), 'ms')
    emit(`calendar.${kind}.feed_entries`, entries, 'entries')
    emit(`calendar.${kind}.feed_bytes`, bytes, 'bytes')
    emit(`calendar.${kind}.feed_2000_entries.median`, samples[10]!, 'ms')
    emit(`calendar.${kind}.feed_2000_entries.p95`, samples[19]!, 'ms')

    // 100 of the rep's appointments moved by a push (new versions): the next request catches up on them.
    const moved = await store.db.selectFrom('sync_rows').select(['id', 'data']).where('table_name', '=', 'appointments').where('data', 'like', '%Termin %').limit(100).execute()
    await writeWithSequence(store, async (trx, seq) => {
      for (const row of moved) await trx.updateTable('sync_rows').set({ version: seq.next(), data: row.data.replace(/T(\d\d):00/g, 'T$1:30') }).where('table_name', '=', 'appointments').where('id', '=', row.id).execute()
    })
    emit(`calendar.${kind}.feed_after_100_changes`, await timed(fetchFeed), 'ms')
  } finally {
    await store.close()
    if (kind === 'postgres') {
      const pg = (await import('pg')).default
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
    }
  }
}

export async function benchCalendarFeed(): Promise<void> {
  await benchStore('sqlite')
  if (process.env.BENCH_PG !== '0') await benchStore('postgres').catch((err: unknown) => console.error('[bench] calendar feed on PostgreSQL skipped:', String(err)))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCalendarFeed().then(() => process.exit(0), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
