// A lead converted into an EXISTING company (issue 19, docs/leads.md "The lead inbox"): the duplicate answer names
// the likely duplicates with their place and the contact of each who is the lead's person; converting into one
// writes no company, reuses that contact (else adds one to the company), and adds the first touchpoint, the rep's
// task and the lead's decision in ONE transaction. The company keeps its data. An unknown or deleted company, and a
// company of another team than the rep's, are field errors with nothing written; so is a failure in any step.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createCompany, deleteCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { convertLead, leadInbox } from '../../electron/main/modules/leads'
import { writeState } from '../../electron/main/modules/sync/state'
import { createUser } from '../../server/admin/accounts'
import { companyFieldsSchema, contactFieldsSchema } from '../../shared/modules/customers'
import { leadConvertSchema } from '../../shared/modules/leads'
import { harnessPerTest, PASSWORD, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'
import { leadPoster, leadRowCounts, refusalOf, validLead } from '../helpers/leads'

const userId = async (laptop: TestClient, name: string) => (await laptop.ctx.db.selectFrom('users').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id
const contactOf = (companyId: string, firstName: string, lastName: string, email: string) => contactFieldsSchema.parse({
  companyId, salutation: 'none', title: '', firstName, lastName, jobFunction: 'Einkauf', email, phone: '+49 40 555', mobile: '', language: 'de',
  buyingRole: '', attitude: '', influence: '', worries: '', goals: '', personaId: '', notes: 'seit 2019',
})
const companyColumns = ['name', 'customer_number', 'owner_id', 'team_id', 'status', 'postal_code', 'city', 'federal_state', 'notes', 'lead_source'] as const

describe('converting a lead into an existing company', () => {
  const server = harnessPerTest('sqlite', false)

  /**
   * Hansen Logistik GmbH exists in team Nord (Olaf's, with Greta Hansen's contact under an upper-case address),
   * Ott Spedition KG too (with another person); two leads arrive for them, Ben (inside sales, Nord) has them.
   */
  async function setUp() {
    for (const [login, displayName, role] of [['olaf', 'Olaf Ott', 'field_sales'], ['nora', 'Nora Vogt', 'manager']] as const) {
      await createUser(server.h.store, { login, displayName, role, teamId: server.h.teams.nord, password: PASSWORD })
    }
    const post = await leadPoster(server.h)
    expect((await post(validLead({ company: { name: 'Hansen Logistik GmbH', postalCode: '20095', city: 'Hamburg' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'b', company: { name: 'Ott Spedition KG' }, person: { firstName: 'Ole', lastName: 'Ott', email: 'ole.ott@example.de' } }))).status).toBe(200)
    const ben = await server.client('ben')
    await ben.sync()
    const olafId = await userId(ben, 'Olaf Ott')
    const hansenCo = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({
      name: 'Hansen Logistik GmbH', customerNumber: 'K-4711', street: 'Am Hafen 1', postalCode: '20457', city: 'Hamburg', federalState: 'HH', status: 'customer', ownerId: olafId, notes: 'Stammkunde',
    })))
    const greta = await createContact(ben.ctx, contactOf(hansenCo.id, 'Greta', 'Hansen', 'GRETA.Hansen@Example.de'))
    const ottCo = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Ott Spedition KG', customerNumber: 'K-4712', postalCode: '', city: '', federalState: '', ownerId: olafId })))
    await createContact(ben.ctx, contactOf(ottCo.id, 'Jens', 'Ott', 'jens.ott@example.de'))
    expect((await ben.sync()).rejected).toBe(0)
    const inbox = await leadInbox(ben.ctx)
    const lead = (company: string) => inbox.leads.find((l) => l.companyName === company)!
    return { ben, olafId, annaId: await userId(ben, 'Anna Becker'), hansenCo, greta, ottCo, hansen: lead('Hansen Logistik GmbH'), ott: lead('Ott Spedition KG') }
  }

  it('answers the duplicates with place and matching contact; into the company: no new company or contact, touchpoint and task there; syncs to the rep and a colleague', async () => {
    const { ben, olafId, annaId, hansenCo, greta, hansen } = await setUp()
    const before = await leadRowCounts(ben)
    const companyBefore = await ben.ctx.db.selectFrom('companies').select(companyColumns).where('id', '=', hansenCo.id).executeTakeFirstOrThrow()
    const answer = await convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: annaId, language: 'de' })
    expect(answer).toEqual({ converted: false, duplicates: [{ id: hansenCo.id, name: 'Hansen Logistik GmbH', postalCode: '20457', city: 'Hamburg', contact: { id: greta.id, name: 'Greta Hansen' } }] })
    expect(await leadRowCounts(ben)).toEqual(before)

    server.h.clock.now = new Date('2026-11-20T15:00:00.000Z') // a Friday: the task is due on Monday
    const converted = await convertLead(ben.ctx, { id: hansen.id, anyway: false, companyId: hansenCo.id, repId: annaId, language: 'de' })
    expect(converted).toMatchObject({ converted: true, companyId: hansenCo.id, contactId: greta.id, existingCompany: true, existingContact: true })
    if (!converted.converted) throw new Error('not converted')
    const after = await leadRowCounts(ben)
    expect({ companies: after.companies, contacts: after.contacts, touchpoints: after.touchpoints, tasks: after.tasks })
      .toEqual({ companies: before.companies, contacts: before.contacts, touchpoints: before.touchpoints + 1, tasks: before.tasks + 1 })
    // The customer's data stays as it was: name, number, owner, team, status, address, notes; the contact too.
    expect(await ben.ctx.db.selectFrom('companies').select(companyColumns).where('id', '=', hansenCo.id).executeTakeFirstOrThrow()).toEqual(companyBefore)
    expect(companyBefore).toMatchObject({ owner_id: olafId, team_id: server.h.teams.nord, status: 'customer', postal_code: '20457' })
    expect(await ben.ctx.db.selectFrom('contacts').select(['email', 'phone', 'notes']).where('id', '=', greta.id).executeTakeFirstOrThrow())
      .toEqual({ email: 'GRETA.Hansen@Example.de', phone: '+49 40 555', notes: 'seit 2019' })
    expect(await ben.ctx.db.selectFrom('leads').select(['status', 'converted_company_id', 'contact_id', 'assigned_to', 'postal_code', 'decided_by']).where('id', '=', hansen.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'converted', converted_company_id: hansenCo.id, contact_id: greta.id, assigned_to: annaId, postal_code: '20095', decided_by: ben.ctx.userId })
    expect((await ben.sync()).rejected).toBe(0)

    // Anna (the rep) and Nora (a colleague) after sync: the touchpoint with Greta and Anna's task on the existing company.
    for (const login of ['anna', 'nora']) {
      const laptop = await server.client(login)
      await laptop.sync()
      expect(await laptop.ctx.db.selectFrom('companies').select('id').where('name', '=', 'Hansen Logistik GmbH').execute(), login).toEqual([{ id: hansenCo.id }])
      expect(await laptop.ctx.db.selectFrom('contacts').select('id').where('company_id', '=', hansenCo.id).execute(), login).toEqual([{ id: greta.id }])
      expect(await laptop.ctx.db.selectFrom('touchpoints').select(['channel', 'direction', 'contact_id']).where('company_id', '=', hansenCo.id).execute(), login)
        .toEqual([{ channel: 'website', direction: 'inbound', contact_id: greta.id }])
      expect(await laptop.ctx.db.selectFrom('tasks').select(['title_key', 'owner_id', 'contact_id', 'due_date', 'status']).where('company_id', '=', hansenCo.id).execute(), login)
        .toEqual([{ title_key: 'task.title.firstContact', owner_id: annaId, contact_id: greta.id, due_date: '2026-11-23', status: 'open' }])
      expect(await laptop.ctx.db.selectFrom('leads').select(['status', 'converted_company_id', 'contact_id']).where('id', '=', hansen.id).executeTakeFirstOrThrow(), login)
        .toEqual({ status: 'converted', converted_company_id: hansenCo.id, contact_id: greta.id })
    }
  })

  it('without a matching contact adds the lead\'s person as a new contact of the existing company; a name alone matches too', async () => {
    const { ben, annaId, ottCo, ott, hansenCo, hansen } = await setUp()
    const answer = await convertLead(ben.ctx, { id: ott.id, anyway: false, repId: annaId, language: 'de' })
    expect(answer).toEqual({ converted: false, duplicates: [{ id: ottCo.id, name: 'Ott Spedition KG', postalCode: '', city: '', contact: null }] })
    const before = await leadRowCounts(ben)
    const converted = await convertLead(ben.ctx, { id: ott.id, anyway: false, companyId: ottCo.id, repId: annaId, language: 'en' })
    if (!converted.converted) throw new Error('not converted')
    expect(converted).toMatchObject({ companyId: ottCo.id, existingCompany: true, existingContact: false })
    const after = await leadRowCounts(ben)
    expect([after.companies, after.contacts, after.touchpoints, after.tasks]).toEqual([before.companies, before.contacts + 1, before.touchpoints + 1, before.tasks + 1])
    expect(await ben.ctx.db.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email']).where('company_id', '=', ottCo.id).orderBy('last_name').orderBy('first_name').execute())
      .toEqual([
        { id: expect.any(String), first_name: 'Jens', last_name: 'Ott', email: 'jens.ott@example.de' },
        { id: converted.contactId, first_name: 'Ole', last_name: 'Ott', email: 'ole.ott@example.de' },
      ])
    // The same person under another address, same first and last name: the contact is hers.
    await ben.ctx.db.updateTable('contacts').set({ email: '' }).where('company_id', '=', hansenCo.id).execute()
    const byName = await convertLead(ben.ctx, { id: hansen.id, anyway: false, repId: annaId, language: 'de' })
    expect(byName).toMatchObject({ converted: false, duplicates: [{ id: hansenCo.id, contact: { name: 'Greta Hansen' } }] })
    expect((await ben.sync()).rejected).toBe(0)
    const anna = await server.client('anna')
    await anna.sync()
    expect(await anna.ctx.db.selectFrom('contacts').select('last_name').where('id', '=', converted.contactId).executeTakeFirstOrThrow()).toEqual({ last_name: 'Ott' })
    expect(await anna.ctx.db.selectFrom('tasks').select(['company_id', 'contact_id']).where('owner_id', '=', annaId).execute()).toEqual([{ company_id: ottCo.id, contact_id: converted.contactId }])
  })

  it('an unknown or deleted company, a malformed id, a company of another team than the rep\'s: refused at the field, nothing written', async () => {
    const { ben, annaId, hansenCo, ottCo, hansen } = await setUp()
    expect(leadConvertSchema.safeParse({ id: hansen.id, repId: annaId, companyId: 'Hansen' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['companyId', 'errors.invalid']])
    await deleteCompany(ben.ctx, ottCo.id)
    const before = await leadRowCounts(ben)
    for (const companyId of ['01900000-0000-7000-8000-000000000001', ottCo.id]) {
      // `anyway` does not turn a refused company into a new one.
      for (const anyway of [false, true]) {
        expect(await refusalOf(convertLead(ben.ctx, { id: hansen.id, anyway, companyId, repId: annaId, language: 'de' })), companyId)
          .toMatchObject({ message: 'errors.validation', fields: { companyId: 'errors.companyNotFound' } })
      }
    }
    expect(await leadRowCounts(ben)).toEqual(before)
    expect(await ben.ctx.db.selectFrom('leads').select(['status', 'converted_company_id', 'assigned_to']).where('id', '=', hansen.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'new', converted_company_id: null, assigned_to: null })

    // A company of team Süd (Carla's), seen by Nora (a manager sees every team): Anna of Nord would not see it.
    const carla = await server.client('carla')
    await carla.sync()
    const sued = await createCompany(carla.ctx, companyFieldsSchema.parse(validCompany({ name: 'Hansen Logistik Süd GmbH', customerNumber: 'K-9001' })))
    expect((await carla.sync()).rejected).toBe(0)
    const nora = await server.client('nora')
    await nora.sync()
    await writeState(nora.ctx.db, 'user', { id: nora.ctx.userId, login: 'nora', displayName: 'Nora Vogt', email: '', role: 'manager', teamId: server.h.teams.nord })
    expect(await nora.ctx.db.selectFrom('companies').select('team_id').where('id', '=', sued.id).executeTakeFirstOrThrow()).toEqual({ team_id: server.h.teams.sued })
    const noraBefore = await leadRowCounts(nora)
    expect(await refusalOf(convertLead(nora.ctx, { id: hansen.id, anyway: false, companyId: sued.id, repId: annaId, language: 'de' })))
      .toMatchObject({ message: 'errors.validation', fields: { repId: 'errors.leadRepOtherTeam' } })
    expect(await leadRowCounts(nora)).toEqual(noraBefore)
    // Her own team's company is fine.
    expect((await convertLead(nora.ctx, { id: hansen.id, anyway: false, companyId: hansenCo.id, repId: annaId, language: 'de' })).converted).toBe(true)
  })

  it('a failure in any step writes nothing: the new contact, the touchpoint, the task, the lead\'s decision', async () => {
    const { ben, annaId, ottCo, ott } = await setUp()
    for (const [table, event] of [['contacts', 'INSERT'], ['touchpoints', 'INSERT'], ['tasks', 'INSERT'], ['leads', 'UPDATE']] as const) {
      const before = await leadRowCounts(ben)
      await sql.raw(`CREATE TRIGGER fail_step BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`).execute(ben.ctx.db)
      await expect(convertLead(ben.ctx, { id: ott.id, anyway: false, companyId: ottCo.id, repId: annaId, language: 'de' }), table).rejects.toThrow('disk full')
      await sql.raw('DROP TRIGGER fail_step').execute(ben.ctx.db)
      expect(await leadRowCounts(ben), table).toEqual(before)
      expect(await ben.ctx.db.selectFrom('leads').select(['status', 'contact_id', 'assigned_to']).where('id', '=', ott.id).executeTakeFirstOrThrow(), table)
        .toEqual({ status: 'new', contact_id: null, assigned_to: null })
    }
    expect((await convertLead(ben.ctx, { id: ott.id, anyway: false, companyId: ottCo.id, repId: annaId, language: 'de' })).converted).toBe(true)
  })
})
