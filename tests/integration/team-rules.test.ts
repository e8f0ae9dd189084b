// The team's rules on one laptop (issue 18): the cadence, lost reasons and service levels a device had in its profile
// survive the move into the team settings (team '' on a device without a sync server), once; the device's own data
// (delivery terms) stays; a case's due time follows the team's service levels; its single user edits them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { writeState } from '../../electron/main/modules/sync/state'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { adoptDeviceTeamRules, getProfile, getTeamRules, updateTeamRules } from '../../electron/main/modules/settings'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { DEFAULT_DISCOUNT_LIMITS, DEFAULT_OFFER_RULES } from '../../shared/modules/offers'
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
      rules: { followUpFirstDays: 2, followUpSecondDays: 6, followUpDaysBeforeExpiry: 4, lostReasons: ['price', 'timing'], serviceLevels: OLD_LEVELS, discountLimits: DEFAULT_DISCOUNT_LIMITS },
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

describe('the team\'s rules through the app\'s channels', () => {
  const count = async (table: 'team_settings' | 'sync_outbox') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const rules = { ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS, discountLimits: DEFAULT_DISCOUNT_LIMITS }

  it('bad input is refused at its field, nothing written', async () => {
    const outbox = await count('sync_outbox')
    const bad = [
      [{ ...rules, followUpFirstDays: 4, followUpSecondDays: 4 }, 'followUpSecondDays', 'errors.secondAfterFirst'],
      [{ ...rules, lostReasons: [] }, 'lostReasons', 'errors.lostReasonsEmpty'],
      [{ ...rules, followUpDaysBeforeExpiry: 61 }, 'followUpDaysBeforeExpiry', 'errors.tooLarge'],
      [{ ...rules, serviceLevels: { ...rules.serviceLevels, low: { acknowledgeHours: 241, resolveBusinessDays: 10 } } }, 'serviceLevels.low.acknowledgeHours', 'errors.tooLarge'],
      // Discount limits (issue 18): no role but the approvers above the hard cap of 50 %.
      [{ ...rules, discountLimits: { ...DEFAULT_DISCOUNT_LIMITS, field_sales: { itemPercent: 60, offerPercent: 10, marginFloorPercent: 15 } } }, 'discountLimits.field_sales.itemPercent', 'errors.discountLimitOverCap'],
    ] as const
    for (const [input, field, key] of bad) {
      const answer = await dispatch(t.app, 'teamRules.update', input)
      expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(!answer.ok && answer.error.fields?.[field]).toBe(key)
    }
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([0, outbox])
  })

  it('on a connected laptop a rep reads them and may not change them; a manager may', async () => {
    await writeState(t.ctx.db, 'user', { id: t.ctx.userId, login: 'anna', displayName: 'Anna', email: '', role: 'field_sales', teamId: '' })
    expect(await dispatch(t.app, 'teamRules.get', {})).toMatchObject({ ok: true, data: { canEdit: false, custom: false, rules } })
    const outbox = await count('sync_outbox')
    expect(await dispatch(t.app, 'teamRules.update', rules)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'errors.teamRulesNotAllowed' } })
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([0, outbox])
    await t.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', t.ctx.userId).execute()
    expect(await dispatch(t.app, 'teamRules.update', { ...rules, followUpFirstDays: 4 })).toMatchObject({ ok: true, data: { canEdit: true, custom: true } })
    // The offer rules, the service levels and the discount limits.
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([3, outbox + 3])
  })
})
