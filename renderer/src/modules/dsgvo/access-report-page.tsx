// "Auskunft nach Art. 15 DSGVO" for one contact: one click downloads everything stored about the person as a
// JSON file and as a letter to them (DOCX); the screen says what the files contain.
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { AccessReportAnswer } from '../../../../shared/modules/dsgvo'
import { PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'

const COUNTS = ['touchpoints', 'conversations', 'offers', 'contracts', 'cases', 'referrals', 'feedback', 'consents', 'promises', 'tasks', 'appointments'] as const

export function AccessReportPage() {
  const { t, tFromData } = useI18n()
  const { id = '' } = useParams()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<AccessReportAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)

  const create = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const answer = await call('access.report', { contactId: id })
      if (!answer.ok) return setError(answer.error.message)
      download(answer.data.json.fileName, answer.data.json.base64, answer.data.json.mimeType)
      download(answer.data.letter.fileName, answer.data.letter.base64, answer.data.letter.mimeType)
      setDone(answer.data)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <PageHeader title={t('access.title')} actions={<Link className="button" to={`/contacts/${id}/edit`}>{t('common.back')}</Link>} />
      <section className="card" aria-label={t('access.title')}>
        <p>{t('access.hint')}</p>
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void create()}>{t('access.create')}</button>
        </div>
        {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
        {done ? (
          <p className="notice" role="status">
            {t('access.done', {
              files: `${done.json.fileName}, ${done.letter.fileName}`,
              summary: COUNTS.map((k) => t(`access.count.${k}`, { count: done.counts[k] })).join(', '),
            })}
          </p>
        ) : null}
      </section>
    </section>
  )
}
