// Where an incremental sync's time goes (`npm run bench:sync`): each phase of a run split into the time spent waiting
// on the server (request, server work, response) and the laptop's own work.
import { emptySyncSummary as emptySummary, pullAll, pushAll, verifyScopes, type EngineDeps, type SyncTransport } from '../electron/main/modules/sync'

/** The transport with the time spent in each call added up: what the server and the wire cost. */
export function timedTransport(inner: SyncTransport, waited: { ms: number }): SyncTransport {
  const timed = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const start = performance.now()
    try {
      return await call(...args)
    } finally {
      waited.ms += performance.now() - start
    }
  }
  return { login: timed(inner.login), logout: timed(inner.logout), push: timed(inner.push), rebind: timed(inner.rebind), pull: timed(inner.pull), checksum: timed(inner.checksum) }
}

/** Where an incremental sync's time goes: each phase of the run split into the server's part and the laptop's. */
export type SyncBreakdown = Record<`${'push' | 'pull' | 'verify'}_${'server' | 'laptop'}`, number>

export const emptyBreakdown = (): SyncBreakdown => ({ push_server: 0, push_laptop: 0, pull_server: 0, pull_laptop: 0, verify_server: 0, verify_laptop: 0 })

/** One comparison of the scope checksums, forced (as after changes once 15 minutes have passed). */
export async function timeChecksumCompare(l: { deps: EngineDeps; waited: { ms: number } }): Promise<{ server: number; laptop: number }> {
  const waitedBefore = l.waited.ms
  const start = performance.now()
  await verifyScopes({ ...l.deps, checkAfterChangesMs: 0 }, { ...emptySummary(), pulled: 1 })
  const server = l.waited.ms - waitedBefore
  return { server, laptop: performance.now() - start - server }
}

/** `syncOnce`, phase by phase, adding each phase's time to `into`. */
export async function phasedSync(l: { deps: EngineDeps; waited: { ms: number } }, into: SyncBreakdown): Promise<void> {
  const summary = emptySummary()
  const phases: Array<['push' | 'pull' | 'verify', () => Promise<void>]> = [['push', () => pushAll(l.deps, summary)], ['pull', () => pullAll(l.deps, summary)], ['verify', () => verifyScopes(l.deps, summary)]]
  for (const [phase, run] of phases) {
    const start = performance.now()
    const waitedBefore = l.waited.ms
    await run()
    const server = l.waited.ms - waitedBefore
    into[`${phase}_server`] += server
    into[`${phase}_laptop`] += performance.now() - start - server
  }
}

