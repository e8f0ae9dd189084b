// `tsx scripts/bench-mail.ts`: the outbox drained to a local SMTP server (smtp-server on 127.0.0.1). Prints one
// JSON object per line: {"name":"mail.outbox_drain_500","ms","delivered","duplicates","perSecond"} — 500 queued
// mails, each with a PDF-sized attachment, sent over one connection.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../db/database'
import type { ServiceContext } from '../electron/main/platform/context'
import { drainOutbox, outboxCounts, queueMails, sinkAccount } from '../tests/helpers/outbox-fixture'
import { startSmtpSink } from '../tests/helpers/smtp-sink'
import { tempDir } from '../tests/helpers/temp-db'

const MAILS = Number(process.env.BENCH_MAILS ?? 500)
const ATTACHMENT_BYTES = Number(process.env.BENCH_MAIL_ATTACHMENT ?? 60_000)

export async function benchMail(): Promise<void> {
  const dir = tempDir()
  const database = await openDatabase(path.join(dir, 'bench-mail.sqlite'))
  const sink = await startSmtpSink({ parse: false })
  try {
    await queueMails(database.db, MAILS, { now: new Date(Date.now() - 60_000), attachmentBytes: ATTACHMENT_BYTES })
    const ctx: ServiceContext = { db: database.db, clock: () => new Date(), userId: '', userName: '' }
    const t0 = performance.now()
    const result = await drainOutbox(ctx, sinkAccount(sink.port))
    const ms = performance.now() - t0
    const counts = await outboxCounts(database.db)
    if (counts.sent !== MAILS || result.waiting !== 0) throw new Error(`not all mails were sent: ${JSON.stringify({ counts, result })}`)
    const delivered = sink.counts().size
    console.log(JSON.stringify({
      name: `mail.outbox_drain_${MAILS}`, ms: Math.round(ms), delivered, duplicates: sink.received.length - delivered, perSecond: Math.round((MAILS / ms) * 1000 * 10) / 10,
    }))
  } finally {
    await sink.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMail()
