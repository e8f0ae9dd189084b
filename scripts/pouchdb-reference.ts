// The reference point for the sync figures: the same documents replicated by PouchDB to a
// PouchDB server (express-pouchdb, the core of pouchdb-server), both in memory, over HTTP on loopback.
import type { AddressInfo } from 'node:net'
import express from 'express'
import expressPouchdb from 'express-pouchdb'
import PouchDB from 'pouchdb-core'
import http from 'pouchdb-adapter-http'
import memory from 'pouchdb-adapter-memory'
import mapreduce from 'pouchdb-mapreduce'
import replication from 'pouchdb-replication'

PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce)

type Doc = Record<string, string | number | null> & { _id: string }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
let counter = 0
const localDb = () => new PouchDB(`bench-local-${process.pid}-${counter++}`, { adapter: 'memory' })

export async function benchPouchReplication(opts: { docs: Doc[]; changeBatches: number[]; rounds?: number; concurrent?: number }): Promise<{
  initialRowsPerSecond: number; incrementalMs: Record<number, number>; concurrentP50Ms: number; concurrentP99Ms: number; replicated: number
}> {
  const Server = PouchDB.defaults({ adapter: 'memory' })
  const app = express()
  app.use('/', expressPouchdb(Server, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const remote = new PouchDB(`${url}/kundenreise`)
    for (let i = 0; i < opts.docs.length; i += 2000) await remote.bulkDocs(opts.docs.slice(i, i + 2000))

    // Initial sync: a new laptop replicates everything.
    const laptop = localDb()
    const t0 = performance.now()
    const result = await laptop.replicate.from(remote, { batch_size: 1000, batches_limit: 4 })
    const initialRowsPerSecond = result.docs_written / ((performance.now() - t0) / 1000)
    const other = localDb()
    await other.replicate.from(remote, { batch_size: 1000, batches_limit: 4 })

    // Incremental: N edits on one laptop, pushed, then pulled by another. One push first, so the
    // laptop has its checkpoint on the server (otherwise the first push compares all 280,000 docs).
    await laptop.replicate.to(remote)
    await other.replicate.from(remote)
    const incrementalMs: Record<number, number> = {}
    // The median of `rounds` rounds of each size, as the Kundenreise figures are taken.
    for (const n of opts.changeBatches) {
      const times: number[] = []
      for (let round = 0; round < (opts.rounds ?? 1); round++) {
        const { rows } = await laptop.allDocs({ include_docs: true, limit: n })
        await laptop.bulkDocs(rows.map((r) => ({ ...r.doc!, notes: `Änderung ${n} ${round} ${Date.now()}` })))
        const start = performance.now()
        await laptop.replicate.to(remote)
        await other.replicate.from(remote)
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      incrementalMs[n] = times[Math.floor(times.length / 2)]!
    }

    // Concurrent: 50 laptops of one team, 5 edits each, push and pull. In CouchDB terms the team is
    // its own database (the scope), as the Kundenreise reps' team scope is.
    const team = new PouchDB(`${url}/team`)
    const concurrent = opts.concurrent ?? 50
    const clients = await Promise.all(Array.from({ length: concurrent }, async (_, i) => {
      const db = localDb()
      await db.bulkDocs([{ _id: `last:${i}`, name: `Last ${i} GmbH`, notes: '' }])
      await db.replicate.to(team)
      return db
    }))
    for (const db of clients) {
      for (let e = 0; e < 5; e++) {
        const { rows } = await db.allDocs({ include_docs: true, limit: 1 })
        await db.bulkDocs([{ ...rows[0]!.doc!, notes: `Notiz ${e}` }])
      }
    }
    for (const db of clients) await db.replicate.from(team) // everyone has everyone's document, as in our run
    const latencies = await Promise.all(clients.map(async (db) => {
      const start = performance.now()
      await db.replicate.to(team)
      await db.replicate.from(team)
      return performance.now() - start
    }))
    latencies.sort((a, b) => a - b)
    const replicated = (await laptop.info()).doc_count
    for (const db of [laptop, other, ...clients]) await db.destroy()
    return { initialRowsPerSecond, incrementalMs, concurrentP50Ms: percentile(latencies, 0.5), concurrentP99Ms: percentile(latencies, 0.99), replicated }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
