// `node out/main/web.js [--db file] [--port n] [--login-links-from-stdin]`: web mode, for machines without the Electron binary.
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { DatabaseOpenError } from '../../../db/database'
import { translateFromData } from '../../../shared/i18n'
import { defaultUserDataDir, resolveDatabasePath, startCore } from '../core'
import { startWebServer } from './server'

/**
 * `KUNDENREISE_TODAY=2027-07-02`: the app lives on that day (the clock runs on from 09:00 UTC), for
 * demonstrations and end-to-end tests of date-driven work (renewal reminders, tacit renewals).
 */
export function movedClock(today: string | undefined): () => Date {
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return () => new Date()
  const offset = Date.parse(`${today}T09:00:00Z`) - Date.now()
  return () => new Date(Date.now() + offset)
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const databasePath = resolveDatabasePath(argv, process.env, defaultUserDataDir())
  const portArg = argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? process.env.KUNDENREISE_PORT
  const here = path.dirname(fileURLToPath(import.meta.url))
  const staticDir = path.resolve(here, '../renderer')

  const { mkdirSync } = await import('node:fs')
  mkdirSync(path.dirname(databasePath), { recursive: true })

  let core
  try {
    core = await startCore(databasePath, 'web', movedClock(process.env.KUNDENREISE_TODAY))
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      console.error(translateFromData('de', err.message, { path: err.path }))
      console.error(translateFromData('en', err.message, { path: err.path }))
      process.exit(2)
    }
    throw err
  }
  const server = await startWebServer({ app: core.app, staticDir, port: portArg ? Number(portArg) : 0 })
  console.log(`Kundenreise (Web-Modus) läuft – im Browser öffnen (der Link gilt einmal): ${server.url}`)
  // For harnesses that open the app in several browsers (end-to-end tests): each line on stdin
  // prints another one-time link. Off by default: a background `npm start &` must never read the terminal.
  if (argv.includes('--login-links-from-stdin')) {
    createInterface({ input: process.stdin }).on('line', () => console.log(`Neuer Anmeldelink (gilt einmal): ${server.issueLoginUrl()}`))
  }
  core.startSync()

  const stop = async () => {
    await server.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

void main().catch((err: unknown) => {
  console.error('[kundenreise] start failed', err)
  process.exit(1)
})
