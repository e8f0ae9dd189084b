// The team's early-warning rules (issue 17): listed for everyone, edited by a manager or an admin (a device without
// a sync server has one user, who edits their own). Bad input is refused at its field and nothing is written.
import { effectiveRules, teamSettingsEditor, triggerRuleId } from '../../../../db/modules/success'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { SIGNALS, TRIGGER_EDITOR_ROLES, type TriggerRuleSave, type TriggerRulesPage, type TriggerRuleView } from '../../../../shared/modules/success'
import { nowIso, type ServiceContext } from '../../platform/context'

interface Editor { teamId: string; canEdit: boolean }

/** The current user's team and whether they may edit its rules (the role from the synced users table). */
async function editorOf(ctx: ServiceContext): Promise<Editor> {
  const { teamId, canEdit } = await teamSettingsEditor(ctx.db, ctx.userId)
  return { teamId, canEdit }
}

async function rulesOf(ctx: ServiceContext, teamId: string): Promise<TriggerRuleView[]> {
  const rules = (await effectiveRules(ctx.db, [teamId])).get(teamId) ?? []
  return rules.map((r) => ({ ...r, min: SIGNALS[r.signal].min, max: SIGNALS[r.signal].max }))
}

export async function listTriggerRules(ctx: ServiceContext): Promise<TriggerRulesPage> {
  const editor = await editorOf(ctx)
  const managers = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('role', 'in', TRIGGER_EDITOR_ROLES).where('deleted_at', 'is', null)
    .orderBy('display_name').execute()
  return { rules: await rulesOf(ctx, editor.teamId), canEdit: editor.canEdit, managers: managers.map((m) => ({ id: m.id, name: m.display_name })) }
}

/** The manager told: a user this device knows, not disabled, a manager or an admin. */
async function checkTarget(ctx: ServiceContext, targetUserId: string): Promise<void> {
  if (!targetUserId) return
  const user = await ctx.db.selectFrom('users').select(['deleted_at', 'role']).where('id', '=', targetUserId).executeTakeFirst()
  if (!user) throw fieldError('targetUserId', 'errors.triggerTargetUnknown')
  if (user.deleted_at !== null) throw fieldError('targetUserId', 'errors.triggerTargetDisabled')
  if (!TRIGGER_EDITOR_ROLES.includes(user.role)) throw fieldError('targetUserId', 'errors.triggerTargetNotManager')
}

export async function saveTriggerRule(ctx: ServiceContext, input: TriggerRuleSave): Promise<TriggerRuleView> {
  const editor = await editorOf(ctx)
  if (!editor.canEdit) throw new AppError('forbidden', 'errors.triggerNotAllowed')
  const targetUserId = input.action === 'notify_manager' ? input.targetUserId : ''
  await checkTarget(ctx, targetUserId)
  const id = triggerRuleId(editor.teamId, input.signal)
  const now = nowIso(ctx)
  const values = { enabled: input.enabled ? 1 : 0, threshold: input.threshold, action: input.action, target_user_id: targetUserId || null, updated_by: ctx.userId }
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('trigger_rules').select('id').where('id', '=', id).executeTakeFirst()
    if (existing) await updateSynced(trx, 'trigger_rules', id, values, now)
    else await insertSynced(trx, 'trigger_rules', { id, team_id: editor.teamId, signal: input.signal, ...values }, now)
  })
  return (await rulesOf(ctx, editor.teamId)).find((r) => r.signal === input.signal)!
}
