// "Firmen importieren" / "Ansprechpartner importieren": choose a CSV or Excel file, check the column mapping
// (suggested from the headers, or a saved one), see the dry run (what will be created, updated, skipped, and
// each bad row with line and field), then import with a progress bar and a cancel button.
import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router-dom'
import {
  IMPORT_CHUNK_BYTES, IMPORT_FIELDS, IMPORT_MATCH_KEYS, MAX_IMPORT_FILE_BYTES, mappingByHeader,
  type ImportAnalysis, type ImportMapping, type ImportMatchKey, type ImportProgress, type ImportTarget,
} from '../../../../shared/modules/customers/customer-import.schema'
import { PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { notifyDataChanged } from '../../lib/data-events'
import { base64Of } from '../../lib/download'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { importFieldLabel, ImportPlanView, ImportProgressView } from './customer-import-report'

export function CustomerImportPage({ target }: { target: ImportTarget }) {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [fileKey, setFileKey] = useState(0)
  const [uploading, setUploading] = useState(false)
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null)
  const [mapping, setMapping] = useState<ImportMapping>({})
  const [matchBy, setMatchBy] = useState<ImportMatchKey>(IMPORT_MATCH_KEYS[target][0])
  const [stale, setStale] = useState(false)
  const [saveName, setSaveName] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const listPath = target === 'companies' ? '/companies' : '/contacts'
  const polling = useRef<number | null>(null)

  useEffect(() => () => { if (polling.current) window.clearTimeout(polling.current) }, [])

  const showAnalysis = (next: ImportAnalysis) => {
    setAnalysis(next)
    setMapping(next.mapping)
    setMatchBy(next.matchBy)
    setStale(false)
  }

  const load = async (file: File | undefined) => {
    setAnalysis(null); setError(null); setNotice(null); setProgress(null)
    if (!file) return
    if (file.size === 0) return setError('errors.importEmpty')
    if (file.size > MAX_IMPORT_FILE_BYTES) return setError('errors.importTooLarge')
    setUploading(true)
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const importId = crypto.randomUUID()
      for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
        const sent = await action.run('imports.upload', { importId, target, size: bytes.length, offset, base64: base64Of(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES)) })
        if (!sent.ok) return setError(Object.values(sent.error.fields ?? {})[0] ?? sent.error.message)
      }
      const answer = await call('imports.analyse', { importId })
      if (!answer.ok) return setError(answer.error.message)
      showAnalysis(answer.data)
    } finally {
      setUploading(false)
    }
  }

  const check = async () => {
    if (!analysis) return
    setError(null); setNotice(null)
    const answer = await call('imports.analyse', { importId: analysis.importId, mapping, matchBy })
    if (!answer.ok) return setError(answer.error.message)
    showAnalysis(answer.data)
  }

  const follow = (importId: string) => {
    polling.current = window.setTimeout(async () => {
      const answer = await call('imports.progress', { importId })
      if (!answer.ok) return setError(answer.error.message)
      setProgress(answer.data)
      if (answer.data.state === 'running') follow(importId)
      else notifyDataChanged()
    }, 300)
  }

  const run = async () => {
    if (!analysis) return
    setError(null)
    const answer = await action.run('imports.run', { importId: analysis.importId, mapping, matchBy })
    if (!answer.ok) return setError(Object.values(answer.error.fields ?? {})[0] ?? answer.error.message)
    setProgress(answer.data)
    if (answer.data.state === 'running') follow(analysis.importId)
  }

  const cancel = async () => {
    if (analysis) await action.run('imports.cancel', { importId: analysis.importId })
  }

  const chooseSaved = (name: string) => {
    const saved = analysis?.savedMappings.find((m) => m.name === name)
    if (!analysis || !saved) return
    const next: ImportMapping = {}
    for (const field of IMPORT_FIELDS[target]) {
      const column = saved.columns[field] ? analysis.columns.indexOf(saved.columns[field]) : -1
      next[field] = column >= 0 ? column : null
    }
    setMapping(next); setMatchBy(saved.matchBy); setStale(true)
  }

  const save = async () => {
    if (!analysis) return
    const answer = await action.run('imports.saveMapping', { target, name: saveName, columns: mappingByHeader(mapping, analysis.columns), matchBy })
    if (!answer.ok) return setError(Object.values(answer.error.fields ?? {})[0] ?? answer.error.message)
    setAnalysis({ ...analysis, savedMappings: answer.data })
    setNotice(t('import.mappingSaved', { name: saveName }))
    setSaveName('')
  }

  const restart = () => {
    setAnalysis(null); setProgress(null); setError(null); setNotice(null); setFileKey((k) => k + 1)
  }

  const started = progress !== null
  const missing = analysis && !stale ? analysis.missing : []
  const title = t(target === 'companies' ? 'import.companiesTitle' : 'import.contactsTitle')
  return (
    <section className="page import-page">
      <PageHeader title={title} actions={<Link className="button" to={listPath}>{t('import.toList')}</Link>} />
      <section className="card form" aria-label={title}>
        <p className="muted small">{t(target === 'companies' ? 'import.companiesHint' : 'import.contactsHint')}</p>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input key={fileKey} id="import-file" type="file" disabled={uploading || (started && progress?.state === 'running')}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void load(e.target.files?.[0])} />
        </div>
        {uploading ? <p role="status">{t('import.uploading')}</p> : null}
        {analysis ? <p className="muted small">{t('import.fileRead', { rows: analysis.rows, columns: analysis.columns.length, format: analysis.format === 'xlsx' ? 'Excel' : `CSV, ${analysis.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}, „${analysis.delimiter === '\t' ? 'Tab' : analysis.delimiter}“` })}</p> : null}
        {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
        {notice ? <p role="status">{notice}</p> : null}
      </section>

      {analysis && !started ? (
        <section className="card form" aria-label={t('import.mapping')}>
          <h2>{t('import.mapping')}</h2>
          <p className="muted small">{t('import.mappingHint')}</p>
          {analysis.appliedMapping ? <p className="small">{t('import.appliedMapping', { name: analysis.appliedMapping })}</p> : null}
          <div className="form-grid">
            {IMPORT_FIELDS[target].map((field) => (
              <div key={field} className="field">
                <label htmlFor={`map-${field}`}>{t(importFieldLabel(target, field))}</label>
                <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(e) => { setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) }); setStale(true) }}>
                  <option value="">{t('import.notImported')}</option>
                  {analysis.columns.map((header, index) => <option key={index} value={index}>{header || `#${index + 1}`}</option>)}
                </select>
              </div>
            ))}
          </div>
          <div className="form-grid form-grid--two import-page__options">
            <div className="field">
              <label htmlFor="import-match">{t('import.matchBy')}</label>
              <select id="import-match" value={matchBy} onChange={(e) => { setMatchBy(e.target.value as ImportMatchKey); setStale(true) }}>
                {IMPORT_MATCH_KEYS[target].map((key) => <option key={key} value={key}>{t(`import.match.${key}`)}</option>)}
              </select>
            </div>
            {analysis.savedMappings.length > 0 ? (
              <div className="field">
                <label htmlFor="import-saved">{t('import.savedMappings')}</label>
                <select id="import-saved" defaultValue={analysis.appliedMapping ?? ''} onChange={(e) => chooseSaved(e.target.value)}>
                  <option value="">{t('import.noSavedMapping')}</option>
                  {analysis.savedMappings.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="import-save-name">{t('import.saveMappingName')}</label>
              <div className="inline-row">
                <input id="import-save-name" value={saveName} maxLength={60} onChange={(e) => setSaveName(e.target.value)} />
                <button type="button" className="button" disabled={action.busy || saveName.trim() === ''} onClick={() => void save()}>{t('import.saveMapping')}</button>
              </div>
            </div>
          </div>
          {missing.length > 0 ? <p className="form-error" role="alert">{t('import.missing', { fields: missing.map((f) => t(importFieldLabel(target, f))).join(', ') })}</p> : null}
          <div className="form-actions">
            <button type="button" className="button" disabled={action.busy} onClick={() => void check()}>{t('import.check')}</button>
          </div>
          {!stale ? <ImportPlanView target={target} plan={analysis.plan} /> : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={action.busy || stale || missing.length > 0 || analysis.plan.created + analysis.plan.updated === 0} onClick={() => void run()}>
              {t('import.run')}
            </button>
          </div>
        </section>
      ) : null}

      {progress ? <ImportProgressView target={target} progress={progress} busy={action.busy} onCancel={() => void cancel()} onAgain={restart} listPath={listPath} /> : null}
    </section>
  )
}
