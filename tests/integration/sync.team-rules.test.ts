// The team's rules (issue 18: follow-up cadence, lost-reason catalogue, service levels) through the real sync
// server: a manager's rules reach a rep's laptop and decide the rep's next sent offer, the lost reasons offered and a
// case's due time; a rep's tampered push and a value that fits another key are refused by the server, nothing
// applied; a connected rep's old device values are not taken into the team. On SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createOffer, loseOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { adoptDeviceTeamRules, getTeamRules, updateTeamRules } from '../../electron/main/modules/settings'
import { readState } from '../../electron/main/modules/sync/state'
import { writeTeamSetting } from '../../db/modules/success'
import { createUser } from '../../server/admin/accounts'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { offerFieldsSchema, offerLoseSchema } from '../../shared/modules/offers/offer.schema'
import { followUpSchedule } from '../../shared/modules/offers/follow-up.rules'
import { DEFAULT_OFFER_RULES } from '../../shared/modules/offers'
import { caseFieldsSchema } from '../../shared/modules/service/service.schema'
import { DEFAULT_SERVICE_SETTINGS } from '../../shared/modules/service'
import { acknowledgeDue } from '../../shared/modules/service/sla.rules'
import { markConnected, nordTeam } from '../helpers/nord-team'
import { harnessPerTest, PASSWORD, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { completeLetterProfile } from '../helpers/letter-profile'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const offerInput = (companyId: string) => offerFieldsSchema.parse({
  companyId, offerDate: '2026-11-20', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
  items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
})


const NORA_RULES = {
  ...DEFAULT_OFFER_RULES, followUpFirstDays: 2, followUpSecondDays: 5, followUpDaysBeforeExpiry: 3, lostReasons: ['price' as const, 'competitor' as const],
  serviceLevels: { ...DEFAULT_SERVICE_SETTINGS.serviceLevels, urgent: { acknowledgeHours: 6, resolveBusinessDays: 2 } },
}

describe.each(STORE_KINDS)('the team\'s rules on two laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('a manager\'s cadence, lost reasons and service levels reach a rep and decide her offer and her case', async () => {
    const anna = await server.client('anna')
    await markConnected(anna)
    // Anna's laptop still has the device values of before issue 18: they stay hers, never her team's.
    await completeLetterProfile(anna.ctx)
    await anna.ctx.db.updateTable('app_settings').set((eb) => ({ value: eb.fn('json_set', ['value', eb.val('$.followUpFirstDays'), eb.val(9)]) }))
      .where('key', '=', 'companyProfile').execute()
    await anna.sync()
    expect(await adoptDeviceTeamRules(anna.ctx)).toEqual([])
    expect(await getTeamRules(anna.ctx, {})).toMatchObject({ canEdit: false, custom: false, teamId: server.h.teams.nord })
    await expect(updateTeamRules(anna.ctx, NORA_RULES)).rejects.toMatchObject({ message: 'errors.teamRulesNotAllowed' })

    // Team Nord's own manager (Max has no team: he would write the rules of no team).
    await createUser(server.h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: server.h.teams.nord, password: PASSWORD })
    const nora = await server.client('nora')
    await markConnected(nora)
    await nora.sync()
    expect((await updateTeamRules(nora.ctx, NORA_RULES)).canEdit).toBe(true)
    expect((await nora.sync()).rejected).toBe(0)
    await anna.sync()
    expect(await getTeamRules(anna.ctx, {})).toMatchObject({ canEdit: false, custom: true, rules: NORA_RULES })

    const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer' })))
    const sent = await sendOffer(anna.ctx, (await createOffer(anna.ctx, offerInput(company.id))).id)
    const expected = followUpSchedule('2026-11-20', '2026-12-19', 'NI', { afterBusinessDays: [2, 5], daysBeforeExpiry: 3 })
    expect(expected).not.toEqual(followUpSchedule('2026-11-20', '2026-12-19', 'NI'))
    expect(sent.followUps.map((f) => [f.kind, f.dueDate])).toEqual(expected.map((p) => [p.kind, p.date]))
    expect((await getTeamRules(anna.ctx, { companyId: company.id })).rules.lostReasons).toEqual(['price', 'competitor'])
    await expect(loseOffer(anna.ctx, offerLoseSchema.parse({ id: sent.id, reason: 'relationship', competitor: '', note: '' })))
      .rejects.toMatchObject({ fields: { reason: 'errors.lostReasonNotOffered' } })
    expect((await loseOffer(anna.ctx, offerLoseSchema.parse({ id: sent.id, reason: 'price', competitor: '', note: '' }))).status).toBe('lost')

    const receivedAt = '2026-11-20T08:30:00.000Z'
    const serviceCase = await createCase(anna.ctx, caseFieldsSchema.parse({ type: 'complaint', companyId: company.id, channel: 'phone', receivedAt, subject: 'Prüfstand misst falsch', description: '', priority: 'urgent' }))
    const row = await anna.ctx.db.selectFrom('cases').select('acknowledge_due').where('id', '=', serviceCase.id).executeTakeFirstOrThrow()
    expect(row.acknowledge_due).toBe(acknowledgeDue(receivedAt, 6, 'NI'))
    expect(row.acknowledge_due).not.toBe(acknowledgeDue(receivedAt, 2, 'NI'))
  })

  it.skipIf(skip)('the server refuses a rep\'s tampered rules and a value of another key; nothing reaches the team', async () => {
    const { anna, ben, nora } = await nordTeam(server)
    // Ben's laptop tampered into a manager's role.
    await ben.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', ben.ctx.userId).execute()
    await updateTeamRules(ben.ctx, NORA_RULES)
    expect((await ben.sync()).rejected).toBe(2)
    expect(((await readState(ben.ctx.db, 'rejected')) as Array<{ reason: string }>).map((r) => r.reason)).toEqual(['forbidden', 'forbidden'])
    // A manager's laptop that writes service levels under the offer rules' key: the value fits some key, not its own.
    await nora.ctx.db.transaction().execute((trx) => writeTeamSetting(trx, server.h.teams.nord, 'offerRules', JSON.stringify(DEFAULT_SERVICE_SETTINGS), '2026-11-20T09:00:00.000Z'))
    expect((await nora.sync()).rejected).toBe(1)
    expect(((await readState(nora.ctx.db, 'rejected')) as Array<{ reason: string }>)[0]).toMatchObject({ reason: 'invalid_row: value' })
    await anna.sync()
    expect(await getTeamRules(anna.ctx, {})).toMatchObject({ custom: false, rules: { ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS } })
    expect(await server.h.store.db.selectFrom('sync_rows').select('id').where('table_name', '=', 'team_settings').execute()).toEqual([])
  })
})
