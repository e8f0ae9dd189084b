// Team & Benutzer (issue 18): users, teams and devices as the sync server keeps them, for managers and admins.
// Admins create, change, disable users and reset passwords; a one-time password is shown here once.
import { useState } from 'react'
import type { AdminOneTimePassword, AdminUser, TeamAdminView } from '../../../../shared/modules/sync/admin-protocol'
import { ROLES, type Role } from '../../../../shared/platform/rights'
import { LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { DevicesSection, NewUserForm, OneTimePassword, TeamsSection } from './team-admin-sections'

export function TeamAdminPage() {
  const { t } = useI18n()
  const view = useData('teamAdmin.get', {})
  const [oneTime, setOneTime] = useState<{ login: string; secret: AdminOneTimePassword } | null>(null)

  return (
    <section className="page">
      <PageHeader title={t('teamAdmin.title')} actions={<button type="button" className="button" onClick={view.reload}>{t('teamAdmin.reload')}</button>} />
      <p className="muted">{t('teamAdmin.intro')}</p>
      {view.error ? <LoadError message={view.error} /> : null}
      {view.data && !view.data.connected ? <p className="form-error" role="alert">{t('teamAdmin.notConnected')}</p> : null}
      {oneTime ? <OneTimePassword login={oneTime.login} password={oneTime.secret.password} onDone={() => setOneTime(null)} /> : null}
      {view.data?.connected ? (
        <>
          <UsersSection view={view.data} onOneTime={(login, secret) => setOneTime({ login, secret })} reload={view.reload} />
          {view.data.canManageUsers ? <NewUserForm teams={view.data.teams} onCreated={(login, secret) => { setOneTime({ login, secret }); view.reload() }} /> : null}
          <TeamsSection teams={view.data.teams} reload={view.reload} />
          <DevicesSection devices={view.data.devices} />
        </>
      ) : null}
    </section>
  )
}

function UsersSection({ view, onOneTime, reload }: { view: TeamAdminView; onOneTime(login: string, secret: AdminOneTimePassword): void; reload(): void }) {
  const { t, tFromData, date } = useI18n()
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const teamName = (id: string) => view.teams.find((team) => team.id === id)?.name ?? t('teamAdmin.noTeam')

  const change = async (user: AdminUser, patch: { role?: string; teamId?: string }) => {
    setError(null)
    setNotice(null)
    const result = await run('teamAdmin.updateUser', { id: user.id, ...patch } as { id: string; role?: Role; teamId?: string })
    if (result.ok) setNotice(t('teamAdmin.saved'))
    else setError(result.error.message)
    reload()
  }
  const disable = async (user: AdminUser) => {
    if (!window.confirm(t('teamAdmin.confirmDisable', { name: user.displayName }))) return
    setError(null)
    const result = await run('teamAdmin.disableUser', { id: user.id })
    if (!result.ok) setError(result.error.message)
    reload()
  }
  const reset = async (user: AdminUser) => {
    if (!window.confirm(t('teamAdmin.confirmReset', { name: user.displayName }))) return
    setError(null)
    const result = await run('teamAdmin.resetPassword', { id: user.id })
    if (result.ok) onOneTime(user.login, result.data)
    else setError(result.error.message)
    reload()
  }

  const manage = view.canManageUsers
  return (
    <div className="card">
      <h2>{t('teamAdmin.users')}</h2>
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {notice ? <p className="muted" role="status">{notice}</p> : null}
      <table className="data-table" aria-label={t('teamAdmin.users')}>
        <thead>
          <tr><th>{t('teamAdmin.login')}</th><th>{t('teamAdmin.name')}</th><th>{t('teamAdmin.role')}</th><th>{t('teamAdmin.team')}</th><th>{t('teamAdmin.state')}</th>{manage ? <th>{t('teamAdmin.actions')}</th> : null}</tr>
        </thead>
        <tbody>
          {view.users.map((user) => {
            const active = !user.disabledAt
            return (
              <tr key={user.id}>
                <td className="mono">{user.login}</td>
                <td>{user.displayName}</td>
                <td>
                  {manage && active ? (
                    <select aria-label={`${t('teamAdmin.role')}: ${user.login}`} value={user.role} disabled={busy} onChange={(e) => void change(user, { role: e.target.value })}>
                      {ROLES.map((role) => <option key={role} value={role}>{tFromData(`enum.role.${role}`)}</option>)}
                    </select>
                  ) : tFromData(`enum.role.${user.role}`)}
                </td>
                <td>
                  {manage && active ? (
                    <select aria-label={`${t('teamAdmin.team')}: ${user.login}`} value={user.teamId} disabled={busy} onChange={(e) => void change(user, { teamId: e.target.value })}>
                      <option value="">{t('teamAdmin.noTeam')}</option>
                      {view.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
                    </select>
                  ) : teamName(user.teamId)}
                </td>
                <td>{active ? (user.mustChangePassword ? t('teamAdmin.mustChange') : t('teamAdmin.active')) : t('teamAdmin.disabled', { date: date(user.disabledAt!) })}</td>
                {manage ? (
                  <td className="table__actions">
                    {active ? (
                      <>
                        <button type="button" className="button button--small" disabled={busy} onClick={() => void reset(user)} aria-label={`${t('teamAdmin.resetPassword')}: ${user.login}`}>{t('teamAdmin.resetPassword')}</button>{' '}
                        <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void disable(user)} aria-label={`${t('teamAdmin.disable')}: ${user.login}`}>{t('teamAdmin.disable')}</button>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
