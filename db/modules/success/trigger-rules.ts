// The rules as they hold for a team: the shipped rule of each signal, or the team's edited row (issue 17).
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { derivedId } from '../../platform/ids'
import { SIGNALS, TRIGGER_SIGNALS, type TriggerAction, type TriggerSignal } from '../../../shared/modules/success'

export interface EffectiveRule {
  signal: TriggerSignal
  enabled: boolean
  threshold: number
  action: TriggerAction
  targetUserId: string
  /** The team's row exists. */
  edited: boolean
}

/** A team's rule of a signal has one id on every laptop, so two managers' first edits meet as one record. */
export const triggerRuleId = (teamId: string, signal: TriggerSignal): string => derivedId(`trigger-rule:${teamId}:${signal}`)

export const shippedRule = (signal: TriggerSignal): EffectiveRule => ({
  signal, enabled: true, threshold: SIGNALS[signal].threshold, action: SIGNALS[signal].action, targetUserId: '', edited: false,
})

/** Every signal's rule for each of the teams. */
export async function effectiveRules(db: Kysely<Database> | Transaction<Database>, teamIds: readonly string[]): Promise<Map<string, EffectiveRule[]>> {
  const rows = teamIds.length === 0 ? [] : await db.selectFrom('trigger_rules').select(['team_id', 'signal', 'enabled', 'threshold', 'action', 'target_user_id'])
    .where('team_id', 'in', teamIds).where('deleted_at', 'is', null).execute()
  const byTeam = new Map<string, EffectiveRule[]>()
  for (const team of teamIds) {
    byTeam.set(team, TRIGGER_SIGNALS.map((signal) => {
      const row = rows.find((r) => r.team_id === team && r.signal === signal)
      return row
        ? { signal, enabled: row.enabled === 1, threshold: row.threshold, action: row.action, targetUserId: row.target_user_id ?? '', edited: true }
        : shippedRule(signal)
    }))
  }
  return byTeam
}
