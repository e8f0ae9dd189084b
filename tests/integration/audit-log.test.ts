// The privacy audit log: a list export, a vCard and an Art. 15 information each leave one entry (who, when,
// channel, format, rows, the person's id) in the same path as every synced write; a refused export leaves
// none; a rep's device may not read the log, a manager's may; the entry reaches the manager's laptop through
// the real sync server, which names the writer itself and refuses to delete an entry (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeState } from '../../electron/main/modules/sync/state'
import { SyncController } from '../../electron/main/modules/sync'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { listAudit } from '../../electron/main/modules/dsgvo'
import { deleteSynced } from '../../db/platform/synced-writes'
import type { AuditLog } from '../../shared/modules/dsgvo'
import { harnessPerTest, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

describe('privacy audit log on one device', () => {
  let t: TestDb
  beforeAll(async () => { t = await openTestDb() })
  afterAll(async () => t.cleanup())
  const log = async () => {
    const answer = await dispatch(t.app, 'audit.list', {})
    if (!answer.ok) throw new Error(JSON.stringify(answer.error))
    return (answer.data as AuditLog).entries
  }

  it('records exports, a vCard and an Art. 15 information, and nothing for a refused export', async () => {
    const company = await dispatch(t.app, 'companies.create', validCompany({ name: 'Protokoll GmbH', customerNumber: 'P-1' }))
    const companyId = company.ok ? (company.data as { id: string }).id : ''
    const contact = await dispatch(t.app, 'contacts.create', { companyId, salutation: 'ms', lastName: 'Weiß', language: 'de' })
    const contactId = contact.ok ? (contact.data as { id: string }).id : ''
    expect((await dispatch(t.app, 'companies.export', { format: 'csv', language: 'de' })).ok).toBe(true)
    expect((await dispatch(t.app, 'contacts.vcard', { id: contactId })).ok).toBe(true)
    expect((await dispatch(t.app, 'access.report', { contactId })).ok).toBe(true)
    expect((await dispatch(t.app, 'offers.export', { format: 'pdf' })).ok).toBe(false)
    const entries = await log()
    expect(entries.map((e) => [e.kind, e.channel, e.format, e.rows, e.subjectId])).toEqual([
      ['access_report', 'access.report', 'json+docx', 1, contactId],
      ['export', 'contacts.vcard', 'vcf', 1, contactId],
      ['export', 'companies.export', 'csv', 1, ''],
    ])
    expect(entries.every((e) => e.pending && e.at === '2026-11-20T09:00:00.000Z')).toBe(true)
    const ops = await t.ctx.db.selectFrom('sync_outbox').select(['kind']).where('table_name', '=', 'audit_events').execute()
    expect(ops).toEqual([{ kind: 'insert' }, { kind: 'insert' }, { kind: 'insert' }])
  })

  it('is refused on a device connected as a rep', async () => {
    await writeState(t.ctx.db, 'user', { id: 'x', login: 'ben', displayName: 'Ben Schulz', email: '', role: 'inside_sales', teamId: '' })
    const answer = await dispatch(t.app, 'audit.list', {})
    expect(answer.ok ? '' : answer.error.message).toBe('dsgvo.errors.managersOnly')
  })
})

describe.each(STORE_KINDS)('privacy audit log across devices on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('reaches the manager with the writer the server names; an entry cannot be deleted', async () => {
    const anna = await server.client('anna')
    const max = await server.client('max')
    await writeState(max.ctx.db, 'user', { id: max.ctx.userId, login: 'max', displayName: 'Max Leitner', email: '', role: 'manager', teamId: '' })
    const app = { ctx: anna.ctx, sync: new SyncController({ ctx: anna.ctx, clientId: anna.database.clientId }), env: { version: 't', mode: 'web' as const, databasePath: anna.file, clientId: anna.database.clientId, integrity: 'ok' as const } }
    expect((await dispatch(app, 'companies.export', { format: 'xlsx', language: 'de' })).ok).toBe(true)
    await anna.sync()
    await max.sync()
    const entries = (await listAudit(max.ctx)).entries
    expect(entries).toEqual([expect.objectContaining({ kind: 'export', channel: 'companies.export', format: 'xlsx', byUser: anna.ctx.userId, pending: false })])

    const id = entries[0]!.id
    await anna.ctx.db.transaction().execute((trx) => deleteSynced(trx, 'audit_events', id, '2026-11-21T09:00:00.000Z'))
    expect((await anna.sync()).rejected).toBe(1)
    await max.sync()
    expect((await listAudit(max.ctx)).entries.map((e) => e.id)).toEqual([id])
  })
})
