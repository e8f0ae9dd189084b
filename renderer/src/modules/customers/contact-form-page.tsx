// Create or edit a contact with their buying-center role, attitude, influence, worries and persona.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { contactFieldsSchema, type ContactFields, type ContactFieldsInput } from '../../../../shared/modules/customers/contact.schema'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS, LANGUAGES, SALUTATIONS } from '../../../../shared/modules/customers/customer.enums'
import { FormError, SelectField, TextAreaField, TextField, showServerErrors, enumOptions } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { ContactPanels } from '../../components/record-panels'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { VcardExportButton } from './vcard-export-button'
import { ContactConsents } from './contact-consents'
import { ContactDuplicateHint } from './contact-duplicate-hint'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

// No salutation yet: the select starts at "Bitte wählen …" and saving without a choice is refused at the field
// ("Ohne Anrede" is a choice: the letter greets by full name).
const empty = (companyId: string): Partial<ContactFieldsInput> => ({
  companyId, title: '', firstName: '', lastName: '', jobFunction: '', email: '', phone: '', mobile: '',
  language: 'de', buyingRole: '', attitude: '', influence: '', worries: '', goals: '', personaId: '', notes: '',
})

export function ContactFormPage() {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const { id } = useParams()
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const [formError, setFormError] = useState<string | null>(null)
  const existing = useData('contacts.get', id ? { id } : null)
  const companyId = existing.data?.companyId ?? searchParams.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const personas = useData('personas.list', {})
  const form = useForm<ContactFieldsInput, unknown, ContactFields>({ resolver: zodResolver(contactFieldsSchema), defaultValues: empty(companyId) })

  useEffect(() => {
    if (existing.data) {
      const { id: _id, createdAt: _c, updatedAt: _u, companyName: _n, personaName: _p, ...fields } = existing.data
      form.reset(fields)
    }
  }, [existing.data, form])

  const backTo = companyId ? `/companies/${companyId}` : '/contacts'
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('contacts.update', { id, ...fields }) : await run('contacts.create', fields)
    if (result.ok) navigate(`/companies/${result.data.companyId}`)
    else setFormError(showServerErrors(form, result.error))
  })

  const remove = async () => {
    if (!id || !existing.data || !window.confirm(t('common.confirmDelete', { name: `${existing.data.firstName} ${existing.data.lastName}`.trim() }))) return
    const result = await run('contacts.delete', { id })
    if (result.ok) navigate(backTo)
    else setFormError(result.error.message)
  }

  if (existing.error) return <LoadError message={existing.error} />
  // Typing into the form before the record has loaded would be overwritten when it arrives.
  if (id && !existing.data) return <p className="muted" role="status">{t('common.loading')}</p>

  return (
    <section className="page">
      <PageHeader
        title={id ? t('contact.edit') : t('contact.new')}
        subtitle={company.data ? `${t('contact.company')}: ${company.data.name}` : undefined}
        actions={id ? <>
          <VcardExportButton id={id} />
          {/* DSGVO Art. 17: the dsgvo module's page, linked by URL (customers does not import it). */}
          <Link className="button" to={`/contacts/${id}/access`}>{t('access.link')}</Link>
          <Link className="button" to={`/contacts/${id}/privacy`}>{t('dsgvo.eraseLink')}</Link>
          <button type="button" className="button button--danger" onClick={() => void remove()}>{t('common.delete')}</button>
        </> : undefined}
      />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError message={formError} />
          {form.formState.errors.companyId ? <FormError message={form.formState.errors.companyId.message ?? 'errors.companyNotFound'} /> : null}
          <fieldset>
            <legend>{t('contact.name')}</legend>
            <div className="form-grid">
              <SelectField name="salutation" label={t('contact.salutation')} options={enumOptions(enumLabel, 'salutation', SALUTATIONS)} emptyLabel={t('common.choose')} required />
              <TextField name="title" label={t('contact.personTitle')} />
              <TextField name="firstName" label={t('contact.firstName')} autoComplete="given-name" />
              <TextField name="lastName" label={t('contact.lastName')} required autoComplete="family-name" />
              <TextField name="jobFunction" label={t('contact.jobFunction')} />
              <SelectField name="language" label={t('contact.language')} options={enumOptions(enumLabel, 'language', LANGUAGES)} />
              <TextField name="email" label={t('contact.email')} type="email" autoComplete="email" />
              <TextField name="phone" label={t('contact.phone')} type="tel" />
              <TextField name="mobile" label={t('contact.mobile')} type="tel" />
            </div>
            <ContactDuplicateHint exceptId={id ?? ''} />
          </fieldset>
          <fieldset>
            <legend>{t('contact.buyingCenter')}</legend>
            <div className="form-grid">
              <SelectField name="buyingRole" label={t('contact.buyingRole')} options={enumOptions(enumLabel, 'buyingRole', BUYING_ROLES)} emptyLabel={t('common.noEntry')} />
              <SelectField name="attitude" label={t('contact.attitude')} options={enumOptions(enumLabel, 'attitude', ATTITUDES)} emptyLabel={t('common.noEntry')} />
              <SelectField name="influence" label={t('contact.influence')} options={enumOptions(enumLabel, 'influence', INFLUENCE_LEVELS)} emptyLabel={t('common.noEntry')} />
              <SelectField name="personaId" label={t('contact.persona')} options={(personas.data ?? []).map((p) => ({ value: p.id, label: p.name }))} emptyLabel={t('common.noEntry')} />
              <TextAreaField name="worries" label={t('contact.worries')} maxLength={maxLengthOf(contactFieldsSchema.shape.worries)} />
              <TextAreaField name="goals" label={t('contact.goals')} maxLength={maxLengthOf(contactFieldsSchema.shape.goals)} />
              <TextAreaField name="notes" label={t('contact.notes')} maxLength={maxLengthOf(contactFieldsSchema.shape.notes)} />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to={backTo}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
      {id ? <ContactConsents contactId={id} /> : null}
      {id && existing.data ? <ContactPanels contact={{ id, companyId: existing.data.companyId }} /> : null}
    </section>
  )
}
