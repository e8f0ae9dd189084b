// Two sync server instances on one PostgreSQL database both run the intake round: an acknowledgement waiting
// when both send at the same moment goes out once (docs/sync.md, several instances).
import { afterEach, describe, expect, it } from 'vitest'
import { sendAcknowledgements } from '../../server/intake/acknowledge'
import { openStore } from '../../server/store/open-store'
import { startSmtpSink } from '../helpers/smtp-sink'
import { openTestStore, postgresAvailable } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe.skipIf(!pgOk)('service acknowledgements with two server instances', () => {
  it('two instances sending at the same moment send each waiting acknowledgement once', async () => {
    const first = await openTestStore('postgres')
    cleanups.push(() => first.cleanup())
    const second = await openStore(first.url)
    cleanups.push(() => second.close())
    // The mail server answers slowly: both instances have read the waiting list before either has marked a mail sent.
    const sink = await startSmtpSink({ delayMs: 300 })
    cleanups.push(() => sink.close())
    const now = new Date('2026-11-20T09:00:00.000Z')
    for (const n of [1, 2, 3]) {
      await first.store.db.insertInto('intake_acks').values({
        case_id: `case-${n}`, number: `S-2026-0000${n}`, to_address: `kunde${n}@kuehlhaus.example`, name: 'Jens Kruse', subject: 'Kältemaschine', language: 'de',
        message_id: `ack-${n}@service.example.de`, status: 'pending', attempts: 0, last_error: '', created_at: now.toISOString(), sent_at: null,
      }).execute()
    }
    const account = { host: '127.0.0.1', port: sink.port, security: 'none' as const, user: '', password: '' }
    const results = await Promise.all([first.store, second].map((store) => sendAcknowledgements(store, account, 'service@service.example.de', () => now)))

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3)
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0)
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(['ack-1@service.example.de', 'ack-2@service.example.de', 'ack-3@service.example.de'])
    expect(await first.store.db.selectFrom('intake_acks').select(['status', 'attempts']).distinct().execute()).toEqual([{ status: 'sent', attempts: 1 }])
  })
})
