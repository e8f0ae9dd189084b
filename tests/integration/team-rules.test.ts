// The team's rules on one laptop (issue 18): the cadence, lost reasons and service levels a device had in its profile
// survive the move into the team settings (team '' on a device without a sync server), once; the device's own data
// (delivery terms) stays; a case's due time follows the team's service levels; its single user edits them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { adoptDeviceTeamRules, getProfile, getTeamRules, updateTeamRules } from '../../electron/main/modules/settings'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { DEFAULT_OFFER_RULES } from '../../shared/modules/offers'
import { DEFAULT_SERVICE_SETTINGS } from '../../shared/modules/service'
import { caseFieldsSchema } from '../../shared/modules/service/service.schema'
import { acknowledgeDue, resolveDue } from '../../shared/modules/service/sla.rules'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

const OLD_LEVELS = { ...DEFAULT_SERVICE_SETTINGS.serviceLevels, normal: { acknowledgeHours: 16, resolveBusinessDays: 8 } }

/** The device profile as a device saved it before issue 18: the cadence, lost reasons and service levels in it. */
async function oldDeviceProfile(): Promise<void> {
  const stored = JSON.parse((await t.ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'companyProfile').executeTakeFirstOrThrow()).value) as Record<string, unknown>
  const value = JSON.stringify({ ...stored, defaultDeliveryTerms: 'ab Werk', followUpFirstDays: 2, followUpSecondDays: 6, followUpDaysBeforeExpiry: 4, lostReasons: ['price', 'timing'], serviceLevels: OLD_LEVELS })
  await t.ctx.db.updateTable('app_settings').set({ value }).where('key', '=', 'companyProfile').execute()
}

describe('the team\'s rules on a device without a sync server', () => {
  it('take the device\'s old values once; the delivery terms stay on the device', async () => {
    await oldDeviceProfile()
    expect((await getTeamRules(t.ctx, {})).custom).toBe(false)
    expect((await adoptDeviceTeamRules(t.ctx)).sort()).toEqual(['offerRules', 'serviceLevels'])
    expect(await getTeamRules(t.ctx, {})).toEqual({
      teamId: '', canEdit: true, custom: true,
      rules: { followUpFirstDays: 2, followUpSecondDays: 6, followUpDaysBeforeExpiry: 4, lostReasons: ['price', 'timing'], serviceLevels: OLD_LEVELS },
    })
    expect((await getProfile(t.ctx)).defaultDeliveryTerms).toBe('ab Werk')
    // Once: a change made since is never overwritten by the device's old values.
    await updateTeamRules(t.ctx, { ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS, followUpFirstDays: 1 })
    expect(await adoptDeviceTeamRules(t.ctx)).toEqual([])
    expect((await getTeamRules(t.ctx, {})).rules.followUpFirstDays).toBe(1)
  })

  it('an old profile with bad values takes nothing and reads the defaults', async () => {
    await oldDeviceProfile()
    const stored = JSON.parse((await t.ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'companyProfile').executeTakeFirstOrThrow()).value) as Record<string, unknown>
    await t.ctx.db.updateTable('app_settings').set({ value: JSON.stringify({ ...stored, followUpSecondDays: 1, serviceLevels: { urgent: 'soon' } }) }).where('key', '=', 'companyProfile').execute()
    expect(await adoptDeviceTeamRules(t.ctx)).toEqual([])
    expect(await getTeamRules(t.ctx, {})).toMatchObject({ custom: false, rules: { ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS } })
  })

  it('a case\'s due time follows the service levels of the company\'s team', async () => {
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'NI' })))
    await updateTeamRules(t.ctx, { ...DEFAULT_OFFER_RULES, serviceLevels: OLD_LEVELS })
    const receivedAt = '2026-11-20T08:30:00.000Z'
    const serviceCase = await createCase(t.ctx, caseFieldsSchema.parse({ type: 'complaint', companyId: company.id, channel: 'phone', receivedAt, subject: 'Defekt', description: '', priority: 'normal' }))
    const row = await t.ctx.db.selectFrom('cases').select(['acknowledge_due', 'resolve_due']).where('id', '=', serviceCase.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ acknowledge_due: acknowledgeDue(receivedAt, 16, 'NI'), resolve_due: resolveDue(receivedAt, 8, 'NI') })
    expect(row.resolve_due).not.toBe(resolveDue(receivedAt, 5, 'NI'))
  })
})
