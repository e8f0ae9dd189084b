// The PouchDB reference of the sync benchmark works: every document arrives, the figures are real.
import { describe, expect, it } from 'vitest'
import { benchPouchReplication } from '../../scripts/pouchdb-reference'

describe('PouchDB reference', () => {
  it('replicates all documents and measures each phase', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => ({ _id: `companies:${i}`, name: `Firma ${i} GmbH`, city: 'Braunschweig', status: 'customer', notes: '' }))
    const r = await benchPouchReplication({ docs, changeBatches: [10], concurrent: 5 })
    expect(r.replicated).toBe(300)
    expect(r.initialRowsPerSecond).toBeGreaterThan(0)
    expect(r.incrementalMs[10]).toBeGreaterThan(0)
    expect(r.concurrentP99Ms).toBeGreaterThanOrEqual(r.concurrentP50Ms)
  }, 60_000)
})
