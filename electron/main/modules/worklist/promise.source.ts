// Promises to customers as a source of the work list: open ones by due date; done = kept with the outcome
// (a touchpoint on the customer's timeline), snoozed = a new due date (a change the customer should hear of).
import { keepPromise, promiseCounts, promiseItems, snoozePromise } from '../offers'

export const promiseWorkListSource = {
  source: 'promise',
  list: promiseItems,
  count: promiseCounts,
  complete: keepPromise,
  snooze: snoozePromise,
} as const
