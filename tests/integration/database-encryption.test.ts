// Encryption at rest (SQLCipher through @journeyapps/sqlcipher): a new database written with a key holds no
// readable name in its file or its write-ahead log, and nothing opens it without the key; an existing
// unencrypted database is encrypted in place, its backup removed only after the encrypted copy passed its
// check, and a crash in between is finished at the next start; the key is made once, kept sealed beside the
// file, and an encrypted file without its key is refused, never overwritten. Where SQLCipher is not
// installed (Windows) the suite is skipped — in CI it must run.
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, isEncryptedFile, openDatabase, quickCheck } from '../../db/database'
import { newId } from '../../db/platform/ids'
import { sqlcipherDriver } from '../../db/platform/sqlite/sqlite3-handle'
import { startCore } from '../../electron/main/core'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { databaseKeyFile, loadOrCreateDatabaseKey, type KeySealer } from '../../electron/main/platform/database-key'
import { tempDir } from '../helpers/temp-db'

const available = sqlcipherDriver() !== null
if (!available && process.env.CI) throw new Error('@journeyapps/sqlcipher must be installed in CI (libssl-dev for its build)')

const NAME = 'Hannelore Qxzyborski'
/** Not the secret itself: a reversible wrapping, standing in for Electron safeStorage. */
const sealer: KeySealer = { encrypted: true, seal: (s) => `sealed:${Buffer.from(s).toString('base64')}`, open: (s) => Buffer.from(s.replace(/^sealed:/, ''), 'base64').toString() }

async function writeName(file: string, key: Buffer | null) {
  const database = await openDatabase(file, { key })
  await database.db.insertInto('companies').values({ id: newId(), name: NAME, status: 'customer', created_at: '2026-11-29', updated_at: '2026-11-29' }).execute()
  return database
}
const holds = (file: string, text: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8'))
/** Shannon entropy in bits per byte: ~8 for ciphertext, far lower for SQLite pages with text, zeros and b-tree headers. */
function byteEntropy(bytes: Buffer): number {
  const counts = new Uint32Array(256)
  for (const b of bytes) counts[b] = (counts[b] ?? 0) + 1
  return Array.from(counts).reduce((sum, n) => (n === 0 ? sum : sum - (n / bytes.length) * Math.log2(n / bytes.length)), 0)
}

describe.skipIf(!available)('database encryption at rest', () => {
  it('writes no readable byte of a name to the file or the WAL, and opens only with the key', async () => {
    const file = path.join(tempDir(), 'kunden.sqlite')
    const key = randomBytes(32)
    const database = await writeName(file, key)
    // While open, the write sits in the WAL: encrypted there as well.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    for (const part of [file, `${file}-wal`]) {
      expect(holds(part, NAME)).toBe(false)
      expect(holds(part, 'Qxzyborski')).toBe(false)
      // The search index's trigrams are three bytes: in megabytes of ciphertext any three bytes turn up by chance
      // (about one in 2^24 per position), so instead of searching for one, every page must look like noise.
      const bytes = readFileSync(part)
      const pages = Array.from({ length: Math.floor(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096))
      expect(pages.length).toBeGreaterThan(0)
      expect(Math.min(...pages.map(byteEntropy))).toBeGreaterThan(7.5) // 4 KB of noise measures ~7.95, a plain file ~0.7
    }
    await database.close()
    expect(isEncryptedFile(file)).toBe(true)
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')

    const withoutKey = await openDatabase(file).then(() => null, (e: unknown) => e)
    expect((withoutKey as DatabaseOpenError).problem).toBe('not_sqlite')
    const wrongKey = await openDatabase(file, { key: randomBytes(32) }).then(() => null, (e: unknown) => e)
    expect((wrongKey as DatabaseOpenError).problem).toBe('wrong_key')
    const again = await openDatabase(file, { key })
    expect(await again.db.selectFrom('companies').select('name').execute()).toEqual([{ name: NAME }])
    expect(await quickCheck(file, key)).toEqual({ integrity: 'ok', detail: 'ok' })
    await again.close()
  })

  it('encrypts an existing unencrypted database in place and removes the unencrypted backup after the check', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kunden.sqlite')
    await (await writeName(file, null)).close()
    expect(holds(file, NAME)).toBe(true)
    expect(byteEntropy(readFileSync(file))).toBeLessThan(7.5) // the noise check of the first test tells the two apart
    const key = randomBytes(32)
    const database = await openDatabase(file, { key })
    expect(await database.db.selectFrom('companies').select('name').execute()).toEqual([{ name: NAME }])
    await database.close()
    expect(isEncryptedFile(file)).toBe(true)
    expect(holds(file, NAME)).toBe(false)
    expect(existsSync(`${file}.unencrypted-backup`)).toBe(false)
    expect(existsSync(`${file}.encrypting`)).toBe(false)
  })

  it('finishes an encryption a crash interrupted between moving the original and putting the copy in place', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kunden.sqlite')
    const key = randomBytes(32)
    await (await writeName(path.join(dir, 'twin.sqlite'), key)).close()
    await (await writeName(file, null)).close()
    // The state after the crash: the original moved to the backup, the encrypted twin complete, no main file.
    renameSync(file, `${file}.unencrypted-backup`)
    copyFileSync(path.join(dir, 'twin.sqlite'), `${file}.encrypting`)
    const database = await openDatabase(file, { key })
    expect(await database.db.selectFrom('companies').select('name').execute()).toEqual([{ name: NAME }])
    await database.close()
    expect(existsSync(`${file}.unencrypted-backup`)).toBe(false)
  })

  it('makes the key once, keeps it sealed beside the file, and refuses an encrypted file whose key is gone', async () => {
    const file = path.join(tempDir(), 'kunden.sqlite')
    const key = loadOrCreateDatabaseKey(file, sealer)
    expect(key).toHaveLength(32)
    expect(readFileSync(databaseKeyFile(file), 'utf8')).not.toContain(key!.toString('hex'))
    expect(statSync(databaseKeyFile(file)).mode & 0o077).toBe(0)
    expect(loadOrCreateDatabaseKey(file, sealer)).toEqual(key)
    await (await writeName(file, key)).close()
    // Without a keychain (web mode) the key file cannot be opened: refused, not silently unencrypted.
    expect(() => loadOrCreateDatabaseKey(file, undefined)).toThrow(DatabaseOpenError)
    renameSync(databaseKeyFile(file), `${databaseKeyFile(file)}.lost`)
    const error = (() => { try { return loadOrCreateDatabaseKey(file, sealer) } catch (e) { return e } })()
    expect((error as DatabaseOpenError).problem).toBe('wrong_key')
    expect(isEncryptedFile(file)).toBe(true)
    // No keychain and no key file: the database stays unencrypted, as web mode says.
    expect(loadOrCreateDatabaseKey(path.join(tempDir(), 'web.sqlite'), undefined)).toBeNull()
  })

  it('runs the app on an encrypted database and says so; the demo database stays unencrypted', async () => {
    const file = path.join(tempDir(), 'kunden.sqlite')
    const core = await startCore(file, 'web', () => new Date('2026-11-29T09:00:00Z'), undefined, randomBytes(32))
    await core.integrityChecked
    const info = await dispatch(core.app, 'app.info', {})
    expect(info.ok && info.data).toMatchObject({ encrypted: true, integrity: 'ok' })
    await core.database.close()
    expect(isEncryptedFile(file)).toBe(true)
  })
})
