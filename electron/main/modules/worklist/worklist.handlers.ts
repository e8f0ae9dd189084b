// Handlers of the work list: one list, one pair of actions, whatever the source of the entry.
import { completeWorkListItem, snoozeWorkListItem, workList, workListIcs } from './worklist.service'
import type { HandlerMap } from '../../ipc/handler-types'

type WorkListChannels = 'worklist.list' | 'worklist.complete' | 'worklist.snooze' | 'worklist.ics'

export const workListHandlers = {
  'worklist.list': ({ ctx }, q) => workList(ctx, q),
  'worklist.complete': ({ ctx }, input) => completeWorkListItem(ctx, input),
  'worklist.snooze': ({ ctx }, input) => snoozeWorkListItem(ctx, input),
  'worklist.ics': ({ ctx }, q) => workListIcs(ctx, q),
} satisfies Pick<HandlerMap, WorkListChannels>
