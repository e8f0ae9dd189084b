// The early-warning rules a manager edits (issue 17): channel schemas and the pure rules of a rule's fields.
import { z } from 'zod'
import { daySchema, idSchema, optionalIdSchema } from '../../platform/common.schema'
import { SIGNALS, TRIGGER_ACTIONS, TRIGGER_SIGNALS, type TriggerSignal } from './trigger.enums'

/** Signals whose firing names a record a mail can be about (a case, a contract, an offer): only they may propose a mail. */
export const MAIL_SIGNALS: readonly TriggerSignal[] = ['complaints', 'cancel_by', 'lost_revival']

export const triggerRuleSaveSchema = z.object({
  signal: z.enum(TRIGGER_SIGNALS, 'errors.invalidChoice'),
  enabled: z.boolean('errors.invalid'),
  threshold: z.number('errors.number').int('errors.number'),
  action: z.enum(TRIGGER_ACTIONS, 'errors.invalidChoice'),
  /** The manager told (action notify_manager); '' otherwise. */
  targetUserId: optionalIdSchema,
}).strict().superRefine((rule, issues) => {
  const signal = SIGNALS[rule.signal]
  if (rule.threshold < signal.min || rule.threshold > signal.max) issues.addIssue({ code: 'custom', path: ['threshold'], message: 'errors.triggerThresholdRange' })
  if (rule.action === 'notify_manager' && !rule.targetUserId) issues.addIssue({ code: 'custom', path: ['targetUserId'], message: 'errors.required' })
  if (rule.action === 'propose_mail' && !MAIL_SIGNALS.includes(rule.signal)) issues.addIssue({ code: 'custom', path: ['action'], message: 'errors.triggerMailNoRecord' })
})
export type TriggerRuleSave = z.output<typeof triggerRuleSaveSchema>

export const triggerRulesListSchema = z.object({}).strict()
export const triggerFiringsListSchema = z.object({ companyId: idSchema }).strict()
export const triggerReportSchema = z.object({ from: daySchema, to: daySchema }).strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'errors.triggerRange' })
