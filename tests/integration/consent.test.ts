// Consent per contact through its channels: given with channel, purpose, day and source; listed newest
// first; withdrawn on a day (not before it was given, not twice); the contact list marks a person whose
// e-mail consent is withdrawn; each write syncs as an ordinary operation; the consent state rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { consentState, type Consent } from '../../shared/modules/customers/consent.schema'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
let contactId = ''
const must = mustOf(() => t.app)

beforeAll(async () => {
  t = await openTestDb()
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Messebau Krüger GmbH', customerNumber: 'M-1' }))
  contactId = (await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Eva', lastName: 'Krüger', language: 'de', email: 'eva@krueger.de' })).id
})
afterAll(async () => t.cleanup())

describe('consents', () => {
  it('records, lists and withdraws a consent; the contact list marks a withdrawn e-mail consent', async () => {
    const given = await must<Consent>('consents.create', { contactId, channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02', source: 'Messe Hannover 2026', note: '' })
    expect(given).toMatchObject({ channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02', source: 'Messe Hannover 2026', withdrawnOn: null })
    await must('consents.create', { contactId, channel: 'phone', purpose: 'advertising', givenOn: '2026-04-01', source: 'Telefonat', note: '' })
    const listed = await must<Consent[]>('consents.list', { contactId })
    expect(listed.map((c) => c.channel)).toEqual(['phone', 'email'])
    const contacts = async () => (await must<{ rows: Array<{ id: string; emailConsent: string }> }>('contacts.list', { search: 'Krüger' })).rows
    expect((await contacts())[0]?.emailConsent).toBe('given')

    const early = await dispatch(t.app, 'consents.withdraw', { id: given.id, withdrawnOn: '2026-03-01' })
    expect(early.ok ? '' : early.error.fields).toMatchObject({ withdrawnOn: 'errors.consentBeforeGiven' })
    const withdrawn = await must<Consent>('consents.withdraw', { id: given.id, withdrawnOn: '2026-11-29' })
    expect(withdrawn.withdrawnOn).toBe('2026-11-29')
    const twice = await dispatch(t.app, 'consents.withdraw', { id: given.id, withdrawnOn: '2026-11-30' })
    expect(twice.ok ? '' : twice.error.message).toBe('errors.consentWithdrawn')
    expect((await contacts())[0]?.emailConsent).toBe('withdrawn')

    const ops = await t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'kind', 'fields']).where('table_name', '=', 'consents').orderBy('client_seq').execute()
    expect(ops.map((o) => o.kind)).toEqual(['insert', 'insert', 'update'])
    expect(JSON.parse(ops[2]!.fields)).toEqual({ withdrawn_on: { old: null, new: '2026-11-29' } })
  })

  it('refuses a consent for an unknown contact or with an impossible day, writing nothing', async () => {
    const before = await t.ctx.db.selectFrom('consents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const unknown = await dispatch(t.app, 'consents.create', { contactId: '01a202e6-59f1-700b-b645-d59090355a50', channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02' })
    expect(unknown.ok).toBe(false)
    const badDay = await dispatch(t.app, 'consents.create', { contactId, channel: 'email', purpose: 'newsletter', givenOn: '2026-02-30' })
    expect(badDay.ok ? '' : badDay.error.fields).toMatchObject({ givenOn: 'errors.date' })
    const after = await t.ctx.db.selectFrom('consents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('reads a channel as given while one consent holds, withdrawn when all are, none without any', () => {
    expect(consentState([], 'email')).toBe('none')
    expect(consentState([{ channel: 'email', withdrawnOn: '2026-01-01' }, { channel: 'email', withdrawnOn: null }], 'email')).toBe('given')
    expect(consentState([{ channel: 'email', withdrawnOn: '2026-01-01' }, { channel: 'phone', withdrawnOn: null }], 'email')).toBe('withdrawn')
  })
})
