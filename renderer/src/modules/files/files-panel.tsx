// The "Anhänge" panel of a company, contact, offer, contract or case: a file dialog button and a drop zone,
// the list of files with name, type, size and date, a preview (pictures, a PDF's first page), download and
// remove, the record's "offline verfügbar" switch, and the letters this laptop generated for the record.
// Empty files and files over the limit are refused here at once; the type is checked by content in main.
import { useState, type DragEvent } from 'react'
import { ATTACHMENT_RECORD_KINDS, mimeLabel, type AttachmentItem, type AttachmentRecordKind } from '../../../../shared/modules/files'
import type { RecordRef } from '../../components/record-panels'
import { LoadError } from '../../components/page'
import { base64Of } from '../../lib/download'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { FilePreview } from './file-preview'

const isFileKind = (kind: string): kind is AttachmentRecordKind => (ATTACHMENT_RECORD_KINDS as readonly string[]).includes(kind)

export function FilesPanel({ record }: { record: Pick<RecordRef, 'id'> & { kind: string } }) {
  if (!isFileKind(record.kind)) return null
  return <RecordFilesPanel kind={record.kind} id={record.id} />
}

function useSize() {
  const { number } = useI18n()
  return (bytes: number) => (bytes < 1024 ? `${number(bytes)} B` : bytes < 1024 * 1024 ? `${number(Math.round(bytes / 102.4) / 10)} KB` : `${number(Math.round(bytes / 104857.6) / 10)} MB`)
}

function RecordFilesPanel({ kind, id }: { kind: AttachmentRecordKind; id: string }) {
  const { t, tFromData, dateTime } = useI18n()
  const size = useSize()
  const list = useData('files.list', { kind, id })
  const { run, busy } = useAction()
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [shown, setShown] = useState<AttachmentItem | null>(null)
  const [dragging, setDragging] = useState(false)
  /** The switch shows the rep's choice at once; the list confirms it after the save. */
  const [offlineChoice, setOfflineChoice] = useState<boolean | null>(null)
  const data = list.data

  async function attach(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      if (file.size === 0) return setMessage({ error: true, text: `${file.name}: ${t('files.error.empty')}` })
      if (data && file.size > data.maxBytes) return setMessage({ error: true, text: `${file.name}: ${t('files.error.tooLarge')}` })
      setMessage({ error: false, text: t('files.uploading') })
      const result = await run('files.attach', { kind, id, name: file.name, dataBase64: base64Of(new Uint8Array(await file.arrayBuffer())) })
      if (!result.ok) return setMessage({ error: true, text: `${file.name}: ${tFromData(result.error.fields?.file ?? result.error.message)}` })
      setMessage({ error: false, text: t('files.attached', { name: result.data.name }) })
    }
    list.reload()
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    if (event.dataTransfer.files.length > 0) void attach(event.dataTransfer.files)
  }

  async function remove(file: AttachmentItem) {
    const result = await run('files.remove', { id: file.id })
    if (!result.ok) setMessage({ error: true, text: tFromData(result.error.message) })
    if (shown?.id === file.id) setShown(null)
    list.reload()
  }

  async function toggleOffline(offline: boolean) {
    setOfflineChoice(offline)
    const result = await run('files.setOffline', { kind, id, offline })
    if (!result.ok) {
      setOfflineChoice(null)
      setMessage({ error: true, text: tFromData(result.error.message) })
    }
    list.reload()
  }

  return (
    <section className="card stack stack-gap" aria-labelledby={`files-${id}`}>
      <div className="card__header">
        <h2 id={`files-${id}`}>{t('files.title')}</h2>
        <label className="checkbox" title={t('files.offlineHint')}>
          <input type="checkbox" checked={offlineChoice ?? data?.offline ?? false} disabled={!data} onChange={(e) => void toggleOffline(e.target.checked)} /> {t('files.offline')}
        </label>
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true) }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('files.drop', { max: size(data?.maxBytes ?? 25 * 1024 * 1024) })}</p>
        <label className="button">
          {t('files.choose')}
          <input type="file" className="visually-hidden" aria-label={t('files.input')} multiple disabled={busy}
            onChange={(e) => { if (e.target.files) void attach(e.target.files); e.target.value = '' }} />
        </label>
      </div>
      {message ? <p className={message.error ? 'form-error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
      {data && data.files.length === 0 ? <p className="muted">{t('files.empty')}</p> : null}
      {data && data.files.length > 0 ? (
        <table className="data-table" aria-label={t('files.title')}>
          <thead>
            <tr><th>{t('files.col.name')}</th><th>{t('files.col.type')}</th><th className="num">{t('files.col.size')}</th><th>{t('files.col.date')}</th><th>{t('files.col.actions')}</th></tr>
          </thead>
          <tbody>
            {data.files.map((file) => (
              <tr key={file.id}>
                <td>
                  {file.name}
                  {kind === 'company' && file.recordKind !== 'company' ? <span className="muted"> ({t(`files.kind.${file.recordKind}`)})</span> : null}
                  {file.pending ? <div className="muted">{t('files.pending')}</div> : null}
                  {!file.present ? <div className="muted">{t('files.remote')}</div> : null}
                </td>
                <td>{mimeLabel(file.mime)}</td>
                <td className="num">{size(file.size)}</td>
                <td>{dateTime(file.createdAt)}</td>
                <td>
                  <div className="button-row">
                  <button type="button" className="button" aria-label={`${t('files.open')}: ${file.name}`} onClick={() => setShown(file)}>{t('files.open')}</button>
                  <button type="button" className="button" aria-label={`${t('files.remove')}: ${file.name}`} disabled={busy} onClick={() => void remove(file)}>{t('files.remove')}</button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown ? <FilePreview key={shown.id} file={shown} onClose={() => setShown(null)} onLoaded={list.reload} /> : null}
      {data && data.letters.length > 0 ? (
        <div className="stack">
          <h3>{t('files.letters')} <span className="muted">({t('files.letterHint')})</span></h3>
          <ul>
            {data.letters.map((letter) => <li key={letter.name}>{letter.name} · {size(letter.size)} · {dateTime(letter.createdAt)}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
