// `npm run seed [-- --size small|large|large5x] [--db file]`: fills a database with German demo data (without
// --db: the small set goes into the app's demo database, never the user's own; the large one into the bench file).
// large: 20,000 companies, 60,000 contacts, 200,000 touchpoints, 100,000 offers with items and follow-ups, 10,000 contracts,
// ~30,000 assets, ~30,000 cases, 5,000 referrals and feedback, 50,000 tasks, 20,000 appointments and 20,000 leads with
// their scoring histories (for `npm run bench`); large5x: five times all of it, into .data/bench-large5x.sqlite (the
// bench's growth figures).
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { defaultUserDataDir, demoDatabasePath, resolveDatabasePath, startCore } from '../electron/main/core'
import { addDemoLeads, DEMO_LEADS_LARGE, DEMO_SIZES, ensureDemoData, loadDemoData, markDemoDatabase } from '../electron/main/modules/demo'

export const BENCH_DB = path.resolve('.data/bench-large.sqlite')
export const BENCH_DB_5X = path.resolve('.data/bench-large5x.sqlite')

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const sizeFlag = argv.indexOf('--size')
  const sizeArg = argv.find((a) => a.startsWith('--size='))?.slice(7) ?? (sizeFlag >= 0 ? argv[sizeFlag + 1] : undefined)
  const size = sizeArg === 'large' || sizeArg === 'large5x' ? sizeArg : 'small'
  const explicitDb = argv.some((a) => a.startsWith('--db')) || process.env.KUNDENREISE_DB
  // Without --db, never the user's own database: the large set goes to the bench file, the small one to
  // the app's demo database (the one "Demo ausprobieren" opens).
  const toDemo = !explicitDb && size === 'small'
  const file = explicitDb ? resolveDatabasePath(argv, process.env, defaultUserDataDir()) : size === 'large' ? BENCH_DB : size === 'large5x' ? BENCH_DB_5X : demoDatabasePath(resolveDatabasePath([], {}, defaultUserDataDir()))
  mkdirSync(path.dirname(file), { recursive: true })
  if (size !== 'small' && existsSync(file)) {
    // The large set is for measuring: start from an empty file so figures are comparable.
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
  const core = await startCore(file, 'web')
  if (toDemo) {
    // The app's demo database: marked and filled the way "Demo ausprobieren" does it (once).
    await markDemoDatabase(core.app.ctx.db)
    const { companies } = await ensureDemoData(core.app.ctx)
    await core.integrityChecked
    await core.database.close()
    console.log(`Demodatenbank ${file}: ${companies} Firmen`)
    return
  }
  await core.upkeepDone
  const started = performance.now()
  let last = 0
  const result = await loadDemoData(core.app.ctx, DEMO_SIZES[size], {
    onProgress: (done, total) => {
      if (done - last >= 2000 || done === total) {
        last = done
        process.stdout.write(`\r  ${done.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')} Firmen`)
      }
    },
  })
  // Leads (issue 19): 20,000 with scoring histories in the large set, as pulled from the server.
  const leads = size === 'small' ? 0 : await addDemoLeads(core.app.ctx.db, DEMO_LEADS_LARGE * (size === 'large5x' ? 5 : 1), core.app.ctx.clock().getTime())
  await core.database.handle.exec('PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)')
  await core.integrityChecked
  await core.database.close()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`\nDemodaten (${size}) in ${file}: ${result.companies} Firmen, ${result.contacts} Ansprechpartner, ${result.touchpoints} Kontaktpunkte, ${result.offers} Angebote, ${result.contracts} Verträge, ${result.assets} Anlagen, ${result.cases} Servicefälle, ${result.referrals} Empfehlungen, ${leads} Leads in ${seconds} s`)
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
