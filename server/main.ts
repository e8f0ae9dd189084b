// `npm run server`: the sync server on the embedded SQLite store, or PostgreSQL via DATABASE_URL.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from './app'
import { parseTrustedProxies } from './auth/client-address'
import { startPruning } from './auth/prune'
import { catchUpCalendar } from './calendar/projection'
import { openStore } from './store/open-store'
import { intakeConfigFromEnv } from './intake/config'
import { intakeOptionsOf, startIntake } from './intake/worker'

import { DEFAULT_STORE, fileLimitsFromEnv } from './main-defaults'

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_STORE
  // Before opening the store: a typo in TRUSTED_PROXIES stops the start instead of trusting nobody.
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)
  // The service mailbox and the acknowledgements' SMTP account (docs/service-intake.md): a half setting stops the start.
  const intake = intakeConfigFromEnv(process.env)
  if (!/^postgres/.test(url)) mkdirSync(dirname(resolve(url.replace(/^sqlite:/, ''))), { recursive: true })
  const store = await openStore(url)
  const port = Number(process.env.PORT ?? 8787)
  const hostname = process.env.HOST ?? '127.0.0.1'
  const app = createApp({
    store,
    minSchemaVersion: Number(process.env.MIN_CLIENT_SCHEMA_VERSION ?? 1),
    faults: process.env.KUNDENREISE_SERVER_FAULTS === '1',
    peerAddress: (c) => getConnInfo(c).remote.address,
    trustedProxies,
    publicUrl: process.env.PUBLIC_URL || undefined,
    fileLimits: fileLimitsFromEnv(process.env),
    intake: intakeOptionsOf(intake),
    // A case just made: its acknowledgement goes out in the next seconds, not at the next round.
    onServiceCase: () => intakeWorker.nudge(),
    formFrameAncestors: process.env.INTAKE_FRAME_ANCESTORS || undefined,
  })
  const intakeWorker = startIntake(store, intake)
  // Ended sessions, idle login counters and the old login log: at start and hourly.
  const stopPruning = startPruning(store)
  // The calendar projection catches up at start (the first time over the whole store), not in a rep's first feed request.
  void catchUpCalendar(store.db).catch((err: unknown) => console.error('[server] calendar projection', err))
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`Kundenreise sync server (${store.kind}) listening on http://${hostname}:${info.port}`)
    if (trustedProxies.size > 0) console.log(`trusting X-Forwarded-For from ${trustedProxies.size} proxy address(es)/range(s)`)
  })
  const stop = () => server.close(() => void intakeWorker.stop().then(() => stopPruning()).then(() => store.close()).then(() => process.exit(0)))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error(String(err instanceof Error ? err.message : err))
  process.exit(1)
})
