// An installed product: which product, serial number, site, delivery and installation, warranty end
// (from the product's warranty months unless typed), and the service contract that covers it.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { assetFieldsSchema, type AssetFields, type AssetFieldsInput } from '../../../../shared/modules/service/service.schema'
import { FormError, SaveCancel, SelectField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function AssetFormPage() {
  const { t } = useI18n()
  const action = useAction()
  const { id } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const existing = useData('assets.get', id ? { id } : null)
  const companyId = existing.data?.companyId ?? params.get('companyId') ?? ''
  const products = useData('products.list', { activeOnly: true, limit: 500 })
  const contracts = useData('contracts.list', companyId ? { companyId, status: 'running', limit: 100 } : null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<AssetFieldsInput, unknown, AssetFields>({
    resolver: zodResolver(assetFieldsSchema),
    defaultValues: { companyId, productId: '', name: '', serialNumber: '', site: '', deliveredOn: '', installedOn: '', warrantyEnd: '', contractId: '', notes: '' },
  })
  useEffect(() => {
    const a = existing.data
    if (a) form.reset({ companyId: a.companyId, productId: a.productId, name: a.name, serialNumber: a.serialNumber, site: a.site, deliveredOn: a.deliveredOn ?? '', installedOn: a.installedOn ?? '', warrantyEnd: a.warrantyEnd ?? '', contractId: a.contractId, notes: a.notes })
  }, [existing.data, form])
  const pickProduct = (productId: string) => {
    const p = products.data?.rows.find((r) => r.id === productId)
    if (p && !form.getValues('name')) form.setValue('name', p.name)
  }
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await action.run('assets.update', { id, ...fields }) : await action.run('assets.create', fields)
    if (result.ok) navigate(`/companies/${result.data.companyId}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })
  if (existing.error) return <LoadError message={existing.error} />
  if (!companyId) return <LoadError message="contract.noCompany" />
  return (
    <section className="page">
      <PageHeader title={id ? t('asset.edit') : t('asset.new')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('asset.form')}>
          <FormError message={formError} />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="asset-product">{t('asset.product')}</label>
              <select id="asset-product" {...form.register('productId', { onChange: (e: { target: { value: string } }) => pickProduct(e.target.value) })}>
                <option value="">{t('common.none')}</option>
                {(products.data?.rows ?? []).map((p) => <option key={p.id} value={p.id}>{p.sku} · {p.name}{p.warrantyMonths ? ` (${t('asset.warrantyMonths', { n: p.warrantyMonths })})` : ''}</option>)}
              </select>
            </div>
            <TextField name="name" label={t('asset.name')} required />
            <TextField name="serialNumber" label={t('asset.serialNumber')} />
            <TextField name="site" label={t('asset.site')} />
            <TextField name="deliveredOn" label={t('asset.deliveredOn')} type="date" />
            <TextField name="installedOn" label={t('asset.installedOn')} type="date" />
            <TextField name="warrantyEnd" label={t('asset.warrantyEnd')} type="date" hint={t('asset.warrantyEndHint')} />
            <SelectField name="contractId" label={t('asset.contract')} options={(contracts.data?.rows ?? []).map((k) => ({ value: k.id, label: `${k.number} · ${k.title}` }))} emptyLabel={t('common.none')} />
          </div>
          <TextAreaField name="notes" label={t('contract.notes')} rows={2} maxLength={maxLengthOf(assetFieldsSchema.shape.notes)} />
          <SaveCancel cancelTo={`/companies/${companyId}`} />
        </form>
      </FormProvider>
    </section>
  )
}
