// The preview of one attached file: a picture as a data URL (the CSP allows img data:), a PDF's first page
// through pdf.js, otherwise a hint to download it. The bytes come from main (fetched from the sync server when
// this laptop does not hold them); no path ever reaches the renderer.
import { useEffect, useState } from 'react'
import type { AttachmentItem, FileContent } from '../../../../shared/modules/files'
import { PdfPreview } from '../../components/pdf-preview'
import { fetchData } from '../../lib/api'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'

export function FilePreview({ file, onClose, onLoaded }: { file: AttachmentItem; onClose: () => void; onLoaded?: () => void }) {
  const { t, tFromData } = useI18n()
  const [content, setContent] = useState<FileContent | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    fetchData('files.get', { id: file.id }).then((c) => {
      if (!live) return
      setContent(c)
      if (!file.present) onLoaded?.() // fetched from the server just now: the list says so
    }, (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file.id])
  return (
    <figure className="stack stack-gap file-preview" aria-label={t('files.previewOf', { name: file.name })}>
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {!content && !error ? <p role="status">{t('files.pdf.loading')}</p> : null}
      {content?.preview === 'image' ? <img className="file-preview__image" src={`data:${content.mime};base64,${content.base64}`} alt={t('files.previewOf', { name: file.name })} /> : null}
      {content?.preview === 'pdf' ? (
        <PdfPreview base64={content.base64} texts={{ label: t('files.pdf.label'), pages: (count) => t('files.pdf.pages', { count }), loading: t('files.pdf.loading'), failed: t('files.pdf.failed') }} />
      ) : null}
      {content?.preview === 'none' ? <p className="muted">{t('files.noPreview')}</p> : null}
      <div className="button-row">
        {content ? <button type="button" className="button" onClick={() => download(content.name, content.base64, content.mime)}>{t('files.download')}</button> : null}
        <button type="button" className="button" onClick={onClose}>{t('files.close')}</button>
      </div>
    </figure>
  )
}
