// Files through the sync server, on SQLite and on PostgreSQL: a photo attached on one laptop opens on a colleague's
// after both synced (fetched on demand, hash checked), a user of another team gets 404 for the known hash, and the
// server refuses bytes that do not match their hash, files over the limit or the team's quota, and programs —
// each with nothing stored.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { attachFile, fileContent, listFiles, markOffline } from '../../electron/main/modules/files/files.service'
import { createAppointment } from '../../electron/main/modules/planning/appointment.service'
import { appointmentFieldsSchema } from '../../shared/modules/planning/appointment.schema'
import { downloadBlob, serverHasBlob, uploadBlob, type BlobSession } from '../../electron/main/modules/files/blob-client'
import { syncBlobs } from '../../electron/main/modules/files/blob-sync'
import { sha256Of } from '../../electron/main/modules/files/blob-store'
import { createApp } from '../../server/app'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { photo, placesIn, program } from '../helpers/files-fixture'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type Harness, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const session = (h: Harness, c: TestClient, fetchImpl = h.fetch): BlobSession => ({ serverUrl: 'http://sync.test', token: c.deps.token, fetch: fetchImpl })
const storedBlobs = (h: Harness) => h.store.db.selectFrom('blobs').select(['sha256', 'complete']).execute()
const storedChunks = async (h: Harness) => Number((await h.store.db.selectFrom('blob_chunks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe.each(STORE_KINDS)('files through the sync server on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** Ben attaches a 2.5 MB photo (three chunks) to a company and syncs; Anna of his team and Carla of another are connected. */
  async function attachedAndSynced() {
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    const carla = await server.client('carla')
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', ownerId: ben.ctx.userId })))
    const bytes = photo(2_500_000)
    const file = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'company', id: company.id, name: 'Lager/Halle 3.png', dataBase64: bytes.toString('base64') })
    expect(file).toMatchObject({ name: 'Halle 3.png', mime: 'image/png', size: bytes.length, present: true, pending: true })
    expect((await ben.sync()).rejected).toBe(0)
    expect(await syncBlobs(ben.ctx.db, placesIn(ben.dir).blobDir, session(server.h, ben), ben.ctx.clock)).toEqual({ uploaded: 1, fetched: 0, refused: 0 })
    await anna.sync()
    await carla.sync()
    return { ben, anna, carla, company, bytes, file }
  }

  it.skipIf(skip)('a photo attached on one laptop opens on a colleague’s after both synced; another team gets 404', async () => {
    const { ben, anna, carla, company, bytes, file } = await attachedAndSynced()
    expect((await listFiles(ben.ctx, placesIn(ben.dir), { kind: 'company', id: company.id })).files[0]).toMatchObject({ pending: false, present: true })
    const annas = await listFiles(anna.ctx, placesIn(anna.dir), { kind: 'company', id: company.id })
    expect(annas.files).toHaveLength(1)
    expect(annas.files[0]).toMatchObject({ id: file.id, name: 'Halle 3.png', present: false })
    // Opened: fetched from the server, checked against its hash, kept on Anna's laptop.
    const content = await fileContent(anna.ctx.db, placesIn(anna.dir), file.id, (sha) => downloadBlob(session(server.h, anna), sha), '2026-11-20T10:00:00.000Z')
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true)
    expect(content.preview).toBe('image')
    const again = await fileContent(anna.ctx.db, placesIn(anna.dir), file.id, null, '2026-11-20T10:00:00.000Z')
    expect(again.base64).toBe(content.base64)
    // Carla of team Süd neither receives the row nor the bytes: 404 by hash, for GET and HEAD alike.
    expect(await carla.ctx.db.selectFrom('attachments').selectAll().execute()).toEqual([])
    expect(await downloadBlob(session(server.h, carla), file.sha256)).toBeNull()
    expect(await serverHasBlob(session(server.h, carla), file.sha256)).toBe(false)
    const anonymous = await server.h.fetch(`http://sync.test/files/v1/${file.sha256}`, { method: 'GET' })
    expect(anonymous.status).toBe(401)
    const badHash = await server.h.fetch('http://sync.test/files/v1/..%2Fetc', { method: 'GET', headers: { authorization: `Bearer ${anna.deps.token}` } })
    expect(badHash.status).toBe(400)
  })

  it.skipIf(skip)('bytes that do not match the hash, files over the limit or the quota, and programs are refused with nothing stored', async () => {
    const { ben, company } = await attachedAndSynced()
    const before = await storedBlobs(server.h)
    const chunksBefore = await storedChunks(server.h)
    // A second attachment row names a hash whose bytes never arrive right.
    const other = photo(5000, 2)
    const attached = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'company', id: company.id, name: 'zweites.png', dataBase64: other.toString('base64') })
    await ben.sync()
    const wrong = photo(5000, 3)
    await expect(uploadBlob(session(server.h, ben), attached.sha256, wrong)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/do not match/) })
    expect(await storedBlobs(server.h)).toEqual(before.concat([{ sha256: attached.sha256, complete: 0 }]))
    expect(await storedChunks(server.h)).toBe(chunksBefore)
    expect(await serverHasBlob(session(server.h, ben), attached.sha256)).toBe(false)
    // Over the per-file limit and over the team's quota (another app on the same store, with small limits).
    const small = createApp({ store: server.h.store, clock: () => server.h.clock.now, fileLimits: { maxFileBytes: 4000 } })
    await expect(uploadBlob(session(server.h, ben, async (u, i) => small.request(u, i)), attached.sha256, other)).rejects.toMatchObject({ status: 413 })
    const full = createApp({ store: server.h.store, clock: () => server.h.clock.now, fileLimits: { teamQuotaBytes: 2_500_000 } })
    await expect(uploadBlob(session(server.h, ben, async (u, i) => full.request(u, i)), attached.sha256, other)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/quota|room/) })
    expect(await storedChunks(server.h)).toBe(chunksBefore)
    // A program whose attachment row a modified laptop pushed: refused by content on the server too.
    const exe = program()
    const sha = sha256Of(exe)
    await ben.ctx.db.transaction().execute(async (trx) => {
      const { insertSynced } = await import('../../db/platform/synced-writes')
      const { newId } = await import('../../db/platform/ids')
      await insertSynced(trx, 'attachments', { id: newId(), company_id: company.id, sha256: sha, size: exe.length, mime: 'application/pdf', name: 'rechnung.pdf' }, '2026-11-20T09:00:00.000Z')
    })
    await ben.sync()
    await expect(uploadBlob(session(server.h, ben), sha, exe)).rejects.toMatchObject({ status: 400 })
    expect(await serverHasBlob(session(server.h, ben), sha)).toBe(false)
    expect(await storedChunks(server.h)).toBe(chunksBefore)
    // The right bytes are taken afterwards.
    await uploadBlob(session(server.h, ben), attached.sha256, other)
    expect(await serverHasBlob(session(server.h, ben), attached.sha256)).toBe(true)
  })

  it.skipIf(skip)('a colleague’s laptop keeps the files of records marked offline and of next week’s appointments, and only those', async () => {
    const { ben, anna, company, file } = await attachedAndSynced()
    const other = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Hafenkran Service GmbH', customerNumber: 'K-8', ownerId: ben.ctx.userId })))
    const visited = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Lotsenhaus KG', customerNumber: 'K-9', ownerId: ben.ctx.userId })))
    const later = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'company', id: other.id, name: 'später.png', dataBase64: photo(3000, 4).toString('base64') })
    const visit = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'company', id: visited.id, name: 'besuch.png', dataBase64: photo(3000, 5).toString('base64') })
    await ben.sync()
    await syncBlobs(ben.ctx.db, placesIn(ben.dir).blobDir, session(server.h, ben), ben.ctx.clock)
    await anna.sync()
    // Anna: the first customer "offline verfügbar", a visit at the third in five days (Berlin time), nothing for the second.
    await markOffline(anna.ctx, { kind: 'company', id: company.id, offline: true })
    await createAppointment(anna.ctx, appointmentFieldsSchema.parse({ companyId: visited.id, title: 'Besuch', startsAt: '2026-11-25T10:00', endsAt: '2026-11-25T11:00' }))
    expect(await syncBlobs(anna.ctx.db, placesIn(anna.dir).blobDir, session(server.h, anna), anna.ctx.clock)).toMatchObject({ fetched: 2 })
    const present = async (id: string) => (await fileContent(anna.ctx.db, placesIn(anna.dir), id, null, '2026-11-20T10:00:00.000Z').then(() => true, () => false))
    expect(await present(file.id)).toBe(true)
    expect(await present(visit.id)).toBe(true)
    expect(await present(later.id)).toBe(false)
  })
})
