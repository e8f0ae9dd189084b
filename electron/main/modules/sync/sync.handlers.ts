// Handlers of the sync area: connect, status, sync now, and the conflict inbox.
import { dismissRejected, listConflicts, resolveConflict, syncProblems } from './conflict.service'
import type { HandlerMap } from '../../ipc/handler-types'

export const syncHandlers = {
  'sync.status': ({ sync }) => sync.status(),
  'sync.connect': ({ sync }, input) => sync.connect(input),
  'sync.disconnect': ({ sync }) => sync.disconnect(),
  // "Sync now" answers when the run is over, so the rep sees its outcome.
  'sync.now': async ({ sync }) => {
    await sync.syncNow()
    return sync.status()
  },
  'sync.configure': ({ sync }, { intervalMinutes }) => sync.configure(intervalMinutes),
  'sync.online': async ({ sync }) => {
    void sync.online()
    return sync.status()
  },
  'conflicts.list': ({ ctx }) => listConflicts(ctx),
  'sync.problems': ({ ctx }) => syncProblems(ctx),
  'sync.dismissRejected': ({ ctx }) => dismissRejected(ctx),
  'conflicts.resolve': async ({ ctx, sync }, input) => {
    const result = await resolveConflict(ctx, input)
    void sync.syncNow() // settle it on the other laptops soon
    return result
  },
} satisfies Pick<HandlerMap, 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.now' | 'sync.configure' | 'sync.online' | 'conflicts.list' | 'conflicts.resolve' | 'sync.problems' | 'sync.dismissRejected'>
