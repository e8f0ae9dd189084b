// Where the early warnings show (issue 17): the firings of a customer (its page), "triggers fired and their
// follow-up rate" (a small report the dashboard links to), and the daily roll of the date-based rules.
import { sql } from 'kysely'
import { fireTriggers } from '../../../../db/modules/success'
import { parseEventParams } from '../../../../shared/platform/event-message'
import { TRIGGER_SIGNALS, type TriggerCounts, type TriggerFiringView, type TriggerReport, type TriggerSignal } from '../../../../shared/modules/success'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'

export async function listFirings(ctx: ServiceContext, companyId: string): Promise<TriggerFiringView[]> {
  const rows = await ctx.db.selectFrom('trigger_firings as f')
    .leftJoin('tasks as t', (join) => join.onRef('t.id', '=', 'f.task_id').on('t.deleted_at', 'is', null))
    .leftJoin('users as u', 'u.id', 'f.assignee_id')
    .select(['f.id', 'f.signal', 'f.fired_on', 'f.message_key', 'f.message_params', 'f.action', 'f.task_id', 't.status as task_status', 'u.display_name', 'f.related_type', 'f.related_id'])
    .where('f.company_id', '=', companyId).where('f.deleted_at', 'is', null).orderBy('f.fired_on', 'desc').orderBy('f.id').limit(200).execute()
  return rows.map((r) => ({
    id: r.id, signal: r.signal, firedOn: r.fired_on, messageKey: r.message_key, messageParams: parseEventParams(r.message_params), action: r.action,
    taskId: r.task_status ? r.task_id : null, taskStatus: r.task_status ?? null, assigneeName: r.display_name ?? '', relatedType: r.related_type, relatedId: r.related_id,
  }))
}

/** Fired in the period (by the day of the fact), the tasks they made and how many of those are done, per rule. */
export async function triggerReport(ctx: ServiceContext, range: { from: string; to: string }): Promise<TriggerReport> {
  const rows = await ctx.db.selectFrom('trigger_firings as f')
    .leftJoin('tasks as t', (join) => join.onRef('t.id', '=', 'f.task_id').on('t.deleted_at', 'is', null))
    .select(['f.signal', sql<number>`count(*)`.as('fired'), sql<number>`count(t.id)`.as('tasks'), sql<number>`sum(case when t.status = 'done' then 1 else 0 end)`.as('done')])
    .where('f.deleted_at', 'is', null).where('f.fired_on', '>=', range.from).where('f.fired_on', '<=', range.to).groupBy('f.signal').execute()
  const counts = (signal: TriggerSignal): TriggerCounts => {
    const row = rows.find((r) => r.signal === signal)
    return { fired: Number(row?.fired ?? 0), tasks: Number(row?.tasks ?? 0), done: Number(row?.done ?? 0) }
  }
  const perRule = TRIGGER_SIGNALS.map((signal) => ({ signal, ...counts(signal) }))
  const total = perRule.reduce((sum, r) => ({ fired: sum.fired + r.fired, tasks: sum.tasks + r.tasks, done: sum.done + r.done }), { fired: 0, tasks: 0, done: 0 })
  return { rows: perRule, total }
}

/**
 * The daily roll of the rules the date alone can make fire (cancel-by near, no touchpoint for long): every live
 * customer, in transactions of 500 companies, once a day (`triggersRolledOn`), on every device — the derived ids
 * make the firings of two devices one record.
 */
export async function rollTriggers(ctx: ServiceContext, options: { force?: boolean } = {}): Promise<{ companies: number; fired: number }> {
  const day = todayOf(ctx)
  const last = (await ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'triggersRolledOn').executeTakeFirst())?.value ?? ''
  if (last >= day && !options.force) return { companies: 0, fired: 0 }
  const now = nowIso(ctx)
  const ids = (await ctx.db.selectFrom('companies').select('id').where('deleted_at', 'is', null).where('status', '=', 'customer').execute()).map((r) => r.id)
  let fired = 0
  for (let i = 0; i < ids.length; i += 500) {
    fired += await ctx.db.transaction().execute((trx) => fireTriggers(trx, ids.slice(i, i + 500), now, { datedOnly: true }))
  }
  await ctx.db.insertInto('app_settings').values({ key: 'triggersRolledOn', value: day }).onConflict((oc) => oc.column('key').doUpdateSet({ value: day })).execute()
  return { companies: ids.length, fired }
}
