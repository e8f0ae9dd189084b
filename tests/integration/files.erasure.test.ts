// DSGVO Art. 17 and files (issue 18): a file attached to the person goes with them — its row on the laptop that
// erased, on a colleague's laptop that had opened it and on the server, and its bytes in each blob folder and in
// the server's file store; the company's own file stays. SQLite and PostgreSQL stores.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { eraseContact } from '../../electron/main/modules/dsgvo'
import { downloadBlob, type BlobSession } from '../../electron/main/modules/files/blob-client'
import { blobPath } from '../../electron/main/modules/files/blob-store'
import { syncBlobs } from '../../electron/main/modules/files/blob-sync'
import { attachFile, fileContent } from '../../electron/main/modules/files/files.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { photo, placesIn } from '../helpers/files-fixture'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type Harness, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const session = (h: Harness, c: TestClient): BlobSession => ({ serverUrl: 'http://sync.test', token: c.deps.token, fetch: h.fetch })

describe.each(STORE_KINDS)('a person’s files erased with them, on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('leave no row and no bytes on either laptop nor on the server; the company’s file stays', async () => {
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-8', ownerId: ben.ctx.userId })))
    const person = await createContact(ben.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', firstName: 'Wendelgard', lastName: 'Qxzyborski', language: 'de' }))
    const card = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'contact', id: person.id, name: 'Visitenkarte.png', dataBase64: photo(3000, 4).toString('base64') })
    const hall = await attachFile(ben.ctx, placesIn(ben.dir), { kind: 'company', id: company.id, name: 'Halle.png', dataBase64: photo(3000, 5).toString('base64') })
    await ben.sync()
    expect(await syncBlobs(ben.ctx.db, placesIn(ben.dir).blobDir, session(server.h, ben), ben.ctx.clock)).toMatchObject({ uploaded: 2 })
    await anna.sync()
    // Anna opened the card: its bytes are on her laptop now.
    await fileContent(anna.ctx.db, placesIn(anna.dir), card.id, (sha) => downloadBlob(session(server.h, anna), sha), '2026-11-20T10:00:00.000Z')
    expect(existsSync(blobPath(placesIn(anna.dir).blobDir, card.sha256))).toBe(true)

    await eraseContact(ben.ctx, { id: person.id })
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()

    for (const laptop of [ben, anna]) {
      const rows = await laptop.ctx.db.selectFrom('attachments').select(['id', 'sha256']).execute()
      expect(rows, laptop.name).toEqual([{ id: hall.id, sha256: hall.sha256 }])
      expect(existsSync(blobPath(placesIn(laptop.dir).blobDir, card.sha256)), laptop.name).toBe(false)
      expect(await laptop.ctx.db.selectFrom('local_blobs').select('sha256').where('sha256', '=', card.sha256).execute()).toEqual([])
    }
    expect(existsSync(blobPath(placesIn(ben.dir).blobDir, hall.sha256))).toBe(true)
    expect((await server.h.store.db.selectFrom('blobs').select('sha256').execute()).map((b) => b.sha256)).toEqual([hall.sha256])
    expect(Number((await server.h.store.db.selectFrom('blob_chunks').select((eb) => eb.fn.countAll().as('n')).where('sha256', '=', card.sha256).executeTakeFirstOrThrow()).n)).toBe(0)
    expect(await downloadBlob(session(server.h, ben), card.sha256)).toBeNull()
    expect(await downloadBlob(session(server.h, ben), hall.sha256)).not.toBeNull()
    const tombstone = await server.h.store.db.selectFrom('sync_rows').select(['deleted', 'data']).where('table_name', '=', 'attachments').where('id', '=', card.id).executeTakeFirstOrThrow()
    expect(tombstone).toEqual({ deleted: 1, data: '{"erased":1}' })
  })
})
