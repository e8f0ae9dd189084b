// The key of the local database at rest: 32 random bytes, made on the first start where SQLCipher is
// available and the operating system's keychain can seal it (Electron safeStorage: DPAPI, Keychain, libsecret),
// kept sealed in `<database>.key` beside the file — never in the database, never unsealed on disk. Where
// either is missing (web mode, a system without SQLCipher or without a keychain) the database stays
// unencrypted and the app says so (app.info `encryption`).
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { DatabaseOpenError, isEncryptedFile } from '../../../db/database'
import { sqlcipherDriver, type DatabaseKey } from '../../../db/platform/sqlite/sqlite3-handle'

/** Seals and opens a short secret with the OS keychain (the sync module's SecretBox has the same shape). */
export interface KeySealer {
  encrypted: boolean
  seal(plain: string): string
  open(sealed: string): string
}

export const databaseKeyFile = (databasePath: string): string => `${databasePath}.key`

/**
 * The key for `databasePath`: read from its key file, or made when there is none and the file is not
 * encrypted yet (it is then encrypted in place by openDatabase). Null where encryption is not possible. An
 * encrypted file without a readable key is refused (`errors.db.wrong_key`), never overwritten.
 */
export function loadOrCreateDatabaseKey(databasePath: string, sealer: KeySealer | undefined): DatabaseKey | null {
  const file = databaseKeyFile(databasePath)
  if (existsSync(file)) {
    if (!sealer?.encrypted) throw new DatabaseOpenError('wrong_key', databasePath, 'key file present but no keychain to open it')
    try {
      const key = Buffer.from(sealer.open(readFileSync(file, 'utf8').trim()), 'hex')
      if (key.length !== 32) throw new Error(`key of ${key.length} bytes`)
      return key
    } catch (err) {
      throw new DatabaseOpenError('wrong_key', databasePath, `key file unreadable: ${String(err)}`)
    }
  }
  if (isEncryptedFile(databasePath)) throw new DatabaseOpenError('wrong_key', databasePath, 'encrypted database without its key file')
  if (!sealer?.encrypted || !sqlcipherDriver()) return null
  const key = randomBytes(32)
  writeFileSync(file, `${sealer.seal(key.toString('hex'))}\n`, { mode: 0o600 })
  return key
}
