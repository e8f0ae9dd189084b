// An app's sync run as a separate process, so a test can kill it mid-pull:
// `tsx tests/helpers/sync-client-process.ts <db file> <server url> <login> <password> [kill after N changes]`
import { openDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { syncOnce } from '../../electron/main/modules/sync/engine'
import { httpTransport } from '../../electron/main/modules/sync/transport'

const [file, serverUrl, login, password, killAfter] = process.argv.slice(2)
const database = await openDatabase(file!)
const transport = httpTransport(serverUrl!)
const { token } = await transport.login({ login: login!, password: password!, clientId: database.clientId })
let applied = 0
await syncOnce({
  db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date(),
  afterChange: () => {
    if (killAfter && ++applied >= Number(killAfter)) process.kill(process.pid, 'SIGKILL')
  },
})
await database.close()
console.log('synced')
