// The lead inbox on the laptop (issue 19): leads posted to the sync server arrive by sync; at or above the
// device's threshold they are listed by score and age, below it only counted as Marketing-Leads; converting makes
// company + contact + first touchpoint (after the duplicate check), rejecting names a reason; both sync.
import { describe, expect, it } from 'vitest'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { convertLead, leadInbox, rejectLead, updateLeadRules } from '../../electron/main/modules/leads'
import { createUser } from '../../server/admin/accounts'
import { PASSWORD } from '../helpers/sync-harness'
import { eraseContact } from '../../electron/main/modules/dsgvo'
import { createIntegrationKey } from '../../server/integrations/keys'
import { harnessPerTest } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'
import { validLead } from '../helpers/leads'
import { LEAD_INBOX_PAGE } from '../../shared/modules/leads'

const annaId = async (laptop: { ctx: { db: import('kysely').Kysely<import('../../db/database.types').Database> } }) =>
  (await laptop.ctx.db.selectFrom('users').select('id').where('display_name', '=', 'Anna Becker').executeTakeFirstOrThrow()).id

describe('the lead inbox', () => {
  const server = harnessPerTest('sqlite', false)

  async function posted() {
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    const post = (body: unknown) => server.h.fetch('http://sync.test/integrations/v1/leads', { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } })
    expect((await post(validLead({ id: 'a', score: 72, company: { name: 'Hansen Logistik GmbH' } }))).status).toBe(200)
    server.h.clock.now = new Date(server.h.clock.now.getTime() + 60_000)
    expect((await post(validLead({ id: 'b', score: 50, company: { name: 'Ott Spedition KG' }, person: { lastName: 'Ott', phone: '+49 40 1234' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'c', score: 72, company: { name: 'Carstens Bau GmbH' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'd', score: 49, company: { name: 'Dreyer GmbH' } }))).status).toBe(200)
    const ben = await server.client('ben')
    await ben.sync()
    return ben
  }

  it('lists leads at or above the threshold by score and age, and counts the Marketing-Leads', async () => {
    const ben = await posted()
    const inbox = await leadInbox(ben.ctx)
    expect(inbox.threshold).toBe(50)
    expect(inbox.leads.map((l) => [l.companyName, l.score])).toEqual([['Hansen Logistik GmbH', 72], ['Carstens Bau GmbH', 72], ['Ott Spedition KG', 50]])
    expect(inbox.leads[0]!.events).toHaveLength(2)
    expect(inbox.marketingCount).toBe(1)
    expect(inbox.handedCount).toBe(3)
    // The threshold is the team's (team setting `leadRules`): Nord's manager changes it, Ben's inbox follows after sync.
    await createUser(server.h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: server.h.teams.nord, password: PASSWORD })
    const nora = await server.client('nora')
    await nora.sync()
    await updateLeadRules(nora.ctx, { threshold: 40, responseDays: 1, territories: [] })
    expect((await nora.sync()).rejected).toBe(0)
    await ben.sync()
    expect((await leadInbox(ben.ctx)).marketingCount).toBe(0)
    await updateLeadRules(nora.ctx, { threshold: 73, responseDays: 1, territories: [] })
    await nora.sync()
    await ben.sync()
    expect(await leadInbox(ben.ctx)).toMatchObject({ threshold: 73, leads: [], marketingCount: 4 })
  })

  it('shows the first LEAD_INBOX_PAGE leads, the best first, and counts all of them', async () => {
    const ben = await posted()
    // 120 more handed-over leads as the server would have sent them (inserted directly: the page is the point here).
    const base = await ben.ctx.db.selectFrom('leads').selectAll().where('external_id', '=', 'a').executeTakeFirstOrThrow()
    for (let i = 0; i < 120; i++) {
      await ben.ctx.db.insertInto('leads').values({ ...base, local_seq: undefined, id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, external_id: `bulk-${i}`, score: 51 + (i % 40), company_name: `Firma ${i}` } as never).execute()
    }
    const inbox = await leadInbox(ben.ctx)
    expect(inbox.leads).toHaveLength(LEAD_INBOX_PAGE)
    expect(inbox.handedCount).toBe(123)
    expect(inbox.marketingCount).toBe(1)
    const scores = inbox.leads.map((l) => l.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(scores[0]).toBe(90)
  })

  it('converts into company, contact and first touchpoint, after the duplicate check; rejects with a reason; both sync', async () => {
    const ben = await posted()
    const [hansen, carstens, ott] = (await leadInbox(ben.ctx)).leads
    const converted = await convertLead(ben.ctx, { id: hansen!.id, anyway: false, repId: await annaId(ben), language: 'de' })
    expect(converted.converted).toBe(true)
    const companyId = converted.converted ? converted.companyId : ''
    expect(await ben.ctx.db.selectFrom('companies').select(['name', 'status']).where('id', '=', companyId).executeTakeFirstOrThrow()).toEqual({ name: 'Hansen Logistik GmbH', status: 'prospect' })
    expect(await ben.ctx.db.selectFrom('contacts').select(['last_name', 'email']).where('company_id', '=', companyId).execute()).toEqual([{ last_name: 'Hansen', email: 'greta.hansen@example.de' }])
    expect(await ben.ctx.db.selectFrom('touchpoints').select(['channel', 'direction']).where('company_id', '=', companyId).execute()).toEqual([{ channel: 'website', direction: 'inbound' }])
    await expect(convertLead(ben.ctx, { id: hansen!.id, anyway: false, repId: await annaId(ben), language: 'de' })).rejects.toThrow('errors.leadDecided')

    // A company of that name exists: the duplicates are answered first, nothing written; `anyway` converts.
    await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Carstens Bau GmbH', customerNumber: 'K-1' })))
    const before = await ben.ctx.db.selectFrom('companies').select('id').execute()
    const dup = await convertLead(ben.ctx, { id: carstens!.id, anyway: false, repId: await annaId(ben), language: 'de' })
    expect(dup).toMatchObject({ converted: false, duplicates: [{ name: 'Carstens Bau GmbH' }] })
    expect(await ben.ctx.db.selectFrom('companies').select('id').execute()).toEqual(before)
    expect((await convertLead(ben.ctx, { id: carstens!.id, anyway: true, repId: await annaId(ben), language: 'de' })).converted).toBe(true)

    await rejectLead(ben.ctx, { id: ott!.id, reason: 'no_budget' })
    expect((await leadInbox(ben.ctx)).leads).toEqual([])
    expect((await ben.sync()).rejected).toBe(0)
    const anna = await server.client('anna')
    await anna.sync()
    expect(await anna.ctx.db.selectFrom('leads').select(['external_id', 'status', 'reject_reason', 'converted_company_id', 'decided_by']).orderBy('external_id').execute()).toEqual([
      { external_id: 'a', status: 'converted', reject_reason: null, converted_company_id: companyId, decided_by: ben.ctx.userId },
      { external_id: 'b', status: 'rejected', reject_reason: 'no_budget', converted_company_id: null, decided_by: ben.ctx.userId },
      { external_id: 'c', status: 'converted', reject_reason: null, converted_company_id: expect.any(String), decided_by: ben.ctx.userId },
      { external_id: 'd', status: 'new', reject_reason: null, converted_company_id: null, decided_by: null },
    ])
  })

  it('a DSGVO erasure of the contact made from a lead takes the lead with it: on both laptops and on the server', async () => {
    const ben = await posted()
    const [hansen] = (await leadInbox(ben.ctx)).leads
    const converted = await convertLead(ben.ctx, { id: hansen!.id, anyway: false, repId: await annaId(ben), language: 'de' })
    if (!converted.converted) throw new Error('not converted')
    expect(await ben.ctx.db.selectFrom('leads').select('contact_id').where('id', '=', hansen!.id).executeTakeFirstOrThrow()).toEqual({ contact_id: converted.contactId })
    await ben.sync()
    const anna = await server.client('anna')
    await anna.sync()
    expect(await anna.ctx.db.selectFrom('leads').select('id').where('contact_id', '=', converted.contactId).execute()).toHaveLength(1)

    await eraseContact(ben.ctx, { id: converted.contactId })
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()
    for (const laptop of [ben, anna]) {
      expect(await laptop.ctx.db.selectFrom('leads').select('id').where('id', '=', hansen!.id).execute(), laptop.name).toEqual([])
      // The other leads stay.
      expect(await laptop.ctx.db.selectFrom('leads').select('external_id').orderBy('external_id').execute(), laptop.name).toEqual([{ external_id: 'b' }, { external_id: 'c' }, { external_id: 'd' }])
    }
    expect(await server.h.store.db.selectFrom('sync_rows').select(['deleted', 'data']).where('table_name', '=', 'leads').where('id', '=', hansen!.id).executeTakeFirstOrThrow())
      .toEqual({ deleted: 1, data: '{"erased":1}' })
  })
})
