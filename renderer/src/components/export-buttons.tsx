// "Exportieren" for a list: CSV and Excel buttons; the page hands in how to export (its channel with the
// list's own query), the file comes back from main and is downloaded, and the outcome is said in words.
import { useState } from 'react'
import type { ExportFile, ExportFormat } from '../../../shared/platform/export-file'
import type { Result } from '../../../shared/platform/result'
import { download } from '../lib/download'
import { useI18n } from '../lib/i18n'

export function ExportButtons({ onExport }: { onExport: (format: ExportFormat) => Promise<Result<ExportFile>> }) {
  const { t, tFromData } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null)

  const run = async (format: ExportFormat) => {
    if (busy) return
    setBusy(true)
    setOutcome(null)
    try {
      const result = await onExport(format)
      if (result.ok) {
        download(result.data.fileName, result.data.base64, result.data.mimeType)
        setOutcome({ text: t('export.done', { file: result.data.fileName, rows: result.data.rows }), failed: false })
      } else {
        setOutcome({ text: tFromData(result.error.message), failed: true })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export" role="group" aria-label={t('export.group')}>
      <span className="export__label" aria-hidden="true">{t('export.group')}</span>
      <button type="button" className="button" disabled={busy} aria-label={t('export.csvLabel')} onClick={() => void run('csv')}>{t('export.csv')}</button>
      <button type="button" className="button" disabled={busy} aria-label={t('export.xlsxLabel')} onClick={() => void run('xlsx')}>{t('export.xlsx')}</button>
      {outcome ? <span className={outcome.failed ? 'export__status export__status--error' : 'export__status'} role={outcome.failed ? 'alert' : 'status'}>{outcome.text}</span> : null}
    </div>
  )
}
