// The team's early-warning rules (issue 17): each signal's rule with its state, threshold and action; a manager
// edits one at a time (a threshold outside its range is refused at the field, a double click saves once).
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link } from 'react-router-dom'
import { TRIGGER_ACTIONS, triggerRuleSaveSchema, type TriggerRuleView, type TriggerRulesPage } from '../../../../shared/modules/success'
import { CheckboxField, FormError, SelectField, enumOptions, showServerErrors } from '../../components/form-fields'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { NumberField } from '../../components/typed-fields'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { ThresholdText } from './trigger-parts'

export function TriggerRulesPage() {
  const { t, enumLabel } = useI18n()
  const page = useData('triggerRules.list', {})
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <section className="page">
      <PageHeader title={t('triggers.title')} subtitle={t('triggers.intro')} actions={<Link className="button" to="/reports/triggers">{t('triggers.reportLink')}</Link>} />
      {page.error ? <LoadError message={page.error} /> : null}
      {page.data && !page.data.canEdit ? <p className="muted">{t('triggers.readOnly')}</p> : null}
      {page.data ? (
        <div className="stack">
          <div className="card">
            <table className="data-table" aria-label={t('triggers.title')}>
              <thead>
                <tr><th>{t('triggers.col.rule')}</th><th>{t('triggers.col.enabled')}</th><th>{t('triggers.col.threshold')}</th><th>{t('triggers.col.action')}</th><th /></tr>
              </thead>
              <tbody>
                {page.data.rules.map((rule) => (
                  <tr key={rule.signal}>
                    <th scope="row">{enumLabel('triggerSignal', rule.signal)}</th>
                    <td><Badge tone={rule.enabled ? 'good' : 'muted'}>{rule.enabled ? t('triggers.enabledYes') : t('triggers.enabledNo')}</Badge></td>
                    <td><ThresholdText signal={rule.signal} value={rule.threshold} /></td>
                    <td>{enumLabel('triggerAction', rule.action)}{rule.action === 'notify_manager' ? `: ${page.data!.managers.find((m) => m.id === rule.targetUserId)?.name ?? ''}` : ''}</td>
                    <td className="num">
                      {page.data!.canEdit ? (
                        <button type="button" className="button button--ghost" aria-label={t('triggers.editOf', { rule: enumLabel('triggerSignal', rule.signal) })} onClick={() => setEditing(rule.signal)}>
                          {t('triggers.edit')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editing ? (
            <RuleForm key={editing} rule={page.data.rules.find((r) => r.signal === editing)!} page={page.data}
              onDone={(saved) => {
                setEditing(null)
                if (saved) page.reload()
              }} />
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

function RuleForm({ rule, page, onDone }: { rule: TriggerRuleView; page: TriggerRulesPage; onDone: (saved: boolean) => void }) {
  const { t, enumLabel } = useI18n()
  const action = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    resolver: zodResolver(triggerRuleSaveSchema),
    defaultValues: { signal: rule.signal, enabled: rule.enabled, threshold: rule.threshold, action: rule.action, targetUserId: rule.targetUserId },
  })
  const chosen = form.watch('action')
  const submit = form.handleSubmit(async (input) => {
    const result = await action.run('triggerRules.save', input)
    if (result.ok) onDone(true)
    else setFormError(showServerErrors(form, result.error))
  })
  const title = t('triggers.editOf', { rule: enumLabel('triggerSignal', rule.signal) })
  return (
    <FormProvider {...form}>
      <form className="card form" onSubmit={submit} noValidate aria-label={title}>
        <h2>{title}</h2>
        <FormError message={formError} />
        <div className="form-grid">
          <CheckboxField name="enabled" label={t('triggers.field.enabled')} />
          <NumberField name="threshold" label={t('triggers.field.threshold')} decimals={0} required
            hint={`${t(`triggers.thresholdHint.${rule.signal}`)} ${t('triggers.field.thresholdRange', { min: rule.min, max: rule.max })}`} />
          <SelectField name="action" label={t('triggers.field.action')} options={enumOptions(enumLabel, 'triggerAction', TRIGGER_ACTIONS)} required />
          {chosen === 'notify_manager' ? (
            <SelectField name="targetUserId" label={t('triggers.field.target')} options={page.managers.map((m) => ({ value: m.id, label: m.name }))} emptyLabel={t('triggers.field.targetNone')} required />
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>{t('triggers.save')}</button>
          <button type="button" className="button button--ghost" onClick={() => onDone(false)}>{t('triggers.cancel')}</button>
        </div>
      </form>
    </FormProvider>
  )
}
