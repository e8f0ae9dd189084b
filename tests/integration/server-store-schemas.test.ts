// Two stores in two schemas of one PostgreSQL database (two test files side by side, or a server moved to a
// new schema beside an old one): the second store creates its own migration tables instead of taking the
// first one's for its own, and each holds the full schema.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../server/store/open-store'
import { openTestStore, PG_URL, postgresAvailable } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

describe.skipIf(!pgOk)('server store in its own PostgreSQL schema', () => {
  it('migrates a second schema while another schema already holds the migration tables', async () => {
    const first = await openTestStore('postgres')
    const second = await openTestStore('postgres')
    try {
      for (const { store } of [first, second]) {
        const tables = (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = current_schema()`.execute(store.db)).rows.map((r) => r.t)
        expect(tables).toEqual(expect.arrayContaining(['kysely_migration', 'kysely_migration_lock', 'sync_rows', 'users']))
      }
      // Reopened through a URL that names the schema only in its search path, as the server process does.
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(second.store.db)).rows[0]!.s
      const again = await openStore(`${PG_URL}?options=-c%20search_path%3D${schema}`)
      expect(Number((await again.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0)
      await again.close()
    } finally {
      await second.cleanup()
      await first.cleanup()
    }
  })
})
