// Letters this laptop generated for a record (offer, contract, conversation, briefing) listed among its files:
// each generated file's name ends in the tag of its record's id (`documentFileName`), so a record's letters
// are the files of `Dokumente/` with its tag — or, for a company, the tag of one of its records.
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { FileRecordRef, LetterFile } from '../../../../shared/modules/files'
import { recordTag } from '../../platform/documents/document-files'

async function idsOf(db: Kysely<Database>, ref: FileRecordRef): Promise<string[]> {
  if (ref.kind !== 'company') return [ref.id]
  const [offers, contracts, conversations, appointments] = await Promise.all([
    db.selectFrom('offers').select('id').where('company_id', '=', ref.id).execute(),
    db.selectFrom('contracts').select('id').where('company_id', '=', ref.id).execute(),
    db.selectFrom('conversations').select('id').where('company_id', '=', ref.id).execute(),
    db.selectFrom('appointments').select('id').where('company_id', '=', ref.id).execute(),
  ])
  return [ref.id, ...[...offers, ...contracts, ...conversations, ...appointments].map((r) => r.id)]
}

export async function lettersOf(db: Kysely<Database>, documentsDir: string, ref: FileRecordRef): Promise<LetterFile[]> {
  let names: string[]
  try {
    names = await readdir(documentsDir)
  } catch {
    return [] // no letter made on this laptop yet
  }
  const tags = new Set((await idsOf(db, ref)).map(recordTag))
  const mine = names.filter((name) => /\.(docx|pdf)$/i.test(name) && !name.startsWith('.') && tags.has(name.replace(/\.[^.]+$/, '').split('-').pop() ?? ''))
  const letters: LetterFile[] = []
  for (const name of mine) {
    const info = await stat(path.join(documentsDir, name)).catch(() => null)
    if (info?.isFile()) letters.push({ name, size: info.size, createdAt: info.mtime.toISOString() })
  }
  return letters.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
