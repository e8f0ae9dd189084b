// "Als vCard exportieren" on a contact's page: the contact as a vCard 4 file from main, downloaded, and the
// outcome said in words.
import { useState } from 'react'
import { call } from '../../lib/api'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'

export function VcardExportButton({ id }: { id: string }) {
  const { t, tFromData } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null)

  const exportIt = async () => {
    if (busy) return
    setBusy(true)
    setOutcome(null)
    try {
      const result = await call('contacts.vcard', { id })
      if (result.ok) {
        download(result.data.fileName, result.data.base64, result.data.mimeType)
        setOutcome({ text: t('contact.vcardDone', { file: result.data.fileName, count: result.data.rows }), failed: false })
      } else {
        setOutcome({ text: tFromData(result.error.message), failed: true })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="export">
      <button type="button" className="button" disabled={busy} onClick={() => void exportIt()}>{t('contact.vcardExport')}</button>
      {outcome ? <span className={outcome.failed ? 'export__status export__status--error' : 'export__status'} role={outcome.failed ? 'alert' : 'status'}>{outcome.text}</span> : null}
    </span>
  )
}
