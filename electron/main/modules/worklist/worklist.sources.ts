// The registry of the work list: every module that puts reminders on it registers one source here.
// A source counts its entries in a span of days, lists the first ones of a section's range, and completes or
// snoozes one by the id it listed.
// A new source (health triggers, leads) is one line below; the page and the channels stay as they are.
import type { WorkListItem } from '../../../../shared/modules/worklist'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { DueCountQuery, DueCounts, DueListQuery } from '../../../../shared/platform/due-range'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { approvalWorkListSource, followUpWorkListSource } from '../offers'
import { renewalWorkListSource } from '../contracts'
import { usePhaseWorkListSources } from '../service'
import { leadWorkListSource } from '../leads'
import { promiseWorkListSource } from './promise.source'
import { taskWorkListSource } from './task.source'

export interface WorkListSource {
  /** The `source` of the entries it lists. */
  readonly source: WorkListItem['source']
  /** The first `limit` open entries due in the range, the earliest first (the higher value first within a day); `ownerId` '' = everyone's. */
  list(ctx: ServiceContext, q: DueListQuery): Promise<WorkListItem[]>
  /** How many open entries of the range are due before, on and after `today`. */
  count(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts>
  /** Done: the outcome becomes a touchpoint on the customer's timeline. */
  complete(ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }): Promise<{ touchpointId: string }>
  /** Moved to a later day (after today). */
  snooze(ctx: ServiceContext, input: { id: string; until: string }): Promise<unknown>
}

export const WORK_LIST_SOURCES: readonly WorkListSource[] = [followUpWorkListSource, renewalWorkListSource, ...usePhaseWorkListSources, promiseWorkListSource, taskWorkListSource, approvalWorkListSource, leadWorkListSource]

export function workListSource(source: string): WorkListSource {
  const found = WORK_LIST_SOURCES.find((s) => s.source === source)
  if (!found) throw new AppError('not_found', 'errors.notFound')
  return found
}
