// Hand an open case to a colleague or change its priority (the service-level deadlines follow).
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { PRIORITIES } from '../../../../shared/modules/service/service.enums'
import { caseAssignSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { SelectField, enumOptions } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'

export function AssignPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const users = useData('users.list', {})
  return (
    <details className="case-assign">
      <summary>{t('case.assign')}</summary>
      {/* The form waits for the users, so the owner's option exists when the select takes its value. */}
      {users.data ? <AssignForm c={c} users={users.data} onDone={onDone} /> : null}
    </details>
  )
}

function AssignForm({ c, users, onDone }: { c: ServiceCase; users: ChannelOutput<'users.list'>; onDone: () => void }) {
  const { t, enumLabel } = useI18n()
  const panel = usePanel({
    channel: 'cases.assign', schema: caseAssignSchema, defaultValues: { id: c.id, ownerId: c.ownerId, priority: c.priority },
    shown: ['ownerId', 'priority'], onSaved: onDone,
  })
  return (
    <PanelForm panel={panel} label={t('case.assign')} actions={<SaveButton label={t('case.saveAssign')} />}>
      <SelectField name="ownerId" label={t('case.owner')} options={users.map((u) => ({ value: u.id, label: u.displayName }))} required />
      <SelectField name="priority" label={t('case.priority')} options={enumOptions(enumLabel, 'priority', PRIORITIES)} required />
    </PanelForm>
  )
}
