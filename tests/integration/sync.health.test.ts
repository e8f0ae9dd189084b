// The health score across laptops: computed on each laptop from synced facts, so two laptops synced through the
// real server show the same score and reasons; a manager's team settings reach a colleague's laptop and recompute
// every score there as the pulled page is applied; the server refuses team settings from anyone but a manager.
// Laptops and the sync server in-process, on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { getHealth, updateHealthSettings } from '../../electron/main/modules/success'
import { recomputeAllHealth, writeTeamSetting } from '../../db/modules/success'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { caseFieldsSchema } from '../../shared/modules/service/service.schema'
import { DEFAULT_HEALTH_SETTINGS } from '../../shared/modules/success'
import { harnessPerTest, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const scoreOf = async (laptop: { ctx: Parameters<typeof getHealth>[0] }, companyId: string) => {
  const h = await getHealth(laptop.ctx, { companyId })
  return { score: h.score, light: h.light, reasons: h.reasons }
}

describe.each(STORE_KINDS)('the health score on two laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('is the same on both after sync; the team settings travel and recompute; only a manager may push them', async () => {
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    const max = await server.client('max')
    for (const laptop of [ben, anna, max]) await laptop.sync()
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer' })))
    await createTouchpoint(ben.ctx, touchpointFieldsSchema.parse({ companyId: company.id, occurredAt: '2026-11-20T08:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Jahresgespräch' }))
    await createCase(ben.ctx, caseFieldsSchema.parse({ type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: '2026-11-20T08:30:00.000Z', subject: 'Prüfstand misst falsch', description: '', priority: 'high' }))
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()
    const onBen = await scoreOf(ben, company.id)
    expect(onBen.score).toBeLessThan(100)
    expect(await scoreOf(anna, company.id)).toEqual(onBen)

    // The manager weighs complaints only, for team Nord; Anna's laptop recomputes as it applies the pulled page.
    await max.sync()
    const onlyComplaints = { ...DEFAULT_HEALTH_SETTINGS, weights: { cases: 0, complaints: 100, feedback: 0, contact: 0, renewal: 0, orders: 0, followUps: 0, payment: 0, advocacy: 0 } }
    await max.ctx.db.transaction().execute(async (trx) => {
      await writeTeamSetting(trx, server.h.teams.nord, 'health', JSON.stringify(onlyComplaints), '2026-11-20T09:00:00.000Z')
      await recomputeAllHealth(trx, '2026-11-20T09:00:00.000Z')
    })
    expect((await max.sync()).rejected).toBe(0)
    await anna.sync()
    const onAnna = await scoreOf(anna, company.id)
    expect(onAnna.score).toBe(50)
    expect(await scoreOf(max, company.id)).toEqual(onAnna)

    // A rep whose laptop was tampered into a manager's role: the server refuses the row, nothing changes for Anna.
    await ben.sync()
    await ben.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', ben.ctx.userId).execute()
    await updateHealthSettings(ben.ctx, DEFAULT_HEALTH_SETTINGS)
    expect((await ben.sync()).rejected).toBe(1)
    await anna.sync()
    expect((await scoreOf(anna, company.id)).score).toBe(50)
  })
})
