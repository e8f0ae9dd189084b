// Files through the sync server (issue 18): upload and download throughput of blobs (MB/s) over real HTTP on
// loopback, SQLite store and PostgreSQL (when reachable), beside a plain file copy of the same bytes on the same
// machine. One JSON line per figure. Called by scripts/bench.ts; `npx tsx scripts/bench-files.ts` alone.
import { copyFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { openDatabase } from '../db/database'
import { SCHEMA_VERSION } from '../db/migrations'
import { newId } from '../db/platform/ids'
import { insertSynced } from '../db/platform/synced-writes'
import { attachFile, downloadBlob, syncBlobs } from '../electron/main/modules/files'
import { httpTransport, syncOnce } from '../electron/main/modules/sync'
import { createTeam, createUser } from '../server/admin/accounts'
import { createApp } from '../server/app'
import { openStore, type Store } from '../server/store/open-store'
import { photo, placesIn } from '../tests/helpers/files-fixture'
import { PG_URL, postgresReachable } from './bench-sync'
import { tempDir } from '../tests/helpers/temp-db'

const FILES = Number(process.env.BENCH_FILES ?? 4)
const FILE_MB = 20
const MB = 1024 * 1024
const PASSWORD = 'Bench-Passwort-2026'
const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

async function laptop(url: string, login: string) {
  const dir = tempDir()
  const database = await openDatabase(path.join(dir, `${login}.sqlite`))
  const transport = httpTransport(url)
  const { token } = await transport.login({ login, password: PASSWORD, clientId: database.clientId })
  const ctx = { db: database.db, clock: () => new Date(), userId: '', userName: login }
  const sync = () => syncOnce({ db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: ctx.clock })
  return { dir, database, ctx, session: { serverUrl: url, token, fetch }, sync }
}

async function throughput(kind: string, store: Store): Promise<void> {
  const team = await createTeam(store, 'Vertrieb Nord')
  for (const login of ['anna', 'ben']) await createUser(store, { login, displayName: login, role: 'field_sales', teamId: team, password: PASSWORD })
  const server = serve({ fetch: createApp({ store }).fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as { port: number }
  const url = `http://127.0.0.1:${port}`
  try {
    const anna = await laptop(url, 'anna')
    const companyId = newId()
    await anna.database.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: companyId, name: 'Bench GmbH', status: 'customer' }, new Date().toISOString()))
    const files = []
    for (let i = 0; i < FILES; i++) {
      files.push(await attachFile(anna.ctx, placesIn(anna.dir), { kind: 'company', id: companyId, name: `foto-${i}.png`, dataBase64: photo(FILE_MB * MB - 1024, i + 1).toString('base64') }))
    }
    const bytes = files.reduce((sum, f) => sum + f.size, 0)
    await anna.sync()
    let t0 = performance.now()
    await syncBlobs(anna.database.db, placesIn(anna.dir).blobDir, anna.session, anna.ctx.clock)
    emit(`files.upload.${kind}`, bytes / MB / ((performance.now() - t0) / 1000), 'MB/s')
    const ben = await laptop(url, 'ben')
    await ben.sync()
    t0 = performance.now()
    for (const f of files) if (!(await downloadBlob(ben.session, f.sha256))) throw new Error('blob not served')
    emit(`files.download.${kind}`, bytes / MB / ((performance.now() - t0) / 1000), 'MB/s')
    await anna.database.close()
    await ben.database.close()
  } finally {
    server.close()
  }
}

async function plainCopy(): Promise<void> {
  const dir = tempDir()
  const sources: string[] = []
  for (let i = 0; i < FILES; i++) {
    sources.push(path.join(dir, `foto-${i}.png`))
    await writeFile(sources[i]!, photo(FILE_MB * MB - 1024, i + 1))
  }
  const t0 = performance.now()
  for (const source of sources) await copyFile(source, `${source}.kopie`)
  emit('files.plain_copy', (FILES * (FILE_MB * MB - 1024)) / MB / ((performance.now() - t0) / 1000), 'MB/s')
}

export async function benchFiles(): Promise<void> {
  emit('files.bench_bytes', FILES * FILE_MB, 'MB')
  const sqlite = await openStore(path.join(tempDir(), 'bench-files.sqlite'))
  await throughput('sqlite', sqlite).finally(() => sqlite.close())
  if (await postgresReachable()) {
    const schema = `bench_files_${Date.now().toString(36)}`
    const store = await openStore(PG_URL, { schema })
    await throughput('postgres', store).finally(async () => {
      await store.db.schema.dropSchema(schema).ifExists().cascade().execute().catch(() => {})
      await store.close()
    })
  }
  await plainCopy()
}

if (process.argv[1]?.endsWith('bench-files.ts')) benchFiles().then(() => process.exit(0), (err: unknown) => {
  console.error(err)
  process.exit(1)
})
