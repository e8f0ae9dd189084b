// The pre-offer conversation (Vorangebotsgespräch): a guided form and the buying center present.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import { FormProvider, useFieldArray, useForm } from 'react-hook-form'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS } from '../../../../shared/modules/customers'
import { conversationFieldsSchema, type ConversationFields, type ConversationFieldsInput } from '../../../../shared/modules/offers/offer.schema'
import { FormError, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { todayIso } from '../../lib/today'
import { maxLengthOf } from '../../../../shared/platform/common.schema'
import { ConfirmationPanel, PromisesPanel } from './promises-panel'

/** What the buying center takes over from a contact when the contact is picked for a row. */
const FROM_CONTACT = ['buyingRole', 'influence', 'attitude'] as const

const GUIDE = ['situation', 'needs', 'goals', 'worries', 'decisionCriteria', 'decisionProcess', 'competitors', 'nextSteps'] as const

export function ConversationFormPage() {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const { id } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const existing = useData('conversations.get', id ? { id } : null)
  const companyId = existing.data?.companyId ?? params.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  // A company converted from a lead (issue 19): its first conversation opens with the lead's qualification.
  const fromLead = useData('leadQualification.get', !id && companyId ? { companyId } : null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<ConversationFieldsInput, unknown, ConversationFields>({
    resolver: zodResolver(conversationFieldsSchema),
    defaultValues: { companyId, heldAt: todayIso(), participants: [] },
  })
  const participants = useFieldArray({ control: form.control, name: 'participants' })
  // Values this form filled in from a picked contact, by field path: those (and empty fields) follow the next
  // contact picked for the row; a value the user chose stays.
  const filled = useRef(new Map<string, string>())

  useEffect(() => {
    const rows = contacts.data?.rows ?? []
    const subscription = form.watch((values, { name }) => {
      const picked = name ? /^participants\.(\d+)\.contactId$/.exec(name) : null
      if (!picked) return
      const index = Number(picked[1])
      const contact = rows.find((c) => c.id === values.participants?.[index]?.contactId)
      for (const field of FROM_CONTACT) {
        const path = `participants.${index}.${field}` as const
        const current = form.getValues(path) ?? ''
        if (current !== '' && current !== filled.current.get(path)) continue
        const value = contact?.[field] ?? ''
        form.setValue(path, value)
        filled.current.set(path, value)
      }
    })
    return () => subscription.unsubscribe()
  }, [form, contacts.data])

  useEffect(() => {
    if (existing.data) {
      const { id: _i, companyName: _c, offerCount: _o, participants: people, ...fields } = existing.data
      form.reset({ ...fields, participants: people.map(({ contactName: _n, ...p }) => p) as ConversationFieldsInput['participants'] })
    } else if (companyId) form.setValue('companyId', companyId)
  }, [existing.data, companyId, form])

  useEffect(() => {
    const q = fromLead.data?.qualification
    if (id || !q) return
    const prefill = { budget: q.budget, needs: q.need, decisionTimeline: q.timing, decisionProcess: q.decisionMaker } as const
    for (const [field, value] of Object.entries(prefill) as Array<[keyof typeof prefill, string]>) {
      if (value && !form.getValues(field)) form.setValue(field, value)
    }
  }, [fromLead.data, id, form])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('conversations.update', { id, ...fields }) : await run('conversations.create', fields)
    if (result.ok) navigate(`/conversations/${result.data.id}`, { replace: true, state: { saved: true } })
    else setFormError(showServerErrors(form, result.error))
  })

  if (existing.error) return <LoadError message={existing.error} />
  // The buying center's contact selects need their options before the form shows a saved participant.
  if ((id && !existing.data) || (companyId && !contacts.data && !contacts.error)) return <p className="muted" role="status">{t('common.loading')}</p>
  const contactOptions = (contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))

  return (
    <section className="page">
      <PageHeader
        title={t('conversation.title')}
        subtitle={company.data ? <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link> : undefined}
        actions={id ? <Link className="button button--primary" to={`/offers/new?companyId=${companyId}&conversationId=${id}`}>{t('conversation.createOffer')}</Link> : undefined}
      />
      <p className="muted">{t('conversation.intro')}</p>
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('conversation.title')}>
          <FormError message={formError} />
          <fieldset>
            <legend>{t('conversation.basics')}</legend>
            <div className="form-grid">
              <TextField name="heldAt" label={t('conversation.heldAt')} type="date" required />
              <TextField name="budget" label={t('conversation.budget')} />
              <TextField name="decisionTimeline" label={t('conversation.decisionTimeline')} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('conversation.guide')}</legend>
            <div className="form-grid form-grid--two">
              {GUIDE.map((field) => <TextAreaField key={field} name={field} label={t(`conversation.${field}`)} hint={t(`conversation.${field}Hint`)} rows={3} maxLength={maxLengthOf(conversationFieldsSchema.shape[field])} />)}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('conversation.buyingCenter')}</legend>
            {participants.fields.length === 0 ? <p className="muted">{t('conversation.noParticipants')}</p> : null}
            {participants.fields.map((field, index) => (
              <div key={field.id} className="participant-row" role="group" aria-label={t('conversation.participant', { n: index + 1 })}>
                <SelectField name={`participants.${index}.contactId`} label={t('conversation.contact')} options={contactOptions} emptyLabel={t('common.choose')} required />
                <SelectField name={`participants.${index}.buyingRole`} label={t('contact.buyingRole')} options={enumOptions(enumLabel, 'buyingRole', BUYING_ROLES)} emptyLabel={t('common.none')} />
                <SelectField name={`participants.${index}.influence`} label={t('contact.influence')} options={enumOptions(enumLabel, 'influence', INFLUENCE_LEVELS)} emptyLabel={t('common.none')} />
                <SelectField name={`participants.${index}.attitude`} label={t('contact.attitude')} options={enumOptions(enumLabel, 'attitude', ATTITUDES)} emptyLabel={t('common.none')} />
                <TextField name={`participants.${index}.caresAbout`} label={t('conversation.caresAbout')} />
                <button type="button" className="button button--ghost" onClick={() => { participants.remove(index); filled.current.clear() }}>{t('common.remove')}</button>
              </div>
            ))}
            <button type="button" className="button" disabled={contactOptions.length === 0}
              onClick={() => participants.append({ contactId: '', buyingRole: '', influence: '', attitude: '', caresAbout: '' })}>
              {t('conversation.addParticipant')}
            </button>
            {contactOptions.length === 0 ? <p className="muted small">{t('conversation.noContacts')}</p> : null}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to={companyId ? `/companies/${companyId}` : '/offers'}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
      {id ? <PromisesPanel conversationId={id} companyId={companyId} contacts={contactOptions} /> : null}
      {id ? <ConfirmationPanel conversationId={id} /> : null}
    </section>
  )
}
