// The laptop's blob folder: `Anhaenge/<aa>/<sha256>` next to the database file (docs/files.md). The path
// comes from the SHA-256 alone (checked to be 64 hex digits), never from a name or any synced text. A blob
// is written to a temp file, synced and renamed into place, only after its bytes hashed to its name, and
// hashed again whenever it is read: a damaged file is removed and fetched afresh, never shown.
import { createHash } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { blobRelativePath } from '../../../../shared/modules/files'
import { writeFileInside } from '../../platform/documents/document-files'

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The blob folder of a database file. */
export const blobDirOf = (databasePath: string): string => path.join(path.dirname(databasePath), 'Anhaenge')

export function blobPath(dir: string, sha256: string): string {
  const [fan, name] = blobRelativePath(sha256)
  return path.join(dir, fan, name)
}

export class BlobHashMismatch extends Error {
  constructor() {
    super('blob bytes do not match their sha256')
    this.name = 'BlobHashMismatch'
  }
}

/** Stores `bytes` as the blob `sha256`; throws BlobHashMismatch (nothing written) when they do not hash to it. */
export async function writeBlob(dir: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const [fan, name] = blobRelativePath(sha256)
  if (sha256Of(bytes) !== sha256) throw new BlobHashMismatch()
  await writeFileInside(path.join(dir, fan), name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}

/** The blob's bytes, or null when it is missing or damaged (a damaged one is removed). */
export async function readBlob(dir: string, sha256: string): Promise<Buffer | null> {
  const file = blobPath(dir, sha256)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return null
  }
  if (sha256Of(bytes) === sha256) return bytes
  await rm(file, { force: true })
  return null
}

export async function hasBlob(dir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(blobPath(dir, sha256))).isFile()
  } catch {
    return false
  }
}

/** The blob folder of the open database, found from the connection itself — never from synced data. */
async function blobDirOfDb(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db)
  const file = rows.find((r) => r.name === 'main')?.file
  return file ? blobDirOf(file) : null
}

/**
 * Removes the blobs here that no live attachment names any more — a file removed, or erased with its person
 * (DSGVO Art. 17) on this laptop or by a pull — from the folder and from `local_blobs`. A blob counts from the
 * moment its `local_blobs` row exists, which is written after its attachment row: a file being attached is
 * never swept. Answers how many were removed.
 */
export async function sweepBlobs(db: Kysely<Database>): Promise<number> {
  const dir = await blobDirOfDb(db)
  if (!dir) return 0
  const orphans = await db.selectFrom('local_blobs as b').select('b.sha256')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('attachments as a').select(sql`1`.as('one')).whereRef('a.sha256', '=', 'b.sha256').where('a.deleted_at', 'is', null))))
    .execute()
  for (const { sha256 } of orphans) {
    await rm(blobPath(dir, sha256), { force: true })
    await db.deleteFrom('local_blobs').where('sha256', '=', sha256).execute()
  }
  return orphans.length
}
