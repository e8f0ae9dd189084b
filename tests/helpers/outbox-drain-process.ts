// The outbox's sender as a separate process, so a test can kill it (SIGKILL) in the middle of a drain:
// `tsx tests/helpers/outbox-drain-process.ts <db file> <smtp port>`. Drains until nothing is due, with a follow-up
// that writes one marker per delivered mail in the transaction that records it sent (a second run of the
// follow-up for the same mail would collide with its marker), then prints the run's result as JSON.
import { openDatabase } from '../../db/database'
import type { ServiceContext } from '../../electron/main/platform/context'
import { drainOutbox, sinkAccount } from './outbox-fixture'

const [file, port] = process.argv.slice(2)
const database = await openDatabase(file!)
const ctx: ServiceContext = { db: database.db, clock: () => new Date(), userId: '', userName: '' }
const result = await drainOutbox(ctx, sinkAccount(Number(port)), {
  onDelivered: async (trx, entry, sentAt) => {
    await trx.insertInto('app_settings').values({ key: `delivered.${entry.id}`, value: sentAt }).execute()
  },
})
await database.close()
console.log(JSON.stringify(result))
