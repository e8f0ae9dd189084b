// Adds the demo's year of journey history to a large bench set made before it (`npx tsx scripts/bench-journey-seed.ts
// [file]`, default .data/bench-large.sqlite; migration 021 runs on open), then times scripts/bench-journey.ts on it —
// without seeding the 20,000 companies afresh (~16 min). A fresh `npm run seed -- large` writes the history itself.
import path from 'node:path'
import { startCore } from '../electron/main/core'
import { benchJourney, seedJourneyHistory } from './bench-journey'

const file = path.resolve(process.argv[2] ?? '.data/bench-large.sqlite')
const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

async function main(): Promise<void> {
  const core = await startCore(file, 'web')
  await core.integrityChecked
  const ctx = core.app.ctx
  const t0 = performance.now()
  const written = await seedJourneyHistory(ctx)
  emit('journey.seed.rows', written, 'rows')
  emit('journey.seed.time', performance.now() - t0, 'ms')
  await benchJourney(ctx, async (name, fn) => {
    for (let i = 0; i < 3; i++) await fn()
    const samples: number[] = []
    for (let i = 0; i < 30; i++) {
      const start = performance.now()
      await fn()
      samples.push(performance.now() - start)
    }
    samples.sort((a, b) => a - b)
    emit(`${name}.median`, samples[15]!, 'ms')
    emit(`${name}.p95`, samples[28]!, 'ms')
  }, emit)
  await core.database.close()
}

void main()
