// The offer form: addressee, items (from the price list or free text), terms, and the personal
// introduction that takes up the pre-offer conversation. Totals update as you type.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useState } from 'react'
import { FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { DEFAULT_VALIDITY_DAYS, UNITS } from '../../../../shared/modules/offers/offer.enums'
import { offerFieldsSchema, type OfferFields, type OfferFieldsInput } from '../../../../shared/modules/offers/offer.schema'
import { VAT_RATES, computeOfferTotals, type OfferTotals } from '../../../../shared/platform/line-item-totals'
import { CheckboxField, FormError, MoneyField, NumberField, SelectField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { CompanyPicker } from '../../components/company-picker'
import { useRights } from '../../lib/use-rights'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { addDays, todayIso } from '../../lib/today'
import { TotalsTable } from './totals-table'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

const emptyItem = { productId: '', sku: '', name: '', description: '', quantity: 1, unit: 'Stück', unitPriceCents: 0, discountPercent: 0, vatRate: 19 as const, optional: false }

function safeTotals(values: Partial<OfferFieldsInput>): OfferTotals | null {
  try {
    return computeOfferTotals({
      items: (values.items ?? []).map((i) => ({
        quantity: Number(i.quantity), unitPriceCents: Number(i.unitPriceCents), discountPercent: Number(i.discountPercent),
        vatRate: Number(i.vatRate) as 19 | 7 | 0, optional: Boolean(i.optional),
      })),
      offerDiscountPercent: Number(values.offerDiscountPercent ?? 0),
      skontoPercent: Number(values.skontoPercent ?? 0),
    })
  } catch {
    return null
  }
}

export function OfferFormPage() {
  const { t, tFromData, language, date } = useI18n()
  const rights = useRights()
  const { run } = useAction()
  const { id } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const existing = useData('offers.get', id ? { id } : null)
  const conversationId = params.get('conversationId') ?? ''
  const conversation = useData('conversations.get', conversationId ? { id: conversationId } : null)
  const contractId = existing.data?.contractId ?? params.get('contractId') ?? ''
  const renewing = useData('contracts.get', !id && contractId ? { id: contractId } : null)
  const companyId = existing.data?.companyId ?? conversation.data?.companyId ?? renewing.data?.companyId ?? params.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const [pickedCompanyId, setPickedCompanyId] = useState('')
  const contacts = useData('contacts.list', companyId || pickedCompanyId ? { companyId: companyId || pickedCompanyId, limit: 500 } : null)
  const products = useData('products.list', { activeOnly: true, limit: 500 })
  const profile = useData('profile.get', {})
  const [formError, setFormError] = useState<string | null>(null)
  const today = todayIso()
  const form = useForm<OfferFieldsInput, unknown, OfferFields>({
    resolver: zodResolver(offerFieldsSchema),
    defaultValues: {
      companyId, contactId: '', conversationId, offerDate: today, validUntil: addDays(today, DEFAULT_VALIDITY_DAYS), offerDiscountPercent: 0,
      paymentNetDays: 30, skontoPercent: 2, skontoDays: 10, deliveryTerms: '', introduction: '', benefits: '', items: [emptyItem], contractId, contractTermMonths: 0,
    },
  })
  const items = useFieldArray({ control: form.control, name: 'items' })
  const values = useWatch({ control: form.control }) as Partial<OfferFieldsInput>
  const totals = useMemo(() => safeTotals(values), [values])
  useEffect(() => {
    if (!companyId && values.companyId !== pickedCompanyId) setPickedCompanyId(values.companyId ?? '')
  }, [companyId, values.companyId, pickedCompanyId])

  useEffect(() => {
    if (existing.data) {
      const o = existing.data
      form.reset({
        companyId: o.companyId, contactId: o.contactId, conversationId: o.conversationId, offerDate: o.offerDate, validUntil: o.validUntil,
        offerDiscountPercent: o.offerDiscountPercent, paymentNetDays: o.paymentNetDays, skontoPercent: o.skontoPercent, skontoDays: o.skontoDays,
        deliveryTerms: o.deliveryTerms, introduction: o.introduction, benefits: o.benefits, contractId: o.contractId, contractTermMonths: o.contractTermMonths,
        items: o.items.map(({ id: _i, position: _p, netCents: _n, ...item }) => item),
      })
    }
  }, [existing.data, form])

  // Starting from a conversation: the addressee is its decision maker (or first participant).
  useEffect(() => {
    if (id || !conversation.data) return
    form.setValue('companyId', conversation.data.companyId)
    const lead = conversation.data.participants.find((p) => p.buyingRole === 'decision_maker') ?? conversation.data.participants[0]
    if (lead) form.setValue('contactId', lead.contactId)
  }, [conversation.data, id, form])
  // A renewal offer starts from the contract: addressee, items, and the renewal term.
  useEffect(() => {
    const k = renewing.data
    if (id || !k) return
    form.setValue('companyId', k.companyId)
    form.setValue('contactId', k.contactId)
    form.setValue('contractId', k.id)
    form.setValue('contractTermMonths', k.renewalMonths || k.minimumTermMonths)
    if (k.items.length > 0) form.setValue('items', k.items.map(({ id: _i, position: _p, netCents: _n, ...item }) => item))
    form.setValue('introduction', t('offer.renewalIntro', { number: k.number, title: k.title, end: date(k.endDate) }))
  }, [renewing.data, id, form, t, date])
  useEffect(() => {
    if (!id && companyId) form.setValue('companyId', companyId)
  }, [companyId, id, form])
  useEffect(() => {
    if (!id && profile.data?.defaultDeliveryTerms && !form.getValues('deliveryTerms')) form.setValue('deliveryTerms', profile.data.defaultDeliveryTerms)
  }, [profile.data, id, form])

  const pickProduct = (index: number, productId: string) => {
    const p = products.data?.rows.find((r) => r.id === productId)
    if (!p) return form.setValue(`items.${index}.productId`, '')
    form.setValue(`items.${index}`, { ...form.getValues(`items.${index}`), productId: p.id, sku: p.sku, name: p.name, description: p.description, unit: p.unit, unitPriceCents: p.listPriceCents, vatRate: p.vatRate })
  }

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('offers.update', { id, ...fields }) : await run('offers.create', fields)
    if (result.ok) navigate(`/offers/${result.data.id}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })

  const readOnly = !rights.may('offers.write')
  if (existing.error) return <LoadError message={existing.error} />
  if (id && !existing.data) return <p className="muted" role="status">{t('common.loading')}</p>
  // Started from "Alle Angebote": the customer is chosen first, in the form.
  const chooseCompany = !id && !companyId
  const contactOptions = (contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))
  const c = conversation.data

  return (
    <section className="page">
      <PageHeader
        title={id ? t('offer.editTitle', { number: existing.data?.number ?? '' }) : t('offer.new')}
        subtitle={company.data && !chooseCompany ? <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link> : undefined}
      />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('offer.form')}>
          <FormError message={formError} />
          {readOnly ? <p className="notice notice--warn" role="note">{rights.why('offers.write')}</p> : null}
          {/* A role that may not change offers sees every field, prices included, read-only (a disabled fieldset). */}
          <fieldset className="fieldset-plain" disabled={readOnly} title={readOnly ? rights.why('offers.write') : undefined}>
          {c ? (
            <div className="card conversation-brief" aria-label={t('offer.fromConversation')}>
              <h2>{t('offer.fromConversation')} ({date(c.heldAt)})</h2>
              <dl className="details">
                {c.needs ? <div className="details__item"><dt>{t('conversation.needs')}</dt><dd>{c.needs}</dd></div> : null}
                {c.worries ? <div className="details__item"><dt>{t('conversation.worries')}</dt><dd>{c.worries}</dd></div> : null}
                {c.goals ? <div className="details__item"><dt>{t('conversation.goals')}</dt><dd>{c.goals}</dd></div> : null}
              </dl>
            </div>
          ) : null}
          <fieldset>
            <legend>{t('offer.basics')}</legend>
            <div className="form-grid">
              {chooseCompany ? <CompanyPicker name="companyId" label={t('offer.customer')} required /> : null}
              <SelectField name="contactId" label={t('offer.contact')} options={contactOptions} emptyLabel={t('common.none')} />
              <TextField name="offerDate" label={t('offer.offerDate')} type="date" required />
              <TextField name="validUntil" label={t('offer.validUntil')} type="date" required />
              {values.contractId ? <NumberField name="contractTermMonths" label={t('offer.contractTermMonths')} step="1" required /> : null}
            </div>
            {values.contractId ? <p className="notice">{t('offer.isRenewal', { number: renewing.data?.number ?? existing.data?.contractNumber ?? '' })}</p> : null}
          </fieldset>
          <fieldset>
            <legend>{t('offer.items')}</legend>
            {form.formState.errors.items?.message ? <p className="field__error" role="alert">{tFromData(form.formState.errors.items.message)}</p> : null}
            <div className="item-list">
              {items.fields.map((field, index) => (
                <div key={field.id} className="item-row" role="group" aria-label={t('offer.position', { n: index + 1 })}>
                  <div className="field">
                    <label htmlFor={`product-${field.id}`}>{t('offer.product')}</label>
                    <select id={`product-${field.id}`} value={values.items?.[index]?.productId ?? ''} onChange={(e) => pickProduct(index, e.target.value)}>
                      <option value="">{t('offer.freeText')}</option>
                      {(products.data?.rows ?? []).map((p) => <option key={p.id} value={p.id}>{p.sku} – {p.name}</option>)}
                    </select>
                  </div>
                  <TextField name={`items.${index}.name`} label={t('offer.itemName')} required />
                  <NumberField name={`items.${index}.quantity`} label={t('offer.quantity')} decimals={3} required />
                  <SelectField name={`items.${index}.unit`} label={t('offer.unit')} options={UNITS.map((u) => ({ value: u, label: u }))} />
                  <MoneyField name={`items.${index}.unitPriceCents`} label={t('offer.unitPrice')} required />
                  <NumberField name={`items.${index}.discountPercent`} label={t('offer.discountPercent')} step="0.01" emptyValue={0} />
                  <SelectField name={`items.${index}.vatRate`} label={t('offer.vatRate')} options={VAT_RATES.map((r) => ({ value: String(r), label: `${r} %` }))} numeric />
                  <CheckboxField name={`items.${index}.optional`} label={t('offer.optional')} />
                  <span className="item-row__total" aria-label={t('offer.lineTotal')}>{totals ? formatCents(totals.lines[index]?.netCents ?? 0, language) : '–'}</span>
                  <button type="button" className="button button--ghost" onClick={() => items.remove(index)} aria-label={t('offer.removePosition', { n: index + 1 })}>✕</button>
                  <TextAreaField name={`items.${index}.description`} label={t('offer.itemDescription')} rows={1} maxLength={maxLengthOf(offerFieldsSchema.shape.items.element.shape.description)} />
                </div>
              ))}
            </div>
            <button type="button" className="button" onClick={() => items.append(emptyItem)}>{t('offer.addItem')}</button>
          </fieldset>
          <fieldset>
            <legend>{t('offer.terms')}</legend>
            <div className="form-grid">
              <NumberField name="offerDiscountPercent" label={t('offer.offerDiscount')} step="0.01" emptyValue={0} />
              <NumberField name="paymentNetDays" label={t('offer.paymentNetDays')} step="1" emptyValue={0} />
              <NumberField name="skontoPercent" label={t('offer.skontoPercent')} step="0.01" emptyValue={0} />
              <NumberField name="skontoDays" label={t('offer.skontoDays')} step="1" emptyValue={0} />
              <TextAreaField name="deliveryTerms" label={t('offer.deliveryTerms')} rows={2} maxLength={maxLengthOf(offerFieldsSchema.shape.deliveryTerms)} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('offer.personal')}</legend>
            <TextAreaField name="introduction" label={t('offer.introduction')} hint={t('offer.introductionHint')} rows={3} maxLength={maxLengthOf(offerFieldsSchema.shape.introduction)} />
            <TextAreaField name="benefits" label={t('offer.benefits')} hint={t('offer.benefitsHint')} rows={4} maxLength={maxLengthOf(offerFieldsSchema.shape.benefits)} />
          </fieldset>
          </fieldset>
          {totals ? <TotalsTable totals={totals} offerDiscountPercent={Number(values.offerDiscountPercent) || undefined} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting || readOnly} title={readOnly ? rights.why('offers.write') : undefined}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to={id ? `/offers/${id}` : companyId ? `/companies/${companyId}` : '/offers'}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
