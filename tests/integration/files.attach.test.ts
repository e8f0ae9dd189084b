// Attaching on the laptop: a refused file (empty, over the limit, a program renamed .pdf, an unknown record)
// writes nothing — no row, no outbox operation, no blob; an accepted one is one synced row with its operation and
// its blob under its hash, listed with the record, its company and a generated letter of the record.
import { readdirSync, existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { attachFile, fileContent, listFiles, markOffline, removeFile } from '../../electron/main/modules/files/files.service'
import { recordTag } from '../../electron/main/platform/documents/document-files'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { photo, placesIn, program } from '../helpers/files-fixture'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

const outbox = () => t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'kind']).where('table_name', '=', 'attachments').execute()
const rows = () => t.ctx.db.selectFrom('attachments').selectAll().execute()
const blobFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3) : [])

describe('attaching a file on the laptop', () => {
  it('refuses bad files with a field error and writes nothing', async () => {
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name: 'Weserwerft GmbH', customerNumber: 'K-1' })))
    const places = placesIn(t.dir, 50_000)
    const attempt = (name: string, bytes: Buffer, id = company.id) => attachFile(t.ctx, places, { kind: 'company', id, name, dataBase64: bytes.toString('base64') })
    await expect(attempt('leer.pdf', Buffer.alloc(0))).rejects.toMatchObject({ code: 'validation', fields: { file: 'files.error.empty' } })
    await expect(attempt('gross.png', photo(60_000))).rejects.toMatchObject({ fields: { file: 'files.error.tooLarge' } })
    await expect(attempt('rechnung.pdf', program())).rejects.toMatchObject({ fields: { file: 'files.error.executable' } })
    await expect(attempt('foto.png', photo(), '01930000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found', message: 'files.error.record' })
    expect(await rows()).toEqual([])
    expect(await outbox()).toEqual([])
    expect(blobFiles(places.blobDir)).toEqual([])
  })

  it('stores an accepted file once under its hash, with one synced row, and lists it with the generated letters', async () => {
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name: 'Weserwerft GmbH', customerNumber: 'K-1' })))
    const places = placesIn(t.dir)
    const bytes = photo(10_000)
    const first = await attachFile(t.ctx, places, { kind: 'company', id: company.id, name: 'Halle.png', dataBase64: bytes.toString('base64') })
    await attachFile(t.ctx, places, { kind: 'company', id: company.id, name: 'Halle (Kopie).png', dataBase64: bytes.toString('base64') })
    expect(await outbox()).toEqual([{ table_name: 'attachments', kind: 'insert' }, { table_name: 'attachments', kind: 'insert' }])
    expect(blobFiles(places.blobDir)).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)])
    await mkdir(places.documentsDir, { recursive: true })
    await writeFile(path.join(places.documentsDir, `Briefing-Weserwerft-${recordTag(company.id)}.pdf`), 'x')
    await writeFile(path.join(places.documentsDir, 'Angebot-A-1-deadbeef.docx'), 'x')
    const listed = await listFiles(t.ctx, places, { kind: 'company', id: company.id })
    expect(listed.files.map((f) => [f.name, f.mime, f.pending])).toEqual([['Halle (Kopie).png', 'image/png', true], ['Halle.png', 'image/png', true]])
    expect(listed.letters.map((l) => l.name)).toEqual([`Briefing-Weserwerft-${recordTag(company.id)}.pdf`])
    expect(Buffer.from((await fileContent(t.ctx.db, places, first.id, null, '2026-11-30T10:00:00Z')).base64, 'base64').equals(bytes)).toBe(true)
    expect(await markOffline(t.ctx, { kind: 'company', id: company.id, offline: true })).toEqual({ offline: true })
    expect((await listFiles(t.ctx, places, { kind: 'company', id: company.id })).offline).toBe(true)
    await removeFile(t.ctx, first.id)
    expect((await listFiles(t.ctx, places, { kind: 'company', id: company.id })).files).toHaveLength(1)
  })
})
