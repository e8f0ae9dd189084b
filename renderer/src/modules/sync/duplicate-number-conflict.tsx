// A customer number the server did not take because another company holds it: what happened, and the
// two ways out — choose another number in the company's form, or leave it as it is ("Erledigt").
import { Link } from 'react-router-dom'
import type { ConflictItem } from '../../../../shared/modules/sync/status'
import { useI18n } from '../../lib/i18n'

export function DuplicateNumberConflict({ conflict, busy, onDone }: { conflict: ConflictItem; busy: boolean; onDone: () => void }) {
  const { t, dateTime } = useI18n()
  const number = String(conflict.clientValue ?? '')
  const kept = conflict.serverValue === null ? '' : String(conflict.serverValue)
  return (
    <div className="conflict__deleted">
      <p>
        {kept ? t('conflicts.duplicateNumberKept', { number, kept }) : t('conflicts.duplicateNumber', { number })}
        {/* The server names the holder only when this team may see it; otherwise the number is just "taken". */}
        {conflict.serverUser ? <> {t('conflicts.duplicateNumberHolder', { holder: conflict.serverUser })}</> : null}
      </p>
      <p className="muted small">
        {conflict.clientUser ? <>{t('conflicts.duplicateNumberTyped', { user: conflict.clientUser, when: conflict.clientAt ? dateTime(conflict.clientAt) : '' })} </> : null}
        {t('conflicts.duplicateNumberHint')}
      </p>
      <div className="form-actions">
        {conflict.record ? <Link className="button button--primary" to={`/companies/${conflict.rowId}/edit`}>{t('conflicts.chooseNumber')}</Link> : null}
        <button type="button" className="button" disabled={busy} onClick={onDone}>{t('conflicts.done')}</button>
      </div>
    </div>
  )
}
