// A manager without a team (Max, who sees every team) chooses on his laptop whose settings he edits: the health
// weights he saves for team Süd reach Carla (Süd) and recompute her scores, and leave team Nord alone. A rep cannot
// choose, a team the laptop does not know is refused at the field, and either refusal writes nothing. Laptops and
// the sync server in-process, on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest'
import { chooseSettingsTeam, getSettingsTeam } from '../../electron/main/modules/settings/team-rules.service'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { getHealth, getHealthSettings, saveTriggerRule, updateHealthSettings } from '../../electron/main/modules/success'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { caseFieldsSchema } from '../../shared/modules/service/service.schema'
import { DEFAULT_HEALTH_SETTINGS } from '../../shared/modules/success'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'
import { writeState } from '../../electron/main/modules/sync/state'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const teamSettingRows = (laptop: TestClient) => laptop.ctx.db.selectFrom('team_settings').select(['team_id', 'key']).where('deleted_at', 'is', null).orderBy('team_id').execute()
const onlyComplaints = { ...DEFAULT_HEALTH_SETTINGS, weights: { cases: 0, complaints: 100, feedback: 0, contact: 0, renewal: 0, orders: 0, followUps: 0, payment: 0, advocacy: 0 } }

describe.each(STORE_KINDS)('the team a manager without a team edits, on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('is chosen on the device; the settings go to that team only; a rep cannot choose, an unknown team is refused', async () => {
    const ben = await server.client('ben')
    const carla = await server.client('carla')
    const max = await server.client('max')
    for (const laptop of [ben, carla]) await laptop.sync()
    const nordCustomer = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer' })))
    const suedCustomer = await createCompany(carla.ctx, companyFieldsSchema.parse(validCompany({ name: 'Alpenmess AG', customerNumber: 'K-8', status: 'customer' })))
    for (const [laptop, company] of [[ben, nordCustomer], [carla, suedCustomer]] as const) {
      await createCase(laptop.ctx, caseFieldsSchema.parse({ type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: '2026-11-20T08:30:00.000Z', subject: 'Prüfstand misst falsch', description: '', priority: 'high' }))
      expect((await laptop.sync()).rejected).toBe(0)
    }
    await max.sync()
    // Signed in as the connect form does it (the in-process harness skips the login's record of the user).
    for (const [laptop, login, role] of [[max, 'max', 'manager'], [ben, 'ben', 'inside_sales']] as const) {
      await writeState(laptop.ctx.db, 'user', { id: laptop.ctx.userId, login, displayName: laptop.ctx.userName, email: '', role, teamId: '' })
    }

    // Max belongs to no team: before he chooses, he edits team '' (the settings of nobody) and is asked to choose.
    expect(await getSettingsTeam(max.ctx)).toEqual({ choosesTeam: true, teamId: '', teamIds: [server.h.teams.nord, server.h.teams.sued].sort() })
    expect(await getHealthSettings(max.ctx)).toMatchObject({ teamId: '', canEdit: false })
    await expect(updateHealthSettings(max.ctx, onlyComplaints)).rejects.toMatchObject({ code: 'forbidden' })
    // A team his laptop does not know: refused at the field, nothing chosen.
    await expect(chooseSettingsTeam(max.ctx, 'c0ffee00-0000-7000-8000-000000000000')).rejects.toMatchObject({ fields: { teamId: 'errors.teamUnknown' } })
    expect((await getSettingsTeam(max.ctx)).teamId).toBe('')

    expect(await chooseSettingsTeam(max.ctx, server.h.teams.sued)).toMatchObject({ teamId: server.h.teams.sued })
    expect(await getHealthSettings(max.ctx)).toMatchObject({ teamId: server.h.teams.sued, canEdit: true })
    expect(await updateHealthSettings(max.ctx, onlyComplaints)).toMatchObject({ teamId: server.h.teams.sued })
    await saveTriggerRule(max.ctx, { signal: 'complaints', enabled: true, threshold: 3, action: 'task_owner', targetUserId: '' })
    expect((await max.sync()).rejected).toBe(0)

    // Carla (Süd) receives both and her customer's score is recomputed with complaints alone; Ben (Nord) keeps the defaults.
    await carla.sync()
    await ben.sync()
    expect(await teamSettingRows(carla)).toEqual([{ team_id: server.h.teams.sued, key: 'health' }])
    expect(await teamSettingRows(ben)).toEqual([])
    expect((await getHealth(carla.ctx, { companyId: suedCustomer.id })).score).toBe(50)
    expect((await getHealth(ben.ctx, { companyId: nordCustomer.id })).score).toBeGreaterThan(50)
    const rules = await carla.ctx.db.selectFrom('trigger_rules').select(['team_id', 'signal', 'threshold']).execute()
    expect(rules).toEqual([{ team_id: server.h.teams.sued, signal: 'complaints', threshold: 3 }])

    // Ben (inside sales, team Nord) cannot choose: refused, nothing stored.
    expect(await getSettingsTeam(ben.ctx)).toMatchObject({ choosesTeam: false, teamIds: [] })
    await expect(chooseSettingsTeam(ben.ctx, server.h.teams.sued)).rejects.toMatchObject({ code: 'forbidden' })
    expect(await ben.ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'settingsTeamId').executeTakeFirst()).toBeUndefined()
  })
})
