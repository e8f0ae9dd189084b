// What the server acknowledged leaves the outbox in one statement (engine.ts, acknowledge): only the operations it
// answered, in order; a change recorded while the push was on its way stays for the next push; a refused new row is
// hidden and remembered for the rep.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type AppDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { emptySyncSummary as summary, pushAll, type EngineDeps } from '../../electron/main/modules/sync/engine'
import type { SyncTransport } from '../../electron/main/modules/sync/transport'
import type { PushRequest, PushResult } from '../../shared/modules/sync/protocol'
import { tempDir } from '../helpers/temp-db'

const NOW = '2026-12-02T09:00:00.000Z'

let database: AppDatabase | null = null
afterEach(async () => {
  await database?.close()
  database = null
})

const newCompany = (name: string) => database!.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: newId(), name, status: 'prospect' }, NOW))
const outbox = async () => (await database!.db.selectFrom('sync_outbox').select(['client_seq', 'row_id']).orderBy('client_seq').execute())

describe('acknowledging a push', () => {
  it('removes exactly the answered operations, keeps what was recorded meanwhile, hides a refused new row', async () => {
    database = await openDatabase(path.join(tempDir(), 'laptop.sqlite'))
    for (const name of ['Eins GmbH', 'Zwei GmbH', 'Drei GmbH', 'Vier GmbH', 'Fünf GmbH']) await newCompany(name)
    const before = await outbox()
    expect(before).toHaveLength(5)
    const pushes: PushRequest[] = []
    const unused = () => Promise.reject(new Error('not used here'))
    const transport = {
      login: unused, pull: unused, checksum: unused,
      // The first push: the answer covers the first three operations only (the second refused); a colleague's edit on
      // this laptop lands while it is on its way. Every later push: nothing answered, so the run stops.
      push: async (_token: string, _version: number, request: PushRequest) => {
        pushes.push(request)
        if (pushes.length > 1) throw new Error('offline')
        await newCompany('Sechs GmbH')
        return {
          results: request.ops.slice(0, 3).map((op, i): PushResult => (i === 1
            ? { opId: op.opId, status: 'rejected', version: null, reason: 'invalid_row: name' }
            : { opId: op.opId, status: 'applied', version: 100 + i })),
        }
      },
    } as unknown as SyncTransport
    const deps: EngineDeps = { db: database.db, clientId: database.clientId, token: 't'.repeat(30), schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date(NOW) }
    const run = summary()
    await expect(pushAll(deps, run)).rejects.toThrow('offline')

    expect(pushes[0]!.ops).toHaveLength(5)
    expect(run.pushed).toBe(3)
    expect(run.rejected).toBe(1)
    const left = await outbox()
    // Vier and Fünf were not answered; Sechs was recorded during the push. The second push sent all three again.
    expect(left.map((r) => r.client_seq)).toEqual([before[3]!.client_seq, before[4]!.client_seq, before[4]!.client_seq + 1])
    expect(pushes[1]!.ops.map((op) => op.rowId)).toEqual(left.map((r) => r.row_id))
    const names = (await database.db.selectFrom('companies').select('name').where('deleted_at', 'is', null).orderBy('name').execute()).map((r) => r.name)
    expect(names).toEqual(['Drei GmbH', 'Eins GmbH', 'Fünf GmbH', 'Sechs GmbH', 'Vier GmbH'])
    const rejected = JSON.parse((await database.db.selectFrom('sync_state').select('value').where('key', '=', 'rejected').executeTakeFirstOrThrow()).value) as Array<{ rowId: string; reason: string }>
    expect(rejected).toEqual([expect.objectContaining({ rowId: before[1]!.row_id, reason: 'invalid_row: name' })])
  })
})
