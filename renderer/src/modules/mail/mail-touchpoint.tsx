// One mail read from the rep's mailbox, opened from the E-Mails page (and from a timeline's "Nachricht öffnen",
// which lands there): the whole text, the recipients and the attachments to download. Mail HTML is never
// rendered: the text is what mailparser made of it. (A timeline shows the envelope itself: customers' TouchpointItem.)
import { useEffect, useRef, useState } from 'react'
import type { MailAddress } from '../../../../shared/modules/customers'
import type { MailMessageDetail } from '../../../../shared/modules/mail'
import { LoadError } from '../../components/page'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { call } from '../../lib/api'

/** "Anna Berger <anna.berger@brunsviga.de>", or the address alone. */
export const addressLine = (a: MailAddress): string => (a.name ? `${a.name} <${a.address}>` : a.address)
const addressList = (list: MailAddress[]) => list.map(addressLine).join(', ')

/** One mail read from the mailbox, in a modal dialog: header lines, the text, the attachments. */
export function MailDetailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, tFromData, dateTime } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const detail = useData('mailbox.get', { id })
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  const mail = detail.data
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`mail-${id}-title`} onClose={onClose}>
      {detail.error ? <LoadError message={detail.error} /> : null}
      {!mail ? <p role="status" className="muted">{t('common.loading')}</p> : (
        <>
          <h2 id={`mail-${id}-title`}>{mail.subject || t('mailbox.noSubject')}</h2>
          <dl className="mail-headers">
            <dt>{t('mailbox.detail.from')}</dt><dd>{addressLine(mail.from)}</dd>
            <dt>{t('mailbox.detail.to')}</dt><dd>{addressList(mail.to)}</dd>
            {mail.cc.length > 0 ? <><dt>{t('mailbox.detail.cc')}</dt><dd>{addressList(mail.cc)}</dd></> : null}
            <dt>{t('mailbox.detail.date')}</dt><dd>{dateTime(mail.sentAt)}</dd>
            <dt>{t('mailbox.detail.customer')}</dt><dd>{[mail.companyName, mail.contactName].filter(Boolean).join(' – ') || '–'}</dd>
            <dt>{t('mailbox.detail.folder')}</dt><dd>{mail.mailbox}</dd>
          </dl>
          {mail.error ? <p className="notice notice--warn">{tFromData(mail.error)}</p> : null}
          {mail.errorDetail ? <p className="muted small">{t('mailbox.detail.errorDetail', { detail: mail.errorDetail })}</p> : null}
          {mail.bodyText ? <div className="prewrap mail-body">{mail.bodyText}</div> : <p className="muted">{t('mailbox.detail.noBody')}</p>}
          <MailAttachments mail={mail} />
        </>
      )}
      <div className="form-actions stack-gap">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>{t('mailbox.detail.close')}</button>
      </div>
    </dialog>
  )
}

function MailAttachments({ mail }: { mail: MailMessageDetail }) {
  const { t, tFromData } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (mail.attachments.length === 0) return null
  const fetchOne = async (index: number) => {
    setError(null)
    setBusy(true)
    const file = await call('mailbox.attachment', { id: mail.id, index })
    setBusy(false)
    if (file.ok) download(file.data.fileName, file.data.base64, file.data.mimeType)
    else setError(tFromData(file.error.message))
  }
  return (
    <section className="stack-gap" aria-label={t('mailbox.detail.attachments')}>
      <h3>{t('mailbox.detail.attachments')}</h3>
      <ul className="plain-list">
        {mail.attachments.map((a, index) => (
          <li key={`${index}-${a.name}`}>
            {mail.hasRaw ? (
              <button type="button" className="button button--small" disabled={busy} onClick={() => void fetchOne(index)}>
                {t('mailbox.detail.download', { name: a.name || t('mailbox.attachmentUnnamed') })}
              </button>
            ) : <span>{a.name || t('mailbox.attachmentUnnamed')}</span>}
            <span className="muted small"> ({t('mailbox.size', { kb: Math.max(1, Math.round(a.size / 1024)) })})</span>
          </li>
        ))}
      </ul>
      {!mail.hasRaw ? <p className="muted small">{t('mailbox.error.noRaw')}</p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  )
}
