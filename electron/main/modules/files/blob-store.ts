// The laptop's blob folder: `Anhaenge/<aa>/<sha256>` next to the database file (docs/files.md). The path
// comes from the SHA-256 alone (checked to be 64 hex digits), never from a name or any synced text. A blob
// is written to a temp file, synced and renamed into place, only after its bytes hashed to its name, and
// hashed again whenever it is read: a damaged file is removed and fetched afresh, never shown.
import { createHash } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
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
