// The trigram search indexes follow their rows through inserts, real edits and writes that change nothing (a pulled
// row written again with the same text, as when a laptop receives its own pushed rows back): a write that leaves the
// indexed text as it was does not touch the index (migration 033), and the index never drifts from its table.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../db/platform/ids'
import { applyPage } from '../../electron/main/modules/sync'
import { openTestDb, type TestDb } from '../helpers/temp-db'

describe('search indexes and unchanged rows', () => {
  let t: TestDb
  beforeEach(async () => {
    t = await openTestDb()
  })
  afterEach(async () => {
    await t.cleanup()
  })

  const found = async (table: 'companies' | 'touchpoints', text: string) =>
    (await sql<{ id: string }>`select id from ${sql.table(table)} where local_seq in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${`"${text}"`}) order by id`.execute(t.ctx.db)).rows.map((r) => r.id)
  const consistent = async (table: string) => {
    // FTS5's own check of an external-content index against its table: throws on any drift.
    await sql.raw(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`).execute(t.ctx.db)
    return true
  }

  it('finds rows by their current text after pulled pages, the same pages again, and real edits', async () => {
    const companyId = newId()
    const touchpointId = newId()
    const now = '2026-11-20T09:00:00.000Z'
    const company = (name: string, city: string, seq: number) => ({ seq, table: 'companies', id: companyId, op: 'upsert' as const, data: { name, city, status: 'customer', customer_number: 'K-1', industry: '', team_id: '', created_at: now } })
    const touchpoint = (summary: string, channel: string, seq: number) => ({ seq, table: 'touchpoints', id: touchpointId, op: 'upsert' as const, data: { company_id: companyId, contact_id: null, occurred_at: now, channel, direction: 'outbound', mode: 'direct', station: 'offer', summary, created_by: '', created_at: now } })
    await applyPage(t.ctx.db, [company('Brunsviga Rechenmaschinen GmbH', 'Braunschweig', 1), touchpoint('Angebot nachgefasst', 'phone', 2)], 2, { now })
    expect(await found('companies', 'Brunsviga')).toEqual([companyId])
    expect(await found('touchpoints', 'nachgefasst')).toEqual([touchpointId])

    // The same rows again with nothing of the indexed text changed (an echo, another field edited).
    await applyPage(t.ctx.db, [company('Brunsviga Rechenmaschinen GmbH', 'Braunschweig', 3), touchpoint('Angebot nachgefasst', 'email', 4)], 4, { now })
    expect(await found('companies', 'Brunsviga')).toEqual([companyId])
    expect(await found('touchpoints', 'nachgefasst')).toEqual([touchpointId])
    expect(await t.ctx.db.selectFrom('touchpoints').select('channel').where('id', '=', touchpointId).executeTakeFirstOrThrow()).toEqual({ channel: 'email' })
    expect(await consistent('companies')).toBe(true)
    expect(await consistent('touchpoints')).toBe(true)

    // Real edits of the indexed text: the old words are gone from the index, the new ones found.
    await applyPage(t.ctx.db, [company('Brunsviga Rechenmaschinen GmbH', 'Wolfenbüttel', 5), touchpoint('Auftrag bestätigt', 'email', 6)], 6, { now })
    expect(await found('companies', 'Braunschweig')).toEqual([])
    expect(await found('companies', 'Wolfenbüttel')).toEqual([companyId])
    expect(await found('touchpoints', 'nachgefasst')).toEqual([])
    expect(await found('touchpoints', 'bestätigt')).toEqual([touchpointId])
    await t.ctx.db.updateTable('companies').set({ name: 'Brunsviga GmbH' }).where('id', '=', companyId).execute()
    expect(await found('companies', 'Rechenmaschinen')).toEqual([])
    expect(await found('companies', 'Brunsviga GmbH')).toEqual([companyId])
    expect(await consistent('companies')).toBe(true)
    expect(await consistent('touchpoints')).toBe(true)
    expect(await consistent('contacts')).toBe(true)
  })
})
