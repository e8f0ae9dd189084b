// Logging a case: a service request, complaint, warranty claim or return, for a customer (picked or
// given), with contact, asset, channel, when it came in, priority and owner; returns with their lines.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { CASE_CHANNELS, CASE_TYPES, COMPLAINT_CATEGORIES, PRIORITIES, RETURN_REASONS } from '../../../../shared/modules/service/service.enums'
import { caseFieldsSchema, type CaseFields, type CaseFieldsInput } from '../../../../shared/modules/service/service.schema'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { FormError, SaveCancel, NumberField, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { appNow, localDateTimeInput, localDateTimeSchema } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { CompanyPicker } from '../../components/company-picker'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

/** The contract's schema, except that "Eingang" is typed as a local date-time, made an instant here. */
const formSchema = caseFieldsSchema.safeExtend({ receivedAt: localDateTimeSchema })

export function CaseFormPage() {
  const { t, tFromData, enumLabel } = useI18n()
  const action = useAction()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [formError, setFormError] = useState<string | null>(null)
  const typeParam = params.get('type') ?? ''
  const form = useForm<CaseFieldsInput, unknown, CaseFields>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      type: isOneOf(CASE_TYPES, typeParam) ? typeParam : 'service_request',
      companyId: params.get('companyId') ?? '', contactId: '', assetId: params.get('assetId') ?? '', channel: 'phone', receivedAt: localDateTimeInput(appNow()),
      subject: '', description: '', priority: 'normal', ownerId: '', category: '', lines: [],
    },
  })
  const [type, companyId] = useWatch({ control: form.control, name: ['type', 'companyId'] })
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const assets = useData('assets.list', companyId ? { companyId } : null)
  const users = useData('users.list', {})
  const lines = useFieldArray({ control: form.control, name: 'lines' })
  useEffect(() => {
    if (type === 'return' && lines.fields.length === 0) lines.append({ productId: '', name: '', quantity: 1, reason: 'defective' })
  }, [type, lines])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await action.run('cases.create', fields)
    if (result.ok) navigate(`/cases/${result.data.id}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })

  return (
    <section className="page">
      <PageHeader title={t('case.new')} subtitle={t('case.newSubtitle')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('case.form')}>
          <FormError message={formError} />
          <fieldset>
            <legend>{t('case.basics')}</legend>
            <div className="form-grid">
              <SelectField name="type" label={t('case.type')} options={enumOptions(enumLabel, 'caseType', CASE_TYPES)} required />
              <CompanyPicker name="companyId" label={t('case.company')} required />
              <SelectField name="contactId" label={t('case.contact')} options={(contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))} emptyLabel={t('common.none')} />
              <SelectField name="assetId" label={t('case.asset')} required={type === 'warranty'}
                options={(assets.data ?? []).map((a) => ({ value: a.id, label: `${a.name}${a.serialNumber ? ` (${a.serialNumber})` : ''}` }))} emptyLabel={t('common.none')} />
              <SelectField name="channel" label={t('case.channel')} options={enumOptions(enumLabel, 'caseChannel', CASE_CHANNELS)} required />
              <TextField name="receivedAt" label={t('case.receivedAt')} type="datetime-local" required />
              <SelectField name="priority" label={t('case.priority')} options={enumOptions(enumLabel, 'priority', PRIORITIES)} required />
              <SelectField name="ownerId" label={t('case.owner')} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} emptyLabel={t('contract.ownerMe')} />
              {type === 'complaint' ? <SelectField name="category" label={t('case.category')} options={enumOptions(enumLabel, 'complaintCategory', COMPLAINT_CATEGORIES)} emptyLabel={t('common.none')} /> : null}
            </div>
            <div className="form-grid">
              <TextField name="subject" label={t('case.subject')} required wide />
              <TextAreaField name="description" label={t('case.description')} rows={4} maxLength={maxLengthOf(formSchema.shape.description)} />
            </div>
          </fieldset>
          {type === 'return' ? (
            <fieldset>
              <legend>{t('case.lines')}</legend>
              {form.formState.errors.lines?.message ? <p className="field__error" role="alert">{tFromData(form.formState.errors.lines.message)}</p> : null}
              {lines.fields.map((field, index) => (
                <div key={field.id} className="form-grid item-row" role="group" aria-label={t('case.line', { n: index + 1 })}>
                  <TextField name={`lines.${index}.name`} label={t('case.lineName')} required />
                  <NumberField name={`lines.${index}.quantity`} label={t('case.lineQuantity')} step="1" required />
                  <SelectField name={`lines.${index}.reason`} label={t('case.lineReason')} options={enumOptions(enumLabel, 'returnReason', RETURN_REASONS)} required />
                  <div className="field field--action"><button type="button" className="button button--ghost" onClick={() => lines.remove(index)}>{t('case.removeLine')}</button></div>
                </div>
              ))}
              <button type="button" className="button" onClick={() => lines.append({ productId: '', name: '', quantity: 1, reason: 'defective' })}>{t('case.addLine')}</button>
            </fieldset>
          ) : null}
          <SaveCancel cancelTo={companyId ? `/companies/${companyId}` : '/service'} />
        </form>
      </FormProvider>
    </section>
  )
}
