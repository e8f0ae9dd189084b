// The main lists, searches and reports of the bench (`npm run bench`), warm and cold, and how they grow (issue 20):
//   <name>.median / .p95        warm: 30 runs after 3 unmeasured ones, on one open connection (scripts/bench.ts)
//   lists.cold.<name>           the first run on a fresh connection after the database file was evicted from the page
//                               cache (posix_fadvise DONTNEED via `dd iflag=nocache`; dropping all caches is refused here)
//   growth.<name>.{1x,5x,ratio} the warm median on the large set and on five times it (.data/bench-large5x.sqlite,
//                               seeded when missing, ~25 min): the ratio may not exceed 2 (scope 7)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../db/database'
import type { ServiceContext } from '../electron/main/platform/context'
import { companyListQuerySchema, contactListQuerySchema, touchpointListQuerySchema } from '../shared/modules/customers'
import { offerListQuerySchema } from '../shared/modules/offers'
import { OPEN_CASE_STATUSES } from '../shared/modules/service'
import { listCompanies, listContacts, listTouchpoints } from '../electron/main/modules/customers'
import { listOffers, orderRateReport } from '../electron/main/modules/offers'
import { renewalPipeline, renewalReport } from '../electron/main/modules/contracts'
import { npsReport, serviceWorkList } from '../electron/main/modules/service'
import { workList } from '../electron/main/modules/worklist'

export type Emit = (name: string, value: number, unit: string) => void
export type Query = [name: string, run: () => Promise<unknown>]

// BENCH_DB / BENCH_DB_5X measure copies (a build with newer migrations changes the file it opens).
export const LARGE_DB = path.resolve(process.env.BENCH_DB ?? '.data/bench-large.sqlite')
export const LARGE_5X_DB = path.resolve(process.env.BENCH_DB_5X ?? '.data/bench-large5x.sqlite')

/** The lists, searches and reports a user opens every day, as the screens call them. */
export async function mainQueries(ctx: ServiceContext): Promise<Query[]> {
  const companies = (q: Record<string, unknown>) => () => listCompanies(ctx, companyListQuerySchema.parse(q) as Parameters<typeof listCompanies>[1])
  const offers = (q: Record<string, unknown>) => () => listOffers(ctx, offerListQuerySchema.parse(q) as Parameters<typeof listOffers>[1])
  const year = new Date().getFullYear()
  const twoYears = { from: `${year - 1}-01-01`, to: `${year}-12-31` }
  // A rep with open cases (the service work list is a rep's).
  const rep = (await ctx.db.selectFrom('cases').select('owner_id').where('status', 'in', OPEN_CASE_STATUSES).limit(1).executeTakeFirst())?.owner_id ?? ''
  return [
    ['companies.first_page.filtered_sorted', companies({ status: 'customer', federalState: 'NI', sort: 'name', dir: 'asc', limit: 100 })],
    ['companies.first_page.unfiltered_sorted_desc', companies({ sort: 'name', dir: 'desc', limit: 100 })],
    ['companies.first_page.station_filtered_sorted_by_city', companies({ station: 'offer', sort: 'city', limit: 100 })],
    // The health score column (issue 17): worst first over all companies, and the manager's "only red".
    ['companies.first_page.sorted_by_health', companies({ sort: 'health', dir: 'asc', limit: 100 })],
    ['companies.first_page.red_only_sorted_by_health', companies({ health: 'red', sort: 'health', limit: 100 })],
    ['companies.first_page.green_only_sorted_by_name', companies({ health: 'green', sort: 'name', limit: 100 })],
    ['companies.search.substring', companies({ search: 'präzision', limit: 100 })],
    ['companies.search.two_words_filtered', companies({ search: 'hanse logistik', status: 'customer', limit: 100 })],
    ['companies.search.prefix_short', companies({ search: 'Bö', limit: 100 })],
    ['contacts.search', () => listContacts(ctx, contactListQuerySchema.parse({ search: 'berger', limit: 100 }) as Parameters<typeof listContacts>[1])],
    ['touchpoints.search_200k', () => listTouchpoints(ctx, touchpointListQuerySchema.parse({ search: 'Reklamation', limit: 100 }) as Parameters<typeof listTouchpoints>[1])],
    ['touchpoints.first_page_by_date', () => listTouchpoints(ctx, touchpointListQuerySchema.parse({ station: 'support', limit: 100 }) as Parameters<typeof listTouchpoints>[1])],
    // The offer station on 100,000 offers.
    ['offers.first_page.open_sorted_by_date', offers({ status: 'open', limit: 100 })],
    ['offers.first_page.lost_sorted_by_value', offers({ status: 'lost', sort: 'grossCents', dir: 'desc', limit: 100 })],
    ['offers.search.number_or_company', offers({ search: 'Logistik', limit: 100 })],
    ['follow_ups.work_list', () => workList(ctx, { ownerId: '' })],
    ['reports.order_rate.year', () => orderRateReport(ctx, { ...twoYears, period: 'month', ownerId: '', segment: '' })],
    // The renewal station on 10,000 contracts: the pipeline (three horizons and the first page) and the report.
    ['contracts.renewal_pipeline.90_days', () => renewalPipeline(ctx, { days: 90, ownerId: '', offset: 0, limit: 200 })],
    ['contracts.renewal_pipeline.180_days', () => renewalPipeline(ctx, { days: 180, ownerId: '', offset: 0, limit: 200 })],
    // The use phase on ~30,000 assets and cases: a rep's service work list (with the team's overdue cases) and the NPS report.
    ['cases.service_work_list', () => serviceWorkList(ctx, { ownerId: rep })],
    ['reports.nps.two_years', () => npsReport(ctx, { ...twoYears, period: 'quarter' })],
    ['reports.renewal_rate.two_years', () => renewalReport(ctx, { ...twoYears, period: 'quarter', ownerId: '' })],
  ]
}

/** Median and p95 of `runs` runs after 3 unmeasured ones. */
export async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(runs / 2)]!, p95: samples[Math.min(runs - 1, Math.floor(runs * 0.95))]! }
}

/**
 * Drops the files' pages from the page cache (posix_fadvise DONTNEED through `dd iflag=nocache count=0`): the next read
 * comes from disk. `echo 1 > /proc/sys/vm/drop_caches` is refused on this machine.
 */
export function evict(files: string[]): void {
  for (const file of files) if (existsSync(file)) spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'])
}

async function withDatabase<T>(file: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const database = await openDatabase(file)
  try {
    return await work({ db: database.db, clock: () => new Date(), userId: '', userName: '' })
  } finally {
    await database.close()
  }
}

/** Each main query once on a fresh connection to a file just evicted from the page cache. */
export async function benchListsCold(file: string, emit: Emit): Promise<void> {
  const names = await withDatabase(file, async (ctx) => (await mainQueries(ctx)).map(([name]) => name))
  const cold: number[] = []
  for (const name of names) {
    evict([file, `${file}-wal`])
    await withDatabase(file, async (ctx) => {
      const query = (await mainQueries(ctx)).find(([n]) => n === name)!
      evict([file, `${file}-wal`]) // what finding the rep read
      const t0 = performance.now()
      await query[1]()
      const ms = performance.now() - t0
      cold.push(ms)
      emit(`lists.cold.${name}`, ms, 'ms')
    })
  }
  cold.sort((a, b) => a - b)
  emit('lists.cold.median', cold[Math.floor(cold.length / 2)]!, 'ms')
  emit('lists.cold.max', cold[cold.length - 1]!, 'ms')
}

/** Warm medians on the large set and on five times it, and their ratio (seeds the 5× set when it is missing). */
export async function benchGrowth(emit: Emit): Promise<void> {
  if (!existsSync(LARGE_5X_DB)) {
    console.error('[bench] five times the large set missing: running `npm run seed -- --size large5x` first (about 25 minutes)')
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--size', 'large5x'], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (seeded.status !== 0) throw new Error('seeding the 5x set failed')
  }
  const medians = async (file: string) => withDatabase(file, async (ctx) => {
    const out = new Map<string, number>()
    for (const [name, run] of await mainQueries(ctx)) out.set(name, (await timeIt(15, run)).median)
    return out
  })
  const one = await medians(LARGE_DB)
  const five = await medians(LARGE_5X_DB)
  let worst = 0
  for (const [name, ms] of one) {
    const ratio = five.get(name)! / ms
    worst = Math.max(worst, ratio)
    emit(`growth.${name}.1x`, ms, 'ms')
    emit(`growth.${name}.5x`, five.get(name)!, 'ms')
    emit(`growth.${name}.ratio`, ratio, 'x')
  }
  emit('growth.worst_ratio', worst, 'x')
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/bench-lists.ts')) {
  const emit: Emit = (name, value, unit) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))
  const only = process.env.BENCH_LISTS_ONLY
  const run = async () => {
    if (only !== 'growth') await benchListsCold(LARGE_DB, emit)
    if (only !== 'cold') await benchGrowth(emit)
  }
  run().then(() => process.exit(0), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
