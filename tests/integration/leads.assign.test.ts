// The lead inbox's second slice (issue 19, docs/leads.md): the team's lead rules (threshold, territories) with their
// bad input, the qualification, and the conversion for a field rep — company (owned by the rep, in the rep's team),
// contact, first touchpoint, the rep's task "Erstkontakt aufnehmen" and the lead's decision in ONE transaction: a
// failure in any step writes nothing. After sync the rep's laptop has it all, and her first pre-offer conversation
// opens with the qualification. Field reps have no inbox.
import { getTask } from '../../electron/main/modules/planning/task.service'
import { taskTitleText } from '../../shared/i18n/event-text'
import { describe, expect, it } from 'vitest'
import { convertLead, getLeadRules, leadInbox, leadQualificationOfCompany, qualifyLead, updateLeadRules } from '../../electron/main/modules/leads'
import { readState, writeState } from '../../electron/main/modules/sync/state'
import { teamSettingId, writeTeamSetting } from '../../db/platform/team-settings'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createUser } from '../../server/admin/accounts'
import { createIntegrationKey } from '../../server/integrations/keys'
import { leadConvertSchema, leadQualifySchema, leadRulesFormSchema, LEAD_RULES_KEY } from '../../shared/modules/leads'
import { harnessPerTest, PASSWORD, type TestClient } from '../helpers/sync-harness'
import { leadRowCounts, refusalOf, validLead } from '../helpers/leads'

const qualification = { budget: '50.000 €', need: 'Tourenplanung für 40 Fahrzeuge', timing: 'Q1 2027', decisionMaker: 'Jens Hansen (GF)', postalCode: '20095', city: 'Hamburg', federalState: 'HH' as const }
const userId = async (laptop: TestClient, name: string) => (await laptop.ctx.db.selectFrom('users').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('qualifying and assigning leads', () => {
  const server = harnessPerTest('sqlite', false)

  async function setUp() {
    await createUser(server.h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: server.h.teams.nord, password: PASSWORD })
    await createUser(server.h.store, { login: 'olaf', displayName: 'Olaf Ott', role: 'field_sales', teamId: server.h.teams.nord, password: PASSWORD })
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    const post = (body: unknown) => server.h.fetch('http://sync.test/integrations/v1/leads', { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } })
    expect((await post(validLead({ company: { name: 'Hansen Logistik GmbH', postalCode: '20095', city: 'Hamburg', country: 'DE' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'b', company: { name: 'Kieler Kälte GmbH', postalCode: '24103' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'c', company: { name: 'Ohne Adresse AG' } }))).status).toBe(200)
    const [ben, nora, anna] = [await server.client('ben'), await server.client('nora'), await server.client('anna')]
    for (const laptop of [ben, nora, anna]) {
      await laptop.sync()
      // Signed in, as after "Verbinden" (the state's role is not read: the synced directory's decides).
      await writeState(laptop.ctx.db, 'user', { id: laptop.ctx.userId, login: laptop.name, displayName: laptop.name, email: '', role: 'field_sales', teamId: '' })
    }
    return { ben, nora, anna }
  }

  it('the team\'s territories propose the rep: a postcode range before a federal state; managers set them, nobody else', async () => {
    const { ben, nora } = await setUp()
    const [annaId, olafId] = [await userId(nora, 'Anna Becker'), await userId(nora, 'Olaf Ott')]
    expect((await getLeadRules(nora.ctx)).reps.map((r) => r.name)).toEqual(['Anna Becker', 'Olaf Ott'])
    const before = await leadRowCounts(ben)
    expect(await refusalOf(updateLeadRules(ben.ctx, { threshold: 50, responseDays: 1, territories: [] }))).toMatchObject({ message: 'errors.teamRulesNotAllowed' })
    expect(await leadRowCounts(ben)).toEqual(before)
    await updateLeadRules(nora.ctx, { threshold: 60, responseDays: 1, territories: [
      { userId: annaId, states: '', postcodes: '20000-22999' },
      { userId: olafId, states: 'HH, SH', postcodes: '' },
    ] })
    expect((await nora.sync()).rejected).toBe(0)
    await ben.sync()
    const inbox = await leadInbox(ben.ctx)
    expect(inbox.threshold).toBe(60)
    expect(inbox.territories).toEqual([
      { userId: annaId, states: [], ranges: [{ from: '20000', to: '22999' }] },
      { userId: olafId, states: ['HH', 'SH'], ranges: [] },
    ])
    const hansen = inbox.leads.find((l) => l.companyName === 'Hansen Logistik GmbH')!
    expect(hansen.qualification).toMatchObject({ postalCode: '20095', city: 'Hamburg', federalState: '' })
    const { proposeRep } = await import('../../shared/modules/leads')
    expect(proposeRep(inbox.territories, { postalCode: '20095', federalState: 'HH' }, inbox.reps)).toEqual({ userId: annaId, by: 'postcode' })
    expect(proposeRep(inbox.territories, { postalCode: '24103', federalState: 'SH' }, inbox.reps)).toEqual({ userId: olafId, by: 'state' })
    expect(proposeRep(inbox.territories, { postalCode: '', federalState: 'BY' }, inbox.reps)).toBeNull()
    expect((await getLeadRules(nora.ctx)).rules.territories).toEqual([
      { userId: annaId, states: '', postcodes: '20000-22999' },
      { userId: olafId, states: 'HH, SH', postcodes: '' },
    ])
  })

  it('the sync server refuses lead rules pushed past the laptop\'s checks: overlapping ranges, or from inside sales', async () => {
    const { ben, nora, anna } = await setUp()
    const [annaId, olafId] = [await userId(nora, 'Anna Becker'), await userId(nora, 'Olaf Ott')]
    const overlapping = { threshold: 50, territories: [{ userId: annaId, states: [], ranges: [{ from: '20000', to: '22999' }] }, { userId: olafId, states: [], ranges: [{ from: '22000', to: '23999' }] }] }
    // The laptop's own write path refuses it; pushed by hand, the server does.
    await expect(nora.ctx.db.transaction().execute((trx) => writeTeamSetting(trx, server.h.teams.nord, LEAD_RULES_KEY, JSON.stringify(overlapping), '2026-11-20T09:00:00.000Z')))
      .rejects.toThrow('invalid team_settings row')
    const h = server.h
    const seq = Number((await h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', nora.deps.clientId).executeTakeFirstOrThrow()).last_seq)
    const fields = { team_id: { old: null, new: h.teams.nord }, key: { old: null, new: LEAD_RULES_KEY }, value: { old: null, new: JSON.stringify(overlapping) } }
    const op = { opId: crypto.randomUUID(), clientSeq: seq + 1, table: 'team_settings', rowId: teamSettingId(h.teams.nord, LEAD_RULES_KEY), kind: 'insert', baseVersion: null, fields, schemaVersion: SCHEMA_VERSION, createdAt: '' }
    const answer = await h.transport.push(nora.deps.token, SCHEMA_VERSION, { clientId: nora.deps.clientId, schemaVersion: SCHEMA_VERSION, ops: [op] } as never)
    expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid_row/) })
    // Ben's laptop tampered into a manager's role: the server knows better.
    await ben.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', ben.ctx.userId).execute()
    await updateLeadRules(ben.ctx, { threshold: 0, responseDays: 1, territories: [] })
    expect((await ben.sync()).rejected).toBe(1)
    expect(((await readState(ben.ctx.db, 'rejected')) as Array<{ reason: string }>)[0]!.reason).toBe('forbidden')
    expect(await server.h.store.db.selectFrom('sync_rows').select('id').where('table_name', '=', 'team_settings').execute()).toEqual([])
    await anna.sync()
    expect(await anna.ctx.db.selectFrom('team_settings').select('id').execute()).toEqual([])
  })

  it('bad lead rules are field errors and write nothing: negative or broken threshold, range backwards, overlap, unknown state, a rep of another team', async () => {
    const { nora } = await setUp()
    const [annaId, olafId] = [await userId(nora, 'Anna Becker'), await userId(nora, 'Olaf Ott')]
    const carlaId = await userId(nora, 'Carla Öztürk')
    expect(issues(leadRulesFormSchema.safeParse({ threshold: -1, territories: [] }))).toEqual({ threshold: 'errors.notNegative' })
    expect(issues(leadRulesFormSchema.safeParse({ threshold: 12.5, territories: [] }))).toEqual({ threshold: 'errors.integer' })
    expect(issues(leadRulesFormSchema.safeParse({ threshold: 50, territories: [{ userId: annaId, states: '', postcodes: '22999-20000' }] })))
      .toEqual({ 'territories.0.postcodes': 'errors.leadPostcodeOrder' })
    expect(issues(leadRulesFormSchema.safeParse({ threshold: 50, territories: [{ userId: annaId, states: '', postcodes: '20000-22999' }, { userId: olafId, states: '', postcodes: '22000-23999' }] })))
      .toEqual({ 'territories.1.postcodes': 'errors.leadPostcodeOverlap' })
    expect(issues(leadRulesFormSchema.safeParse({ threshold: 50, territories: [{ userId: annaId, states: '', postcodes: '20000-21000, 20500' }] })))
      .toEqual({ 'territories.0.postcodes': 'errors.leadPostcodeOverlap' })
    expect(issues(leadRulesFormSchema.safeParse({ threshold: 50, territories: [{ userId: annaId, states: 'HH, XY', postcodes: 'Hamburg' }] })))
      .toEqual({ 'territories.0.states': 'errors.leadUnknownState', 'territories.0.postcodes': 'errors.leadPostcodeRange' })
    const before = await leadRowCounts(nora)
    expect(await refusalOf(updateLeadRules(nora.ctx, { threshold: 50, responseDays: 1, territories: [{ userId: carlaId, states: 'BY', postcodes: '' }] })))
      .toMatchObject({ message: 'errors.validation', fields: { 'territories.0.userId': 'errors.leadRepUnknown' } })
    expect(await leadRowCounts(nora)).toEqual(before)
    expect(await nora.ctx.db.selectFrom('team_settings').select('id').where('key', '=', LEAD_RULES_KEY).execute()).toEqual([])
  })

  it('converts for the rep in one transaction; after sync the rep has company, contact and task, and the conversation opens prefilled', async () => {
    const { ben, anna } = await setUp()
    const annaId = await userId(ben, 'Anna Becker')
    const hansen = (await leadInbox(ben.ctx)).leads.find((l) => l.companyName === 'Hansen Logistik GmbH')!
    await qualifyLead(ben.ctx, { id: hansen.id, qualification })
    expect((await leadInbox(ben.ctx)).leads.find((l) => l.id === hansen.id)!.qualification).toEqual(qualification)
    server.h.clock.now = new Date('2026-11-20T15:00:00.000Z') // a Friday: the task is due on Monday
    const converted = await convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: annaId, language: 'de' })
    if (!converted.converted) throw new Error('not converted')
    expect(await ben.ctx.db.selectFrom('companies').select(['owner_id', 'team_id', 'postal_code', 'city', 'federal_state']).where('id', '=', converted.companyId).executeTakeFirstOrThrow())
      .toEqual({ owner_id: annaId, team_id: server.h.teams.nord, postal_code: '20095', city: 'Hamburg', federal_state: 'HH' })
    expect(await ben.ctx.db.selectFrom('leads').select(['status', 'assigned_to', 'budget', 'decision_maker', 'contact_id']).where('id', '=', hansen.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'converted', assigned_to: annaId, budget: '50.000 €', decision_maker: 'Jens Hansen (GF)', contact_id: converted.contactId })
    expect((await ben.sync()).rejected).toBe(0)

    await anna.sync()
    expect(await anna.ctx.db.selectFrom('companies').select(['name', 'owner_id']).where('id', '=', converted.companyId).executeTakeFirstOrThrow()).toEqual({ name: 'Hansen Logistik GmbH', owner_id: annaId })
    expect(await anna.ctx.db.selectFrom('contacts').select(['last_name', 'email']).where('company_id', '=', converted.companyId).execute()).toEqual([{ last_name: 'Hansen', email: 'greta.hansen@example.de' }])
    expect(await anna.ctx.db.selectFrom('tasks').select(['title', 'owner_id', 'due_date', 'contact_id', 'status']).where('company_id', '=', converted.companyId).execute())
      .toEqual([{ title: 'Erstkontakt aufnehmen', owner_id: annaId, due_date: '2026-11-23', contact_id: converted.contactId, status: 'open' }])
    expect(await anna.ctx.db.selectFrom('touchpoints').select('channel').where('company_id', '=', converted.companyId).execute()).toEqual([{ channel: 'website' }])
    expect(await leadQualificationOfCompany(anna.ctx, { companyId: converted.companyId })).toEqual({ qualification })

    // The task's title is the app's, stored as its key: the rep reading English sees it in English, whoever converted.
    const kiel = (await leadInbox(ben.ctx)).leads.find((l) => l.companyName === 'Kieler Kälte GmbH')!
    const english = await convertLead(ben.ctx, { id: kiel.id, anyway: false, repId: annaId, language: 'en' })
    if (!english.converted) throw new Error('not converted')
    expect(await ben.ctx.db.selectFrom('tasks').select(['title', 'title_key']).where('id', '=', english.taskId).executeTakeFirstOrThrow()).toEqual({ title: 'Erstkontakt aufnehmen', title_key: 'task.title.firstContact' })
    const view = await getTask(ben.ctx, english.taskId)
    expect([taskTitleText('de', view), taskTitleText('en', view)]).toEqual(['Erstkontakt aufnehmen', 'Make first contact'])
  })

  it('a failure in any step of the conversion writes nothing: the touchpoint, the task, the lead\'s decision', async () => {
    const { ben } = await setUp()
    const annaId = await userId(ben, 'Anna Becker')
    const hansen = (await leadInbox(ben.ctx)).leads.find((l) => l.companyName === 'Hansen Logistik GmbH')!
    const { sql } = await import('kysely')
    for (const [table, event] of [['touchpoints', 'INSERT'], ['tasks', 'INSERT'], ['leads', 'UPDATE']] as const) {
      const before = await leadRowCounts(ben)
      await sql.raw(`CREATE TRIGGER fail_step BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`).execute(ben.ctx.db)
      await expect(convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: annaId, qualification, language: 'de' }), table).rejects.toThrow('disk full')
      await sql.raw('DROP TRIGGER fail_step').execute(ben.ctx.db)
      expect(await leadRowCounts(ben), table).toEqual(before)
      expect(await ben.ctx.db.selectFrom('leads').select(['status', 'budget', 'assigned_to']).where('id', '=', hansen.id).executeTakeFirstOrThrow(), table)
        .toEqual({ status: 'new', budget: '', assigned_to: null })
    }
    expect((await convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: annaId, qualification, language: 'de' })).converted).toBe(true)
  })

  it('bad conversion and qualification input is refused with its reason and writes nothing; a field rep has no inbox', async () => {
    const { ben, anna } = await setUp()
    const hansen = (await leadInbox(ben.ctx)).leads.find((l) => l.companyName === 'Hansen Logistik GmbH')!
    const before = await leadRowCounts(ben)
    expect(issues(leadConvertSchema.safeParse({ id: hansen.id, repId: '' }))).toEqual({ repId: 'errors.leadRepRequired' })
    expect(issues(leadQualifySchema.safeParse({ id: hansen.id, qualification: { postalCode: '2009', federalState: 'XY' } })))
      .toEqual({ 'qualification.postalCode': 'errors.postalCode', 'qualification.federalState': 'errors.leadUnknownState' })
    // Carla is a rep of another team, Ben himself no field rep: neither may receive it.
    for (const name of ['Carla Öztürk', 'Ben Schulz']) {
      expect(await refusalOf(convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: await userId(ben, name), language: 'de' })), name)
        .toMatchObject({ fields: { repId: 'errors.leadRepUnknown' } })
    }
    expect(await leadRowCounts(ben)).toEqual(before)
    // Anna (field sales): the inbox, a qualification and a conversion are refused with the reason.
    for (const attempt of [leadInbox(anna.ctx), qualifyLead(anna.ctx, { id: hansen.id, qualification }), convertLead(anna.ctx, { id: hansen.id, anyway: true, repId: anna.ctx.userId, language: 'de' })]) {
      expect(await refusalOf(attempt)).toMatchObject({ message: 'rights.denied.leads.work' })
    }
    expect(await anna.ctx.db.selectFrom('companies').select('id').execute()).toEqual([])
  })
})
