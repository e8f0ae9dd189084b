// One submission is one change, however often it arrives: a double click, an impatient second click
// or a retry after a lost answer sends the same request key, and the ledger answers it with the first
// request's result instead of running the handler again. The one idempotency mechanism of all forms
// and action buttons (the renderer's useAction gives every submission its key).
import { createHash } from 'node:crypto'
import { fail, type Result } from '../../../shared/platform/result'

/** Request keys are made by the renderer (crypto.randomUUID); anything else is refused. */
export const REQUEST_KEY = /^[A-Za-z0-9_-]{8,64}$/

interface Entry {
  /** A hash of the channel and input (an import's whole CSV is not kept for ten minutes). */
  fingerprint: string
  result: Promise<Result<unknown>>
  /** When it succeeded; undefined while it runs (a running request is never forgotten). */
  settledAt?: number
}

export class RequestLedger {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly keepMs = 10 * 60_000,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `execute` once per key: while it runs and for `keepMs` after it succeeded, the same key gets
   * the same answer. A failed request is forgotten, so correcting the input and saving again works.
   * The same key with a different request is refused (a client bug, never silently merged).
   */
  run(channel: string, key: string, input: unknown, execute: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    this.forgetOld()
    const fingerprint = createHash('sha256').update(`${channel}\u0000${JSON.stringify(input ?? {})}`).digest('base64')
    const known = this.entries.get(key)
    if (known) {
      if (known.fingerprint !== fingerprint) return Promise.resolve(fail({ code: 'conflict', message: 'errors.requestKeyReused' }))
      return known.result
    }
    const entry: Entry = { fingerprint, result: execute() }
    this.entries.set(key, entry)
    void entry.result.then(
      (result) => {
        if (!result.ok) this.entries.delete(key)
        else entry.settledAt = this.now()
      },
      () => this.entries.delete(key),
    )
    return entry.result
  }

  get size(): number {
    return this.entries.size
  }

  /** Forgets answers older than keepMs, and the oldest answers beyond maxEntries; never a running request. */
  private forgetOld(): void {
    const oldest = this.now() - this.keepMs
    let settled = 0
    for (const entry of this.entries.values()) if (entry.settledAt !== undefined) settled++
    for (const [key, entry] of this.entries) {
      if (entry.settledAt === undefined) continue
      if (entry.settledAt >= oldest && settled <= this.maxEntries) continue
      this.entries.delete(key)
      settled--
    }
  }
}
