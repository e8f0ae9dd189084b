// Handlers of tasks (Aufgaben): list, read, make, change, done with an outcome, cancelled.
import type { HandlerMap } from '../../ipc/handler-types'
import { cancelTask, completeTask, createTask, getTask, listTasks, updateTask } from './task.service'

type Channels = 'tasks.list' | 'tasks.get' | 'tasks.create' | 'tasks.update' | 'tasks.complete' | 'tasks.cancel'

export const taskHandlers = {
  'tasks.list': ({ ctx }, q) => listTasks(ctx, q),
  'tasks.get': ({ ctx }, { id }) => getTask(ctx, id),
  'tasks.create': ({ ctx }, fields) => createTask(ctx, fields),
  'tasks.update': ({ ctx }, { id, fields }) => updateTask(ctx, id, fields),
  'tasks.complete': ({ ctx }, input) => completeTask(ctx, input),
  'tasks.cancel': ({ ctx }, { id }) => cancelTask(ctx, id),
} satisfies Pick<HandlerMap, Channels>
