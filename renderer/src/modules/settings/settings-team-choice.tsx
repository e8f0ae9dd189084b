// A manager or admin without a team sees every team: the team rules, the health score settings and the early-warning
// rules are per team, so they choose here which team's they edit (a device setting, `settingsTeam.choose`). The
// names come from the sync server's team list when it answers; offline a team shows by the start of its id.
import { useState } from 'react'
import { useAction } from '../../lib/use-action'
import { useData, useLiveData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

export function SettingsTeamChoice({ onChosen }: { onChosen(teamId: string): void }) {
  const { t, tFromData } = useI18n()
  // Connecting and syncing change who the user is and which teams the device knows.
  const view = useLiveData('settingsTeam.get', {})
  const choosing = view.data?.choosesTeam ?? false
  const admin = useData('teamAdmin.get', choosing ? {} : null)
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  if (!view.data?.choosesTeam) return null
  const names = new Map((admin.data?.teams ?? []).map((team) => [team.id, team.name]))
  const ids = [...new Set([...view.data.teamIds, ...names.keys()])]
  const label = (id: string) => names.get(id) ?? t('settingsTeam.unnamed', { id: id.slice(0, 8) })
  const choose = async (teamId: string) => {
    setError(null)
    const result = await run('settingsTeam.choose', { teamId })
    if (result.ok) {
      view.reload()
      onChosen(result.data.teamId)
    } else setError(result.error.fields?.teamId ?? result.error.message)
  }
  return (
    <div className="card card--wide">
      <div className="field">
        <label htmlFor="settings-team">{t('settingsTeam.label')}</label>
        <select id="settings-team" value={view.data.teamId} disabled={busy} onChange={(e) => void choose(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'settings-team-error' : 'settings-team-intro'}>
          {view.data.teamId ? null : <option value="">{t('settingsTeam.none')}</option>}
          {ids.sort((a, b) => label(a).localeCompare(label(b), 'de')).map((id) => <option key={id} value={id}>{label(id)}</option>)}
        </select>
        {error ? <p id="settings-team-error" className="field-error" role="alert">{tFromData(error)}</p> : <p id="settings-team-intro" className="muted small">{t('settingsTeam.intro')}</p>}
      </div>
    </div>
  )
}
