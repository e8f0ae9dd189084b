// "Team wechseln" on the customer page (issue 18): a manager or admin moves the company, with everything hanging
// off it, to another team. The teams come from the sync server (administration needs it); the move itself is an
// ordinary synced change of the company's team, sent with the next sync.
import { useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useRights } from '../../lib/use-rights'

type Team = ChannelOutput<'teamAdmin.get'>['teams'][number]

export function CompanyTeamMove({ companyId }: { companyId: string }) {
  const { t, tFromData } = useI18n()
  const rights = useRights()
  const { run, busy } = useAction()
  const [open, setOpen] = useState(false)
  const [teams, setTeams] = useState<Team[] | null>(null)
  const [current, setCurrent] = useState('')
  const [target, setTarget] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  if (!rights.may('companies.move')) return null

  const start = async () => {
    setOpen(true)
    setError(null)
    setNotice(null)
    const [view, team] = await Promise.all([call('teamAdmin.get', {}), call('companies.teamOf', { id: companyId })])
    if (team.ok) setCurrent(team.data.teamId)
    if (!view.ok) setError(view.error.message)
    else if (!view.data.connected) setError('errors.adminNotConnected')
    else setTeams(view.data.teams)
  }
  const move = async () => {
    setError(null)
    const result = await run('companies.moveTeam', { id: companyId, teamId: target })
    if (!result.ok) return setError(result.error.fields?.teamId ?? result.error.message)
    setCurrent(target)
    setNotice(t('companyTeam.moved', { team: teams?.find((x) => x.id === target)?.name ?? '' }))
    setTarget('')
  }
  const nameOf = (id: string) => teams?.find((x) => x.id === id)?.name ?? (id ? t('companyTeam.unknown') : t('teamAdmin.noTeam'))

  if (!open) return <button type="button" className="button" onClick={() => void start()}>{t('companyTeam.move')}</button>
  return (
    <div className="company-team-move" role="group" aria-label={t('companyTeam.title')}>
      <h3>{t('companyTeam.title')}</h3>
      <p className="muted">{t('companyTeam.hint')}</p>
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {notice ? <p role="status">{notice}</p> : null}
      {teams ? (
        <>
          <p>{t('companyTeam.current', { team: nameOf(current) })}</p>
          <div className="field field--inline">
            <label htmlFor="company-team-target">{t('companyTeam.target')}</label>
            <select id="company-team-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('companyTeam.choose')}</option>
              {teams.filter((x) => x.id !== current).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </div>
        </>
      ) : null}
      <div className="form-actions">
        {teams ? <button type="button" className="button button--primary" disabled={!target || busy} onClick={() => void move()}>{t('companyTeam.submit')}</button> : null}
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </div>
  )
}
