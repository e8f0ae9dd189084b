// The request ledger runs a key once: while it runs and for a while after it succeeded. A request that
// runs longer than that is never forgotten mid-way (a retry would run it twice), and old answers go.
import { describe, expect, it } from 'vitest'
import { RequestLedger } from '../../electron/main/ipc/request-ledger'
import { ok, type Result } from '../../shared/platform/result'

describe('RequestLedger', () => {
  it('keeps a request that runs longer than its keeping time, and forgets its answer that long after it settled', async () => {
    let now = 0
    const ledger = new RequestLedger(1_000, 100, () => now)
    let finish: (r: Result<unknown>) => void = () => {}
    let runs = 0
    const slow = () => {
      runs++
      return new Promise<Result<unknown>>((resolve) => (finish = resolve))
    }
    const first = ledger.run('products.import', 'k-import-000001', { csv: 'x' }, slow)
    now = 5_000 // an import still running after five keeping times
    const retry = ledger.run('products.import', 'k-import-000001', { csv: 'x' }, slow)
    expect(runs).toBe(1)
    finish(ok({ imported: 1 }))
    expect(await retry).toEqual(await first)
    now = 5_500
    await ledger.run('products.import', 'k-import-000001', { csv: 'x' }, slow)
    expect(runs).toBe(1) // within the keeping time after it settled
    now = 6_100
    void ledger.run('companies.list', 'k-other-0000001', {}, async () => ok(null))
    expect(ledger.size).toBe(1) // the import's answer is gone, the new one is kept
  })

  it('keeps at most maxEntries answers, oldest out first', async () => {
    const ledger = new RequestLedger(60_000, 3, () => 0)
    for (let i = 0; i < 6; i++) await ledger.run('companies.create', `k-many-00000${i}`, { i }, async () => ok(i))
    await ledger.run('companies.create', 'k-many-last00', {}, async () => ok('last'))
    expect(ledger.size).toBeLessThanOrEqual(4)
  })
})
