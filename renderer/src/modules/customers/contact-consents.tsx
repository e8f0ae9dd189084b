// "Einwilligungen (DSGVO)" on the contact page: the history of consents (channel, purpose, given on, source,
// withdrawn on), a form to record one, and a withdrawal with its day. Every change goes through useAction.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { CONSENT_CHANNELS, CONSENT_PURPOSES, consentCreateSchema, consentState, type Consent } from '../../../../shared/modules/customers/consent.schema'
import { DateField, DateInput, FormError, SelectField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { Badge } from '../../components/page'
import { notifyDataChanged } from '../../lib/data-events'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'

type ConsentForm = { contactId: string; channel: string; purpose: string; givenOn: string; source: string; note: string }

function Withdraw({ consent, onDone }: { consent: Consent; onDone: () => void }) {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [open, setOpen] = useState(false)
  const [day, setDay] = useState(todayIso())
  const [error, setError] = useState<string | null>(null)
  if (!open) return <button type="button" className="button button--small" onClick={() => setOpen(true)}>{t('consent.withdraw')}</button>
  const save = async () => {
    const answer = await action.run('consents.withdraw', { id: consent.id, withdrawnOn: day })
    if (!answer.ok) return setError(Object.values(answer.error.fields ?? {})[0] ?? answer.error.message)
    setOpen(false)
    onDone()
  }
  return (
    <div className="inline-row">
      <DateInput label={t('consent.withdrawnOn')} value={day} onChange={setDay} />
      <button type="button" className="button button--small button--primary" disabled={action.busy || !day} onClick={() => void save()}>{t('consent.withdrawConfirm')}</button>
      {error ? <span className="form-error" role="alert">{tFromData(error)}</span> : null}
    </div>
  )
}

export function ContactConsents({ contactId }: { contactId: string }) {
  const { t, enumLabel, date } = useI18n()
  const action = useAction()
  const list = useData('consents.list', { contactId })
  const [formError, setFormError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const form = useForm<ConsentForm>({
    resolver: zodResolver(consentCreateSchema) as never,
    defaultValues: { contactId, channel: 'email', purpose: 'advertising', givenOn: todayIso(), source: '', note: '' },
  })
  const consents = list.data ?? []
  const reload = () => { list.reload(); notifyDataChanged() }
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null); setNotice(null)
    const answer = await action.run('consents.create', consentCreateSchema.parse(values))
    if (!answer.ok) return setFormError(showServerErrors(form, answer.error))
    setNotice(t('consent.saved'))
    form.reset({ ...values, source: '', note: '' })
    reload()
  })
  return (
    <section className="card form contact-consents" aria-label={t('consent.title')}>
      <h2>{t('consent.title')}</h2>
      <p className="muted small">{t('consent.hint')}</p>
      {consentState(consents, 'email') === 'withdrawn' ? <p className="form-error" role="note">{t('consent.emailWithdrawnHint')}</p> : null}
      {consents.length === 0 ? <p>{t('consent.empty')}</p> : (
        <table className="data-table" aria-label={t('consent.list')}>
          <thead><tr><th>{t('consent.channel')}</th><th>{t('consent.purpose')}</th><th>{t('consent.givenOn')}</th><th>{t('consent.source')}</th><th>{t('consent.withdrawnOn')}</th></tr></thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.id}>
                <td>{enumLabel('consentChannel', c.channel)}</td>
                <td>{enumLabel('consentPurpose', c.purpose)}</td>
                <td>{date(c.givenOn)}</td>
                <td>{c.source || t('common.none')}</td>
                <td>{c.withdrawnOn ? date(c.withdrawnOn) : <><Badge tone="good">{t('consent.active')}</Badge> <Withdraw consent={c} onDone={() => { setNotice(t('consent.withdrawn')); reload() }} /></>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate>
          <FormError message={formError} />
          <div className="form-grid">
            <SelectField name="channel" label={t('consent.channel')} options={enumOptions(enumLabel, 'consentChannel', CONSENT_CHANNELS)} required />
            <SelectField name="purpose" label={t('consent.purpose')} options={enumOptions(enumLabel, 'consentPurpose', CONSENT_PURPOSES)} required />
            <DateField name="givenOn" label={t('consent.givenOn')} required />
            <TextField name="source" label={t('consent.source')} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={action.busy}>{t('consent.add')}</button>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
