// The price list: products, a form for one, and the CSV import with a column mapping and a report.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { UNITS } from '../../../../shared/modules/offers/offer.enums'
import { PRODUCT_IMPORT_FIELDS, productFieldsSchema } from '../../../../shared/modules/offers/offer.schema'
import { parseCsv } from '../../../../shared/modules/offers/csv'
import type { ProductImportReport } from '../../../../shared/ipc/contract'
import { CheckboxField, FormError, MoneyField, NumberField, SelectField, TextField, showServerErrors } from '../../components/form-fields'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { useRights } from '../../lib/use-rights'
import { call } from '../../lib/api'
import { useData } from '../../lib/use-data'
import { VAT_RATES } from '../../../../shared/platform/line-item-totals'
import { formatCents } from '../../../../shared/platform/money'

export function ProductsPage() {
  const { t, language } = useI18n()
  const rights = useRights()
  const action = useAction()
  const products = useData('products.list', { limit: 500 })
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({ resolver: zodResolver(productFieldsSchema), defaultValues: { sku: '', name: '', description: '', unit: 'Stück', listPriceCents: 0, purchasePriceCents: null, vatRate: 19 as const, warrantyMonths: 0, active: true } })
  const save = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await action.run('products.create', fields)
    if (result.ok) {
      form.reset()
      products.reload()
    } else setFormError(showServerErrors(form, result.error))
  })
  return (
    <section className="page">
      <PageHeader title={t('product.title')} subtitle={products.data ? t('common.results', { count: products.data.total }) : undefined}
        actions={<ExportButtons onExport={(format) => call('products.export', { format, language })} />} />
      {products.error ? <LoadError message={products.error} /> : null}
      {products.data?.total === 0 ? <EmptyState>{t('product.empty')}</EmptyState> : null}
      {products.data && products.data.total > 0 ? (
        <table className="data-table card" aria-label={t('product.title')}>
          <thead><tr><th>{t('product.sku')}</th><th>{t('product.name')}</th><th>{t('product.unit')}</th><th className="num">{t('product.listPrice')}</th><th className="num">{t('product.vatRate')}</th><th className="num">{t('product.warrantyMonths')}</th><th>{t('product.active')}</th></tr></thead>
          <tbody>{products.data.rows.map((p) => (
            <tr key={p.id}><td>{p.sku}</td><td>{p.name}</td><td>{p.unit}</td><td className="num">{formatCents(p.listPriceCents, language)}</td><td className="num">{p.vatRate} %</td><td className="num">{p.warrantyMonths}</td><td>{p.active ? t('common.yes') : t('common.no')}</td></tr>
          ))}</tbody>
        </table>
      ) : null}
      {!rights.may('prices.write') ? <p className="notice notice--warn" role="note">{rights.why('prices.write')}</p> : (
      <div className="settings-grid">
        <FormProvider {...form}>
          <form className="card form" onSubmit={save} noValidate aria-label={t('product.new')}>
            <h2>{t('product.new')}</h2>
            <FormError message={formError} />
            <TextField name="sku" label={t('product.sku')} required />
            <TextField name="name" label={t('product.name')} required />
            <SelectField name="unit" label={t('product.unit')} options={UNITS.map((u) => ({ value: u, label: u }))} />
            <MoneyField name="listPriceCents" label={t('product.listPrice')} required />
            <MoneyField name="purchasePriceCents" label={t('approval.purchasePrice')} />
            <SelectField name="vatRate" label={t('product.vatRate')} options={VAT_RATES.map((r) => ({ value: String(r), label: `${r} %` }))} numeric />
            <NumberField name="warrantyMonths" label={t('product.warrantyMonths')} step="1" emptyValue={0} />
            <CheckboxField name="active" label={t('product.active')} />
            <div className="form-actions"><button type="submit" className="button button--primary" disabled={action.busy}>{action.busy ? t('common.saving') : t('common.save')}</button></div>
          </form>
        </FormProvider>
        <CsvImport onDone={products.reload} />
      </div>
      )}
    </section>
  )
}

function CsvImport({ onDone }: { onDone: () => void }) {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [csv, setCsv] = useState('')
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [report, setReport] = useState<ProductImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const header = csv ? parseCsv(csv.split(/\r?\n/, 2).join('\n')).header : []
  const load = async (file: File | undefined) => {
    if (!file) return
    const text = await file.text()
    setCsv(text)
    setReport(null)
    const columns = parseCsv(text.split(/\r?\n/, 2).join('\n')).header
    // Guess the mapping from common German and English column names.
    const guess = (words: string[]) => columns.find((c) => words.some((w) => c.toLowerCase().includes(w))) ?? ''
    setMapping({
      sku: guess(['artikel', 'sku', 'nummer']), name: guess(['bezeichnung', 'name']), description: guess(['beschreibung', 'description']),
      unit: guess(['einheit', 'unit']), listPrice: guess(['preis', 'price']), vatRate: guess(['mwst', 'ust', 'vat']), warrantyMonths: guess(['garantie', 'warranty']), active: guess(['aktiv', 'active']),
    })
  }
  const run = async (dryRun: boolean) => {
    setError(null)
    const result = await action.run('products.import', { csv, mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)), dryRun })
    if (!result.ok) return setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
    setReport(result.data)
    if (!dryRun && result.data.rejected.length === 0) onDone()
  }
  return (
    <section className="card form" aria-label={t('product.import')}>
      <h2>{t('product.import')}</h2>
      <p className="muted small">{t('product.importHint')}</p>
      <div className="field">
        <label htmlFor="csv-file">{t('product.csvFile')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void load(e.target.files?.[0])} />
      </div>
      {header.length > 0 ? (
        <>
          {PRODUCT_IMPORT_FIELDS.map((field) => (
            <div key={field} className="field">
              <label htmlFor={`map-${field}`}>{t(`product.${field}`)}</label>
              <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}>
                <option value="">{t('product.notMapped')}</option>
                {header.map((h) => <option key={h} value={h}>{h}</option>)}
              </select>
            </div>
          ))}
          <div className="form-actions">
            <button type="button" className="button" disabled={action.busy} onClick={() => void run(true)}>{t('product.check')}</button>
            <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void run(false)}>{t('product.runImport')}</button>
          </div>
        </>
      ) : null}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {report ? (
        <div role="status">
          {report.rejected.length > 0 ? (
            <>
              <p className="form-error">{t('product.rejected', { count: report.rejected.length })}</p>
              <ul className="plain-list small">{report.rejected.map((r) => <li key={r.line}>{t('product.line', { line: r.line })}: {Object.entries(r.errors).map(([f, k]) => `${tFromData(`product.${f}`)} – ${tFromData(k)}`).join('; ')}</li>)}</ul>
            </>
          ) : report.dryRun ? <p>{t('product.checkOk')}</p> : <p>{t('product.imported', { imported: report.imported, updated: report.updated })}</p>}
        </div>
      ) : null}
    </section>
  )
}
