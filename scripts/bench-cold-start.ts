// `npx tsx scripts/bench-cold-start.ts` (also part of `npm run bench`): web mode started the way `npm start` starts it
// (`node out/main/web.js --db <file>`) on a copy of the large demo set, and timed until the company list shows its
// first rows in Chromium. Prints one JSON object per line, {"name", "value", "unit"}:
//   start.{cold,warm}.to_company_list   spawn → first row of "Firmenliste" visible (the goal: under 1.5 s)
//   start.{cold,warm}.to_listening      spawn → the sign-in link printed (database open, server listening)
//   start.{cold,warm}.page_to_rows      navigation to the link → first row visible (renderer load and first query)
//   start.main_rss_after_open           the main process's resident memory with the database open and the list shown
// Cold: the first start after the database copy and the build were evicted from the page cache (the machine does
// not let us drop all caches). Warm: the median of the three starts after it. Chromium is running before the clock
// starts, as a user's browser is. Uses the build in $KUNDENREISE_OUT (default out/), building it once if missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { startCore } from '../electron/main/core'
import { completeLetterProfile } from '../tests/helpers/letter-profile'
import { evict } from './bench-lists'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** BENCH_START_DB: another database to start on (the large demo set by default). */
const LARGE_DB = path.resolve(ROOT, process.env.BENCH_START_DB ?? '.data/bench-large.sqlite')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const WARM_RUNS = Number(process.env.BENCH_START_RUNS ?? 3)
const LOGIN_URL = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+/
/** The company list's accessible name in either language (the app starts in German). */
const LIST_LABEL = /^(Firmenliste|Company list)$/

type Emit = (name: string, value: number, unit: string) => void
const print: Emit = (name, value, unit) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

/** The built app: $KUNDENREISE_OUT or out/, built with electron-vite into it when its web entry is missing. */
function builtApp(): string {
  const out = path.resolve(ROOT, process.env.KUNDENREISE_OUT ?? 'out')
  if (existsSync(path.join(out, 'main/web.js')) && existsSync(path.join(out, 'renderer/index.html'))) return out
  console.error(`[bench] no build in ${out}: building it once with electron-vite`)
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT, env: { ...process.env, KUNDENREISE_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) throw new Error(`electron-vite build failed (${built.status})`)
  // A build outside the project still resolves its external packages (sqlite3, …) from the project.
  if (!existsSync(path.join(out, 'node_modules'))) symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'))
  return out
}

/**
 * A copy of the large set (nothing is written back to it) as a user's database is on a normal morning: opened
 * before, its letter profile filled in (else the first-start assistant replaces the list) and today's upkeep done.
 */
async function preparedCopy(dir: string): Promise<string> {
  const file = path.join(dir, 'start.sqlite')
  for (const suffix of ['', '-wal']) if (existsSync(LARGE_DB + suffix)) copyFileSync(LARGE_DB + suffix, file + suffix)
  const core = await startCore(file, 'web')
  await completeLetterProfile(core.app.ctx)
  await core.upkeepDone
  await core.integrityChecked
  await core.close()
  return file
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isSymbolicLink()) return []
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  if (!line) throw new Error(`no VmRSS for ${pid}`)
  return Number(line.replace(/\D+/g, '')) / 1024
}

/** Resolves with the first sign-in link web mode prints; rejects when it exits or takes longer than 60 s. */
function signInLink(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`web mode printed no link within 60 s: ${stderr}`)), 60_000)
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString()
      const match = LOGIN_URL.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    })
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)))
  })
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null) return resolve()
  child.once('exit', () => resolve())
  child.kill('SIGTERM')
})

interface Start { toListening: number; pageToRows: number; toCompanyList: number; rssMb: number }

/** One start: spawn web mode, open its link in a fresh browser context, wait for the first row of the company list. */
async function startOnce(browser: Browser, out: string, dbFile: string): Promise<Start> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1360, height: 860 } })
  const page = await context.newPage()
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(out, 'main/web.js'), '--db', dbFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const link = await signInLink(child)
    const listening = performance.now()
    await page.goto(`${link}#/companies`)
    const list = page.getByRole('table', { name: LIST_LABEL })
    await list.getByRole('cell').first().waitFor({ state: 'visible', timeout: 60_000 })
    const shown = performance.now()
    // The first-start assistant would replace the list: the prepared copy has a complete letter profile, so it must not.
    if (!page.url().includes('#/companies')) throw new Error(`the app left the company list for ${page.url()}`)
    return { toListening: listening - t0, pageToRows: shown - listening, toCompanyList: shown - t0, rssMb: rssMb(child.pid!) }
  } finally {
    await context.close()
    await stop(child)
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function benchColdStart(emit: Emit = print): Promise<void> {
  if (!existsSync(LARGE_DB)) throw new Error(`${LARGE_DB} is missing: run \`npm run seed -- --size large\` first`)
  const out = builtApp()
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-start-'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  try {
    const dbFile = await preparedCopy(dir)
    // A first start also reads the app's code and the renderer from disk.
    evict([dbFile, `${dbFile}-wal`, ...filesUnder(out)].filter((f) => existsSync(f)))
    const cold = await startOnce(browser, out, dbFile)
    emit('start.cold.to_company_list', cold.toCompanyList, 'ms')
    emit('start.cold.to_listening', cold.toListening, 'ms')
    emit('start.cold.page_to_rows', cold.pageToRows, 'ms')
    const warm: Start[] = []
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await startOnce(browser, out, dbFile))
    emit('start.warm.to_company_list', median(warm.map((s) => s.toCompanyList)), 'ms')
    emit('start.warm.to_listening', median(warm.map((s) => s.toListening)), 'ms')
    emit('start.warm.page_to_rows', median(warm.map((s) => s.pageToRows)), 'ms')
    emit('start.main_rss_after_open', median([cold, ...warm].map((s) => s.rssMb)), 'MB')
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchColdStart().then(() => process.exit(0), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
