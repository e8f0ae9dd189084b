// Firing the early-warning rules (issue 17), in the transaction that changed the facts (the company refresh hook)
// and in the daily roll. Each firing is recorded once: its id is derived from the signal, the company and the
// occasion, and the task it makes from the firing, so two laptops seeing the same fact make the same rows and the
// sync server takes the second insert as the same record (server/sync/push.ts).
import type { Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { derivedId } from '../../platform/ids'
import { insertSynced } from '../../platform/synced-writes'
import type { CompanyRefreshHook } from '../customers'
import { berlinDay } from '../../../shared/platform/berlin-time'
import { eventMessage } from '../../../shared/i18n/event-text'
import { SIGNALS, type TriggerSignal } from '../../../shared/modules/success'
import { effectiveRules, type EffectiveRule } from './trigger-rules'
import { SIGNAL_QUERIES, type Occasion } from './trigger-signals'

export const triggerFiringId = (signal: TriggerSignal, companyId: string, occasion: string): string =>
  derivedId(`trigger-firing:${signal}:${companyId.toLowerCase()}:${occasion}`)
export const triggerTaskId = (firingId: string): string => derivedId(`trigger-task:${firingId}`)

const STEP = {
  detractor: 'trigger.step.detractor',
  complaints: 'trigger.step.complaints',
  cancel_by: 'trigger.step.cancelBy',
  no_touchpoint: 'trigger.step.noTouchpoint',
  lost_revival: 'trigger.step.lostRecontact',
  health_low: 'trigger.step.healthLow',
} as const satisfies Record<TriggerSignal, string>

interface Company { id: string; team_id: string; owner_id: string; name: string }

/**
 * The task's title: the suggested next step as a message key and parameters (`tasks.title_key`), so every reader sees
 * it in their own language; `title` holds the German sentence for laptops of an earlier version and the calendar feed.
 */
function taskTitle(rule: EffectiveRule, occasion: Occasion, company: Company): { title: string; title_key: string; title_params: string } {
  const step = occasion.reason === 'trigger.reason.lostCompetitor' ? 'trigger.step.lostCompetitor' : STEP[rule.signal]
  const [key, params] = rule.action === 'notify_manager' ? ['trigger.step.notifyManager', { company: company.name.slice(0, 200), step }] as const
    : rule.action === 'propose_mail' ? ['trigger.step.proposeMail', { step }] as const : [step, {}] as const
  return { title: eventMessage('de', key, params).slice(0, 200), title_key: key, title_params: JSON.stringify(params) }
}

export interface FireOptions {
  /** Only the signals the date alone can make fire (the daily roll). */
  datedOnly?: boolean
}

/** Evaluates every enabled rule for the companies and records what fires; answers the number of new firings. */
export async function fireTriggers(trx: Transaction<Database>, companyIds: readonly string[], now: string, options: FireOptions = {}): Promise<number> {
  if (companyIds.length === 0) return 0
  const today = berlinDay(now)
  const companies = await trx.selectFrom('companies').select(['id', 'team_id', 'owner_id', 'name'])
    .where('id', 'in', companyIds).where('deleted_at', 'is', null).execute()
  const byTeam = new Map<string, Company[]>()
  for (const c of companies) byTeam.set(c.team_id, [...(byTeam.get(c.team_id) ?? []), c])
  const rules = await effectiveRules(trx, [...byTeam.keys()])
  const found: Array<{ rule: EffectiveRule; occasion: Occasion; company: Company; id: string }> = []
  for (const [team, members] of byTeam) {
    const byId = new Map(members.map((c) => [c.id, c]))
    for (const rule of rules.get(team) ?? []) {
      if (!rule.enabled || (options.datedOnly && !SIGNALS[rule.signal].dated)) continue
      for (const occasion of await SIGNAL_QUERIES[rule.signal](trx, [...byId.keys()], today, rule.threshold)) {
        found.push({ rule, occasion, company: byId.get(occasion.companyId)!, id: triggerFiringId(rule.signal, occasion.companyId, occasion.occasion) })
      }
    }
  }
  if (found.length === 0) return 0
  // Tombstoned firings count too: a firing once recorded never fires again.
  const known = new Set<string>()
  const idsOf = (f: (typeof found)[number]) => [f.id, ...(f.occasion.knownAs ?? []).map((o) => triggerFiringId(f.rule.signal, f.company.id, o))]
  const candidates = found.flatMap(idsOf)
  for (let i = 0; i < candidates.length; i += 500) {
    const rows = await trx.selectFrom('trigger_firings').select('id').where('id', 'in', candidates.slice(i, i + 500)).execute()
    for (const r of rows) known.add(r.id)
  }
  // Two complaints completing the count in one pass name the same window once.
  const seen = new Set<string>()
  const fresh = found.filter((f) => !idsOf(f).some((id) => known.has(id)) && !seen.has(f.id) && seen.add(f.id))
  if (fresh.length === 0) return 0
  const assignees = new Set(fresh.map((f) => assigneeOf(f.rule, f.company)).filter(Boolean))
  const active = new Set((await trx.selectFrom('users').select('id').where('id', 'in', [...assignees, '-']).where('deleted_at', 'is', null).execute()).map((u) => u.id))
  for (const { rule, occasion, company, id } of fresh) {
    const assignee = assigneeOf(rule, company)
    // No task for a customer without an owner, or for a disabled colleague: the firing is still recorded.
    const taskId = assignee && active.has(assignee) ? triggerTaskId(id) : null
    await insertSynced(trx, 'trigger_firings', {
      id, company_id: company.id, signal: rule.signal, occasion: occasion.occasion, fired_on: occasion.firedOn, action: rule.action,
      assignee_id: assignee, task_id: taskId, related_type: occasion.relatedType, related_id: occasion.relatedId,
      message_key: occasion.reason, message_params: JSON.stringify(occasion.params),
    }, now)
    if (!taskId) continue
    // No notes: the task's page shows why it fired from the firing, in the reader's language (trigger.taskNotes).
    await insertSynced(trx, 'tasks', {
      id: taskId, company_id: company.id, ...taskTitle(rule, occasion, company),
      due_date: occasion.dueDate, priority: rule.signal === 'lost_revival' ? 'normal' : 'high', owner_id: assignee,
      related_type: occasion.relatedType, related_id: occasion.relatedId, trigger_firing_id: id,
    }, now)
  }
  return fresh.length
}

const assigneeOf = (rule: EffectiveRule, company: Company): string => (rule.action === 'notify_manager' ? rule.targetUserId : company.owner_id)

/**
 * The refresh hook (installed in db/database.ts after the health score): every origin fires — a local change, a
 * pulled page and the roll — because the firing's id is derived, so a laptop that sees a colleague's fact makes
 * the same record the colleague's laptop made (docs/triggers.md, "Pulled changes").
 */
export const triggerRefreshHook: CompanyRefreshHook = async (trx, companyIds, now) => {
  await fireTriggers(trx, companyIds, now)
}
