// "ERP-Daten importieren": choose a CSV or Excel file with one row per customer and month; the check shows what
// would be written (new, changed, unchanged months) and every bad row with its line, column and reason — then
// nothing can be imported until the file is corrected. "Import bestätigen" writes all rows at once (useAction:
// a double click imports once).
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { ERP_IMPORT_MAX_BYTES, type ErpImportField, type ErpImportFile, type ErpImportPreview, type ErpImportResult } from '../../../../shared/modules/erp'
import { formatCents } from '../../../../shared/platform/money'
import { PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { base64Of } from '../../lib/download'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'

const fieldKey = (field: ErpImportField) => `erp.field.${field}` as const

export function ErpImportPage() {
  const { t, tFromData, language, number, period } = useI18n()
  const action = useAction()
  const [file, setFile] = useState<ErpImportFile | null>(null)
  const [fileKey, setFileKey] = useState(0)
  const [checking, setChecking] = useState(false)
  const [preview, setPreview] = useState<ErpImportPreview | null>(null)
  const [done, setDone] = useState<ErpImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (chosen: File | undefined) => {
    setPreview(null)
    setDone(null)
    setError(null)
    setFile(null)
    if (!chosen) return
    if (chosen.size > ERP_IMPORT_MAX_BYTES) return setError('errors.erpFileTooLarge')
    setChecking(true)
    const input = { fileName: chosen.name, base64: base64Of(new Uint8Array(await chosen.arrayBuffer())) }
    const answer = await call('erp.preview', input)
    setChecking(false)
    if (!answer.ok) return setError(Object.values(answer.error.fields ?? {})[0] ?? answer.error.message)
    setFile(input)
    setPreview(answer.data)
  }

  const confirm = async () => {
    if (!file) return
    const answer = await action.run('erp.import', file)
    if (!answer.ok) return setError(answer.error.message)
    setDone(answer.data)
    setPreview(null)
    setFile(null)
    setFileKey((k) => k + 1)
  }

  const importable = preview && preview.missing.length === 0 && preview.problemCount === 0 && preview.sample.length > 0
  const money = (cents: number) => formatCents(cents, language)
  return (
    <section className="page erp-import-page">
      <PageHeader title={t('erp.importTitle')} actions={<Link className="button" to="/companies">{t('import.toList')}</Link>} />
      <section className="card form" aria-label={t('erp.importTitle')}>
        <p className="muted small">{t('erp.importHint')}</p>
        <div className="field">
          <label htmlFor="erp-file">{t('erp.file')}</label>
          <input key={fileKey} id="erp-file" type="file" disabled={checking || action.busy}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void load(e.target.files?.[0])} />
        </div>
        {checking ? <p role="status">{t('erp.checking')}</p> : null}
        {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
        {done ? <p className="notice" role="status">{t('erp.done', { created: number(done.created), updated: number(done.updated), unchanged: number(done.unchanged), companies: done.companies })}</p> : null}
        {preview && preview.missing.length > 0 ? (
          <p className="form-error" role="alert">{t('erp.missingColumns', { columns: preview.missing.map((f) => t(fieldKey(f))).join(', ') })}</p>
        ) : null}
        {preview && preview.problemCount > 0 ? (
          <div role="alert">
            <p className="form-error">{t('erp.problemsTitle', { count: preview.badRows })}</p>
            <table className="data-table" aria-label={t('erp.problem')}>
              <thead><tr><th className="num">{t('erp.line')}</th><th>{t('erp.column')}</th><th>{t('erp.value')}</th><th>{t('erp.problem')}</th></tr></thead>
              <tbody>
                {preview.problems.map((p) => (
                  <tr key={`${p.line}-${p.field}`}><td className="num">{p.line}</td><td>{t(fieldKey(p.field))}</td><td>{p.value}</td><td>{tFromData(p.key)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {importable ? (
          <div className="stack" role="status">
            <p>{t('erp.summary', {
              rows: preview.created + preview.updated + preview.unchanged, companies: preview.companies,
              first: period(preview.firstMonth ?? ''), last: period(preview.lastMonth ?? ''),
              created: number(preview.created), updated: number(preview.updated), unchanged: number(preview.unchanged),
            })}</p>
            <h2>{t('erp.previewTitle')}</h2>
            <table className="data-table" aria-label={t('erp.previewTitle')}>
              <thead>
                <tr>
                  <th className="num">{t('erp.line')}</th><th>{t('erp.field.customerNumber')}</th><th>{t('erp.company')}</th><th>{t('erp.field.month')}</th>
                  <th className="num">{t('erp.field.revenue')}</th><th className="num">{t('erp.field.openItems')}</th><th className="num">{t('erp.field.daysOverdue')}</th><th>{t('erp.action')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td><td>{row.customerNumber}</td><td>{row.companyName}</td><td className="nowrap">{period(row.month)}</td>
                    <td className="num">{money(row.revenueCents)}</td><td className="num">{money(row.openItemsCents)}</td><td className="num">{number(row.daysOverdue)}</td>
                    <td>{t(`erp.action.${row.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.sample.length < preview.rows ? <p className="muted small">{t('erp.previewMore', { shown: number(preview.sample.length), total: number(preview.rows) })}</p> : null}
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void confirm()}>
                {action.busy ? t('erp.importing') : t('erp.confirm')}
              </button>
            </div>
          </div>
        ) : null}
      </section>
    </section>
  )
}
