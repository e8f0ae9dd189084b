// The contract form: from a won offer (items, value and addressee taken over) or direct. The end of
// the term and the cancel-by date are shown while typing, so nobody has to count months by hand.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { NOTICE_UNITS, termEnd } from '../../../../shared/modules/contracts/contract.dates'
import { CONTRACT_TYPES } from '../../../../shared/modules/contracts/contract.enums'
import { contractEnd, contractFieldsSchema, previewCancelBy, type ContractFields, type ContractFieldsInput } from '../../../../shared/modules/contracts/contract.schema'
import { FormError, MoneyField, NumberField, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function ContractFormPage() {
  const { t, enumLabel, date, language } = useI18n()
  const { run } = useAction()
  const { id } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const existing = useData('contracts.get', id ? { id } : null)
  const offerId = params.get('offerId') ?? ''
  const offer = useData('offers.get', offerId ? { id: offerId } : null)
  const companyId = existing.data?.companyId ?? offer.data?.companyId ?? params.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const users = useData('users.list', {})
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<ContractFieldsInput, unknown, ContractFields>({
    resolver: zodResolver(contractFieldsSchema),
    defaultValues: {
      companyId, contactId: '', offerId, type: 'service', title: '', startDate: todayIso(), minimumTermMonths: 12, endDate: '', noticeValue: 3, noticeUnit: 'months',
      renewalMonths: 12, annualValueCents: 0, ownerId: '', notes: '', items: [],
    },
  })
  const values = useWatch({ control: form.control }) as ContractFieldsInput

  useEffect(() => {
    const c = existing.data
    if (!c) return
    form.reset({
      companyId: c.companyId, contactId: c.contactId, offerId: c.offerId, type: c.type, title: c.title, startDate: c.startDate, minimumTermMonths: c.minimumTermMonths,
      // Empty when it is the end of the minimum term, so changing start or term moves it along.
      endDate: (c.terms[0]?.end ?? c.endDate) === termEnd(c.startDate, c.minimumTermMonths) ? '' : (c.terms[0]?.end ?? c.endDate), noticeValue: c.noticeValue, noticeUnit: c.noticeUnit, renewalMonths: c.renewalMonths,
      annualValueCents: c.annualValueCents, ownerId: c.ownerId, notes: c.notes, items: c.items.map(({ id: _i, position: _p, netCents: _n, ...item }) => item),
    })
  }, [existing.data, form])
  // From a won offer: the addressee, the items and the order value are the contract's.
  // Once the contacts are listed: a contact set before its option exists would show as "none" in the select.
  useEffect(() => {
    const o = offer.data
    if (id || !o || !contacts.data) return
    form.setValue('companyId', o.companyId)
    form.setValue('contactId', o.contactId)
    form.setValue('title', o.items.find((i) => !i.optional)?.name ?? '')
    form.setValue('annualValueCents', o.orderValueCents ?? o.totals.netCents)
    form.setValue('startDate', o.orderDate ?? todayIso())
    form.setValue('items', o.items.filter((i) => !i.optional).map(({ id: _i, position: _p, netCents: _n, ...item }) => item))
  }, [offer.data, contacts.data, id, form])
  useEffect(() => {
    if (!id && companyId) form.setValue('companyId', companyId)
  }, [companyId, id, form])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('contracts.update', { id, ...fields }) : await run('contracts.create', fields)
    if (result.ok) navigate(`/contracts/${result.data.id}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })

  if (existing.error) return <LoadError message={existing.error} />
  if (id && !existing.data) return <p className="muted" role="status">{t('common.loading')}</p>
  if (!companyId) return <LoadError message="contract.noCompany" />
  // A renewed contract shows its running term; a new one (or one in its first term) the first term.
  const running = existing.data && existing.data.terms.length > 1 ? existing.data : null
  const numbers = {
    ...values, minimumTermMonths: Number(values.minimumTermMonths), noticeValue: Number(values.noticeValue),
    startDate: running ? running.termStart : values.startDate, endDate: running ? running.endDate : values.endDate ?? '',
  }
  const end = (() => { try { return contractEnd(numbers) } catch { return null } })()
  const cancel = (() => { try { return end && end >= numbers.startDate ? previewCancelBy(numbers) : null } catch { return null } })()
  const items = values.items ?? []

  return (
    <section className="page">
      <PageHeader
        title={id ? t('contract.editTitle', { number: existing.data?.number ?? '' }) : t('contract.new')}
        subtitle={company.data ? <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link> : undefined}
      />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('contract.form')}>
          <FormError message={formError} />
          {offer.data ? <p className="notice">{t('contract.fromOffer', { number: offer.data.number })}</p> : null}
          <fieldset>
            <legend>{t('contract.basics')}</legend>
            <div className="form-grid">
              <SelectField name="type" label={t('contract.type')} options={enumOptions(enumLabel, 'contractType', CONTRACT_TYPES)} required />
              <TextField name="title" label={t('contract.titleField')} required wide />
              <SelectField name="contactId" label={t('contract.contact')} options={(contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))} emptyLabel={t('common.none')} />
              <SelectField name="ownerId" label={t('contract.owner')} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} emptyLabel={t('contract.ownerMe')} />
              <MoneyField name="annualValueCents" label={t('contract.annualValue')} required />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('contract.term')}</legend>
            <div className="form-grid">
              <TextField name="startDate" label={t('contract.startDate')} type="date" required />
              <NumberField name="minimumTermMonths" label={t('contract.minimumTermMonths')} step="1" required />
              <TextField name="endDate" label={t('contract.endDate')} type="date" hint={t('contract.endDateHint')} />
              <NumberField name="noticeValue" label={t('contract.noticeValue')} step="1" required />
              <SelectField name="noticeUnit" label={t('contract.noticeUnit')} options={enumOptions(enumLabel, 'noticeUnit', NOTICE_UNITS)} required />
              <NumberField name="renewalMonths" label={t('contract.renewalMonths')} step="1" emptyValue={0} hint={t('contract.renewalMonthsHint')} />
            </div>
            <dl className="details contract-preview" aria-label={t('contract.preview')}>
              <div className="details__item"><dt>{t(running ? 'contract.runningTerm' : 'contract.endOfTerm')}</dt><dd>{end ? (running ? `${date(running.termStart)} – ${date(end)}` : date(end)) : '–'}</dd></div>
              <div className="details__item"><dt>{t('contract.cancelBy')}</dt><dd><strong>{cancel ? date(cancel) : '–'}</strong></dd></div>
            </dl>
          </fieldset>
          {items.length > 0 ? (
            <fieldset>
              <legend>{t('contract.items')}</legend>
              <ul className="plain-list">
                {items.map((i, n) => <li key={n}>{i.quantity} {i.unit} · {i.name} · {formatCents(Number(i.unitPriceCents), language)}</li>)}
              </ul>
            </fieldset>
          ) : null}
          <TextAreaField name="notes" label={t('contract.notes')} rows={3} maxLength={maxLengthOf(contractFieldsSchema.shape.notes)} />
          <div className="form-actions">
            <button type="submit" className="button button--primary">{t('common.save')}</button>
            <Link className="button button--ghost" to={id ? `/contracts/${id}` : `/companies/${companyId}`}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
