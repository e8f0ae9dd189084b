// "Exportieren" for a list: CSV and Excel buttons (and any further file a list offers, such as vCards); the
// page hands in how to export (its channel with the list's own query), the file comes back from main and is
// downloaded, and the outcome is said in words.
import { useState } from 'react'
import type { ExportFile, ExportFormat } from '../../../shared/platform/export-file'
import type { Result } from '../../../shared/platform/result'
import { download } from '../lib/download'
import { useI18n } from '../lib/i18n'

/** A further file the list offers: its button text, accessible name, how to get it and what to say when done. */
export interface ExtraExport {
  label: string
  ariaLabel: string
  onExport: () => Promise<Result<ExportFile>>
  done: (file: ExportFile) => string
}

export function ExportButtons({ onExport, extra = [] }: { onExport: (format: ExportFormat) => Promise<Result<ExportFile>>; extra?: ExtraExport[] }) {
  const { t, tFromData } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null)

  const run = async (exportIt: () => Promise<Result<ExportFile>>, done: (file: ExportFile) => string) => {
    if (busy) return
    setBusy(true)
    setOutcome(null)
    try {
      const result = await exportIt()
      if (result.ok) {
        download(result.data.fileName, result.data.base64, result.data.mimeType)
        setOutcome({ text: done(result.data), failed: false })
      } else {
        setOutcome({ text: tFromData(result.error.message), failed: true })
      }
    } finally {
      setBusy(false)
    }
  }
  const rowsDone = (file: ExportFile) => t('export.done', { file: file.fileName, rows: file.rows })

  return (
    <div className="export" role="group" aria-label={t('export.group')}>
      <span className="export__label" aria-hidden="true">{t('export.group')}</span>
      <button type="button" className="button" disabled={busy} aria-label={t('export.csvLabel')} onClick={() => void run(() => onExport('csv'), rowsDone)}>{t('export.csv')}</button>
      <button type="button" className="button" disabled={busy} aria-label={t('export.xlsxLabel')} onClick={() => void run(() => onExport('xlsx'), rowsDone)}>{t('export.xlsx')}</button>
      {extra.map((e) => (
        <button key={e.label} type="button" className="button" disabled={busy} aria-label={e.ariaLabel} onClick={() => void run(e.onExport, e.done)}>{e.label}</button>
      ))}
      {outcome ? <span className={outcome.failed ? 'export__status export__status--error' : 'export__status'} role={outcome.failed ? 'alert' : 'status'}>{outcome.text}</span> : null}
    </div>
  )
}
