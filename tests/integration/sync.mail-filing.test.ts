// The same mail filed on two laptops (a customer writes to two reps of a team): both file it offline under the
// id its Message-ID gives, and after a sync there is one touchpoint everywhere, no refused change on either
// laptop. Laptops and the sync server in-process, on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { fileMailTouchpointForTest } from '../helpers/mail-filing-fixture'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { harnessPerTest, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

describe.each(STORE_KINDS)('a mail filed on two laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('is one touchpoint on both, and neither laptop sees a refused change', async () => {
    const anna = await server.client('anna')
    const ben = await server.client('ben')
    const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7' })))
    await anna.sync()
    await ben.sync()
    const first = await fileMailTouchpointForTest(anna.ctx, company.id, 'antwort-7@brunsviga.example')
    const second = await fileMailTouchpointForTest(ben.ctx, company.id, 'antwort-7@brunsviga.example')
    expect(second).toBe(first)
    expect((await anna.sync()).rejected).toBe(0)
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()
    for (const laptop of [anna, ben]) {
      const rows = await laptop.ctx.db.selectFrom('touchpoints').select(['id', 'mail_message_id']).where('deleted_at', 'is', null).execute()
      expect(rows).toEqual([{ id: first, mail_message_id: 'antwort-7@brunsviga.example' }])
      expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    }
  })
})
