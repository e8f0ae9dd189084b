// Acceptance: killing the app (kill -9) while the outbox sends 100 mails. After a restart every mail is delivered;
// the SMTP server received 100 distinct Message-IDs, and a mail sent again only because the crash fell between the
// server's acceptance and the app's record carries the same Message-ID. The sender runs as a child process on the
// database file (tests/helpers/outbox-drain-process.ts); the test reports how many such resends happened.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { outboxCounts, queueMails } from '../helpers/outbox-fixture'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { tempDir } from '../helpers/temp-db'

const MAILS = 100
const KILL_AT = 37

let dir: string
let file: string
let sink: SmtpSink

beforeAll(async () => {
  dir = tempDir()
  file = path.join(dir, 'crash.sqlite')
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
  rmSync(dir, { recursive: true, force: true })
})

function drainProcess(onSpawn?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/outbox-drain-process.ts', file, String(sink.port)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  onSpawn?.(() => child.kill('SIGKILL'))
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })))
}

describe('mail outbox: kill -9 while sending', () => {
  // Two child processes start tsx: generous on a loaded machine.
  it(`delivers all ${MAILS} mails after a restart, a resend only with the same Message-ID`, { timeout: 180_000 }, async () => {
    const database = await openDatabase(file)
    const queued = await queueMails(database.db, MAILS, { now: new Date(Date.now() - 60_000), attachmentBytes: 8_000 })
    await database.close()

    // First run: killed the moment the server has accepted mail no. KILL_AT.
    const killed = await drainProcess((kill) => {
      sink.options.onAccepted = () => {
        if (sink.received.length === KILL_AT) kill()
      }
    })
    sink.options.onAccepted = undefined
    expect(killed.signal).toBe('SIGKILL')
    const afterCrash = sink.received.length
    expect(afterCrash).toBeGreaterThanOrEqual(KILL_AT)
    expect(afterCrash).toBeLessThan(MAILS)

    // Restart: the rest goes, and the mail the crash left `sending` goes again with its Message-ID.
    const restarted = await drainProcess()
    expect(restarted.code).toBe(0)

    const reopened = await openDatabase(file)
    try {
      expect(await outboxCounts(reopened.db)).toMatchObject({ sent: MAILS, total: MAILS })
      const markers = await reopened.db.selectFrom('app_settings').select('key').where('key', 'like', 'delivered.%').execute()
      expect(markers).toHaveLength(MAILS)
      const withError = await reopened.db.selectFrom('mail_outbox').select('id').where('last_error', '!=', '').execute()
      expect(withError).toEqual([])
      const counts = sink.counts()
      expect(counts.size).toBe(MAILS)
      expect([...counts.keys()].sort()).toEqual(queued.map((q) => q.messageId).sort())
      const resends = sink.received.length - MAILS
      const resent = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
      // One connection, one mail on the wire: at most that one can be sent twice.
      expect(resends).toBeLessThanOrEqual(1)
      expect(resent).toHaveLength(resends)
      for (const id of resent) {
        const row = await reopened.db.selectFrom('mail_outbox').select(['attempts', 'status']).where('message_id', '=', id).executeTakeFirstOrThrow()
        expect(row).toEqual({ attempts: 2, status: 'sent' })
      }
      console.info(`[mail-outbox-crash] killed after ${afterCrash} accepted mails; resent after the restart with the same Message-ID: ${resends}${resent.length ? ` (${resent.join(', ')})` : ''}; distinct Message-IDs received: ${counts.size}`)
    } finally {
      await reopened.close()
    }
  })
})
