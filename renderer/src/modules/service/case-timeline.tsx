// A case's timeline: everything done, in the reader's language, and a note to add to it.
import { eventLine } from '../../../../shared/i18n/event-text'
import { caseNoteSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { CheckboxField, TextField } from '../../components/form-fields'
import { Badge } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'

export function CaseTimeline({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, dateTime, language } = useI18n()
  return (
    <section aria-label={t('case.timeline')}>
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline" aria-label={t('case.timeline')}>
        {c.events.map((e) => (
          <li key={e.id}>
            <span className="muted small">{dateTime(e.at)}{e.byName ? ` · ${e.byName}` : ''}</span>
            <div>{eventLine(language, e)} {e.customerInformed ? <Badge tone="good">{t('case.informedBadge')}</Badge> : null}</div>
          </li>
        ))}
      </ol>
      <NoteForm c={c} onDone={onDone} />
    </section>
  )
}

function NoteForm({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const panel = usePanel({
    channel: 'cases.note', schema: caseNoteSchema, defaultValues: { id: c.id, text: '', customerInformed: false },
    shown: ['text', 'customerInformed'], onSaved: onDone, clearAfterSave: true,
  })
  return (
    <PanelForm panel={panel} label={t('case.addNote')} actions={<SaveButton label={t('case.addNote')} />}>
      <TextField name="text" label={t('case.note')} required wide />
      <CheckboxField name="customerInformed" label={t('case.customerInformed')} />
    </PanelForm>
  )
}
