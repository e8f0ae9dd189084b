// Nothing synced is ever a path (issue 11, findings 2 and 3). Offer and contract numbers arrive from
// other laptops: letters for hostile numbers are written only inside the documents folder, under safe
// names. A sent revision's snapshot arrives too: a logo path in it is ignored; the logo is the one this
// device's profile copied into its profile folder.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { contractDocument } from '../../electron/main/modules/contracts/contract-document.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { childPath, documentFileName, safeNamePart, writeFileInside } from '../../electron/main/platform/documents/document-files'
import { offerDocument } from '../../electron/main/modules/offers/offer-document.service'
import { createOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { getProfile, updateProfile } from '../../electron/main/modules/settings/profile.service'
import { contractFieldsSchema } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

// A 2×1 red PNG, and a 1×1 one with different bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnxEIGGEMAB3xA/2bjE6OAAAAAElFTkSuQmCC', 'base64')
const OTHER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

let t: TestDb
let docs: string
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
  docs = path.join(t.dir, 'Dokumente')
})
afterEach(async () => t.cleanup())

const escapeName = `kundenreise-escape-${process.pid}-${Date.now()}`
const HOSTILE = [
  '/../../../../tmp/x',
  `../../../../../../../..${tmpdir()}/${escapeName}`,
  '..\\..\\x',
  '..\\..\\..\\Windows\\System32\\evil',
  'CON', 'nul', 'COM1', 'CON.txt',
  'a/b',
  '',
  '....',
  '.',
  '..',
  'x'.repeat(500),
  'A-2026\0/../../etc/passwd',
  'Größe Ärger Übel ß ẞ — 日本語 🙂 é',
  ' -.- ',
]

async function customer() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'NI' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de' }))
  return { company, contact }
}

const item = { name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19 as const, optional: false }
const newOffer = (companyId: string, contactId: string) => createOffer(t.ctx, offerFieldsSchema.parse({
  companyId, contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
}))
const newContract = (companyId: string, contactId: string) => createContract(t.ctx, contractFieldsSchema.parse({
  companyId, contactId, type: 'maintenance', title: 'Wartung', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months',
  renewalMonths: 12, annualValueCents: 1_200_000, notes: '', items: [item],
}))

/** Every file under `dir`, relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
}

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*\.docx$/
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

function expectSafe(doc: { fileName: string; savedPath: string }) {
  expect(doc.fileName).toMatch(SAFE_NAME)
  expect(doc.fileName.length).toBeLessThanOrEqual(160)
  expect(doc.fileName.split('.')[0]).not.toMatch(RESERVED)
  expect(doc.savedPath).toBe(path.join(path.resolve(docs), doc.fileName))
  expect(lstatSync(doc.savedPath).isFile()).toBe(true)
}

/** Whether a DOCX (a zip: entry names are stored uncompressed) embeds any image. */
const hasMedia = (base64: string) => Buffer.from(base64, 'base64').includes(Buffer.from('word/media/'))

describe('document file names from synced numbers', () => {
  it('offer and contract letters for hostile numbers stay inside the documents folder, under safe, distinct names', async () => {
    const { company, contact } = await customer()
    const before = new Set(walk(t.dir))
    const names = new Set<string>()
    for (const number of HOSTILE) {
      const offer = await newOffer(company.id, contact.id)
      const contract = await newContract(company.id, contact.id)
      // As a pull would write them: applied rows bypass the services.
      await t.ctx.db.updateTable('offers').set({ number }).where('id', '=', offer.id).execute()
      await t.ctx.db.updateTable('contracts').set({ number }).where('id', '=', contract.id).execute()
      const letters = [await offerDocument(t.ctx, { id: offer.id }, docs), await contractDocument(t.ctx, { id: contract.id }, docs)]
      for (const doc of letters) {
        expectSafe(doc)
        expect(names.has(doc.fileName), doc.fileName).toBe(false)
        names.add(doc.fileName)
      }
    }
    // Nothing new anywhere but direct children of the documents folder.
    const added = walk(t.dir).filter((f) => !before.has(f) && !/^test\.sqlite(-wal|-shm|-journal)?$/.test(f))
    expect(added.sort()).toEqual([...names].map((n) => `Dokumente/${n}`).sort())
    expect(existsSync(path.join(tmpdir(), `${escapeName}.docx`))).toBe(false)
    expect(readdirSync(tmpdir()).filter((f) => f.includes(escapeName))).toEqual([])
  })

  it('reads like the number, with revision and draft, and two offers with the same sanitised number keep two files', async () => {
    const { company, contact } = await customer()
    const a = await newOffer(company.id, contact.id)
    const b = await newOffer(company.id, contact.id)
    await t.ctx.db.updateTable('offers').set({ number: 'A/2026' }).where('id', '=', a.id).execute()
    await t.ctx.db.updateTable('offers').set({ number: 'A:2026' }).where('id', '=', b.id).execute()
    const docA = await offerDocument(t.ctx, { id: a.id }, docs)
    const docB = await offerDocument(t.ctx, { id: b.id }, docs)
    expect(docA.fileName).toBe(`Angebot-A-2026-Entwurf-${a.id.slice(-8)}.docx`)
    expect(docB.fileName).toBe(`Angebot-A-2026-Entwurf-${b.id.slice(-8)}.docx`)
    expect(readdirSync(docs).sort()).toEqual([docA.fileName, docB.fileName].sort())

    const real = await newOffer(company.id, contact.id)
    await sendOffer(t.ctx, real.id)
    const sent = await offerDocument(t.ctx, { id: real.id }, docs)
    expect(sent.fileName).toBe(`Angebot-${real.number}-${real.id.slice(-8)}.docx`)
    const contract = await newContract(company.id, contact.id)
    expect((await contractDocument(t.ctx, { id: contract.id }, docs)).fileName).toBe(`Vertragsbestaetigung-${contract.number}-${contract.id.slice(-8)}.docx`)
  })

  it('never writes through a link that sits at the document\'s name', async () => {
    const { company, contact } = await customer()
    const offer = await newOffer(company.id, contact.id)
    const first = await offerDocument(t.ctx, { id: offer.id }, docs)
    const victim = path.join(t.dir, 'victim.txt')
    writeFileSync(victim, 'untouched')
    unlinkSync(first.savedPath)
    symlinkSync(victim, first.savedPath)
    const again = await offerDocument(t.ctx, { id: offer.id }, docs)
    expect(again.savedPath).toBe(first.savedPath)
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(lstatSync(again.savedPath).isSymbolicLink()).toBe(false)
    expect(readdirSync(docs)).toEqual([first.fileName]) // no temp file left behind
  })

  it('names: German letters folded, others collapsed, length capped, reserved names avoided; paths only as direct children', () => {
    expect(safeNamePart('Größe Ärger Übel ß')).toBe('Groesse-Aerger-Uebel-ss')
    expect(safeNamePart('Café / Zürich')).toBe('Cafe-Zuerich')
    expect(safeNamePart('../../etc/passwd')).toBe('etc-passwd')
    expect(safeNamePart('....')).toBe('')
    expect(safeNamePart('x'.repeat(500))).toHaveLength(80)
    expect(documentFileName({ kind: '', number: 'CON.txt', recordId: 'x', extension: 'docx' })).toMatch(/^_CON\.txt-[0-9a-f]{8}\.docx$/)
    expect(documentFileName({ kind: 'Angebot', number: '', recordId: '../../x', extension: 'docx' })).toMatch(/^Angebot-[0-9a-f]{8}\.docx$/)
    expect(documentFileName({ kind: 'Angebot', number: 'A-2026-7KQ3M-0001', qualifiers: ['Rev2'], recordId: '019a0000-0000-7000-8000-00003f9a1c2e', extension: 'docx' }))
      .toBe('Angebot-A-2026-7KQ3M-0001-Rev2-3f9a1c2e.docx')
    for (const bad of ['../x', 'a/b', '..', '.', '', 'a\0b', path.resolve('/etc/passwd')]) expect(() => childPath(docs, bad), bad).toThrow()
    expect(childPath(docs, 'a.docx')).toBe(path.join(path.resolve(docs), 'a.docx'))
  })

  it('writeFileInside refuses a name that is not a direct child', async () => {
    await expect(writeFileInside(docs, '../escape.docx', Buffer.from('x'))).rejects.toThrow()
    expect(existsSync(path.join(t.dir, 'escape.docx'))).toBe(false)
  })
})

describe('the logo is the device\'s own', () => {
  it('a sent revision\'s snapshot naming a local file does not embed it; snapshots written now carry no logo path', async () => {
    const secret = path.join(t.dir, 'secret.png')
    writeFileSync(secret, PNG) // a valid PNG, so only the path rule keeps it out
    const { company, contact } = await customer()
    const offer = await newOffer(company.id, contact.id)
    await sendOffer(t.ctx, offer.id)
    const row = await t.ctx.db.selectFrom('offer_revisions').select(['id', 'snapshot']).where('offer_id', '=', offer.id).executeTakeFirstOrThrow()
    expect(row.snapshot).not.toMatch(/logo|[Pp]ath"/)
    const snapshot = JSON.parse(row.snapshot) as { letter: { seller: Record<string, unknown> } }
    for (const target of [secret, '/etc/passwd']) {
      snapshot.letter.seller.logoPath = target
      await t.ctx.db.updateTable('offer_revisions').set({ snapshot: JSON.stringify(snapshot) }).where('id', '=', row.id).execute()
      const doc = await offerDocument(t.ctx, { id: offer.id, revision: 1 }, docs)
      expect(hasMedia(doc.base64)).toBe(false)
      expect(doc.warnings).not.toContain('offer.warnings.logoMissing') // the device has no logo: nothing is missing
    }
  })

  it('the profile\'s logo is copied when saved and embedded from the copy, also into a sent revision; a later change at the picked path is not', async () => {
    const picked = path.join(t.dir, 'picked.png')
    writeFileSync(picked, PNG)
    await updateProfile(t.ctx, { ...(await getProfile(t.ctx)), logoPath: picked })
    const copy = path.join(t.dir, 'Profil', 'Firmenlogo')
    expect(readFileSync(copy).equals(PNG)).toBe(true)

    const { company, contact } = await customer()
    const offer = await newOffer(company.id, contact.id)
    await sendOffer(t.ctx, offer.id)
    const doc = await offerDocument(t.ctx, { id: offer.id }, docs)
    expect(hasMedia(doc.base64)).toBe(true)
    expect(doc.warnings).toEqual([]) // the test database's letter profile is complete (openTestDb)
    expect(Buffer.from(doc.base64, 'base64').includes(Buffer.from('word/media/'))).toBe(true)

    // The picked file is swapped for a link to something else: letters keep the copy.
    const secret = path.join(t.dir, 'secret.png')
    writeFileSync(secret, OTHER_PNG)
    unlinkSync(picked)
    symlinkSync(secret, picked)
    await offerDocument(t.ctx, { id: offer.id }, docs)
    expect(readFileSync(copy).equals(PNG)).toBe(true)

    const contract = await newContract(company.id, contact.id)
    expect(hasMedia((await contractDocument(t.ctx, { id: contract.id }, docs)).base64)).toBe(true)

    // Clearing the logo removes the copy.
    await updateProfile(t.ctx, { ...(await getProfile(t.ctx)), logoPath: '' })
    expect(existsSync(copy)).toBe(false)
    expect(hasMedia((await offerDocument(t.ctx, { id: offer.id }, docs)).base64)).toBe(false)
  })

  it('a picked file that is no PNG/JPEG, too big or not absolute is refused; a copy replaced by a link is not read', async () => {
    const text = path.join(t.dir, 'passwd.png')
    writeFileSync(text, 'root:x:0:0:root:/root:/bin/bash\n')
    const huge = path.join(t.dir, 'huge.png')
    writeFileSync(huge, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]))
    for (const logoPath of [text, huge, 'relative.png', path.join(t.dir, 'nope.png')]) {
      await expect(updateProfile(t.ctx, { ...(await getProfile(t.ctx)), logoPath }), logoPath).rejects.toMatchObject({ fields: { logoPath: 'errors.invalidFormat' } })
    }
    expect((await getProfile(t.ctx)).logoPath).toBe('')

    const picked = path.join(t.dir, 'picked.png')
    writeFileSync(picked, PNG)
    await updateProfile(t.ctx, { ...(await getProfile(t.ctx)), logoPath: picked })
    // The copy is replaced by a link to another image, and the picked file is gone.
    const copy = path.join(t.dir, 'Profil', 'Firmenlogo')
    const other = path.join(t.dir, 'other.png')
    writeFileSync(other, OTHER_PNG)
    unlinkSync(copy)
    symlinkSync(other, copy)
    unlinkSync(picked)
    const { company, contact } = await customer()
    const offer = await newOffer(company.id, contact.id)
    const doc = await offerDocument(t.ctx, { id: offer.id }, docs)
    expect(hasMedia(doc.base64)).toBe(false)
    expect(doc.warnings).toContain('offer.warnings.logoMissing')
    // An unchanged path whose file has gone still saves the other settings.
    await expect(updateProfile(t.ctx, { ...(await getProfile(t.ctx)), city: 'Hannover' })).resolves.toMatchObject({ city: 'Hannover', logoPath: picked })
  })

  it('a profile saved before logos were copied gets its copy when the first letter is made', async () => {
    const picked = path.join(t.dir, 'old.png')
    writeFileSync(picked, PNG)
    const value = JSON.stringify({ ...(await getProfile(t.ctx)), logoPath: picked })
    await t.ctx.db.insertInto('app_settings').values({ key: 'companyProfile', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
    mkdirSync(path.join(t.dir, 'Profil'), { recursive: true })
    const { company, contact } = await customer()
    const offer = await newOffer(company.id, contact.id)
    expect(hasMedia((await offerDocument(t.ctx, { id: offer.id }, docs)).base64)).toBe(true)
    expect(readFileSync(path.join(t.dir, 'Profil', 'Firmenlogo')).equals(PNG)).toBe(true)
  })
})
