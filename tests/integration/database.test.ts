// Opening the database: migrations, pragmas, and refusing files that are not ours — without touching them.
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, DatabaseOpenError, openDatabase, quickCheck } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { tempDir } from '../helpers/temp-db'

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

function rawExec(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err)
      db.exec(sql, (e) => db.close(() => (e ? reject(e) : resolve())))
    })
  })
}

async function expectRefused(file: string, problem: string) {
  const before = hash(file)
  const error = await openDatabase(file).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(DatabaseOpenError)
  expect((error as DatabaseOpenError).problem).toBe(problem)
  expect((error as DatabaseOpenError).message).toBe(`errors.db.${problem}`)
  expect(hash(file)).toBe(before)
}

describe('openDatabase', () => {
  const dirs: string[] = []
  const dir = () => {
    const d = tempDir()
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0))

  it('creates a new database with WAL, foreign keys, our application id and the schema version', async () => {
    const file = path.join(dir(), 'new.sqlite')
    const database = await openDatabase(file)
    const pragma = async (name: string) => Object.values((await database.handle.all<Record<string, unknown>>(`PRAGMA ${name}`))[0] ?? {})[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('application_id')).toBe(APPLICATION_ID)
    expect(await pragma('user_version')).toBe(SCHEMA_VERSION)
    expect(await pragma('busy_timeout')).toBe(5000)
    const clientId = database.clientId
    await database.close()
    const again = await openDatabase(file)
    expect(again.clientId).toBe(clientId)
    await again.close()
  })

  it('refuses a file that is not a database', async () => {
    const file = path.join(dir(), 'notes.sqlite')
    writeFileSync(file, 'Einkaufsliste: Milch, Brot\n'.repeat(50))
    await expectRefused(file, 'not_sqlite')
  })

  it("refuses another program's SQLite database", async () => {
    const file = path.join(dir(), 'other.sqlite')
    await rawExec(file, 'CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES (\'Kartoffelsuppe\')')
    await expectRefused(file, 'not_ours')
  })

  it('refuses a database written by a newer app version', async () => {
    const file = path.join(dir(), 'newer.sqlite')
    const database = await openDatabase(file)
    await database.close()
    await rawExec(file, `PRAGMA user_version = ${SCHEMA_VERSION + 1}; PRAGMA wal_checkpoint(TRUNCATE);`)
    await expectRefused(file, 'newer_version')
  })

  it('refuses a corrupt database', async () => {
    const d = dir()
    const good = path.join(d, 'good.sqlite')
    const database = await openDatabase(good)
    await database.close()
    await rawExec(good, 'PRAGMA journal_mode = DELETE')
    const file = path.join(d, 'corrupt.sqlite')
    copyFileSync(good, file)
    const bytes = readFileSync(file)
    // Keep the 100-byte header, overwrite the schema page with noise.
    for (let i = 100; i < Math.min(bytes.length, 4096 * 3); i++) bytes[i] = (i * 31) & 0xff
    writeFileSync(file, bytes)
    await expectRefused(file, 'corrupt')
  })

  it('refuses a truncated database', async () => {
    const file = path.join(dir(), 'truncated.sqlite')
    const database = await openDatabase(file)
    await database.handle.exec("INSERT INTO app_settings (key, value) VALUES ('filler', hex(randomblob(20000)))")
    await database.close()
    await rawExec(file, 'PRAGMA journal_mode = DELETE')
    const bytes = readFileSync(file)
    writeFileSync(file, bytes.subarray(0, bytes.length - 8192))
    await expectRefused(file, 'corrupt')
  })

  it('finds damage deep inside the file with the background check, while opening stays fast', async () => {
    const file = path.join(dir(), 'deep.sqlite')
    const database = await openDatabase(file)
    for (let i = 0; i < 40; i++) {
      await database.handle.run("INSERT INTO companies (id, created_at, updated_at, name, status) VALUES (?, 'x', 'x', ?, 'customer')", [`id-${i}`, `Firma ${i} ${'x'.repeat(2000)}`])
    }
    expect((await quickCheck(file)).integrity).toBe('ok')
    await database.close()
    await rawExec(file, 'PRAGMA journal_mode = DELETE')
    const bytes = readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    const lastPage = bytes.length / pageSize - 1
    // Scramble the cell pointers of a table page near the end, well past the schema.
    for (let i = 8; i < 200; i++) bytes[lastPage * pageSize + i] = 0xff
    writeFileSync(file, bytes)
    const check = await quickCheck(file)
    expect(check.integrity).toBe('corrupt')
  })
})
