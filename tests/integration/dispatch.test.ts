// The contract through the generic handler: validation with field errors, unknown channels, hidden internals.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { CHANNELS } from '../../shared/ipc/channels'
import { contract } from '../../shared/ipc/contract'
import { counts, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

describe('dispatch', () => {
  it('serves exactly the channels of the contract', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort())
  })

  it('creates through a channel and reads back', async () => {
    const created = await dispatch(t.app, 'companies.create', validCompany())
    expect(created.ok).toBe(true)
    const list = await dispatch(t.app, 'companies.list', { search: 'Brunsviga' })
    expect(list).toMatchObject({ ok: true, data: { total: 1 } })
  })

  it('answers a contact without last name and with an invalid e-mail with field errors, writing nothing', async () => {
    const company = await dispatch(t.app, 'companies.create', validCompany())
    const companyId = company.ok ? (company.data as { id: string }).id : ''
    const before = await counts(t.ctx.db, 'contacts')
    const result = await dispatch(t.app, 'contacts.create', { companyId, salutation: 'ms', language: 'de', lastName: '', email: 'keine-mail' })
    expect(result).toEqual({ ok: false, error: { code: 'validation', message: 'errors.validation', fields: { lastName: 'errors.required', email: 'errors.email' } } })
    expect(await counts(t.ctx.db, 'contacts')).toEqual(before)
  })

  it.each([
    ['a string', 'hallo'],
    ['an array', [1, 2]],
    ['null fields', { name: null, status: null }],
    ['unknown enum values', { ...validCompany(), status: 'vip' }],
    ['extra-long text', { ...validCompany(), notes: 'x'.repeat(5001) }],
  ])('rejects %s with field errors and writes nothing', async (_label, input) => {
    const before = await counts(t.ctx.db, 'companies')
    const result = await dispatch(t.app, 'companies.create', input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('validation')
    expect(await counts(t.ctx.db, 'companies')).toEqual(before)
  })

  it('answers an input check that throws with a calm validation error, logged without a stack', async () => {
    const log = vi.fn()
    const spy = vi.spyOn(contract['companies.create'].input, 'safeParse').mockImplementation(() => {
      throw new RangeError('date is outside the years 1583 to 9999')
    })
    try {
      expect(await dispatch(t.app, 'companies.create', validCompany(), { log })).toEqual({ ok: false, error: { code: 'validation', message: 'errors.validation' } })
    } finally {
      spy.mockRestore()
    }
    expect(log).toHaveBeenCalledWith('input check failed', { channel: 'companies.create', error: 'RangeError: date is outside the years 1583 to 9999' })
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })

  it('answers absurd contract terms with field errors (they used to throw a RangeError in the date arithmetic)', async () => {
    const company = await dispatch(t.app, 'companies.create', validCompany())
    const companyId = company.ok ? (company.data as { id: string }).id : ''
    const terms = { companyId, type: 'service', title: 'Wartung', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 100_000 }
    const log = vi.fn()
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ noticeValue: 100000 }, { noticeValue: 'errors.tooLarge' }],
      [{ noticeValue: 121 }, { noticeValue: 'errors.tooLarge' }],
      [{ noticeValue: 521, noticeUnit: 'weeks' }, { noticeValue: 'errors.tooLarge' }],
      [{ noticeValue: 1e308 }, { noticeValue: 'errors.integer' }],
      [{ startDate: '9999-12-01' }, { startDate: 'errors.date' }],
      [{ startDate: '0001-01-01', noticeUnit: 'days', noticeValue: 730 }, { startDate: 'errors.date' }],
      [{ endDate: '9999-12-31' }, { endDate: 'errors.date' }],
    ]
    for (const [change, fields] of cases) {
      const result = await dispatch(t.app, 'contracts.create', { ...terms, ...change }, { log })
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'validation', fields } })
    }
    expect(log).not.toHaveBeenCalled()
    expect(await dispatch(t.app, 'contracts.create', { ...terms, noticeValue: 120, minimumTermMonths: 240, renewalMonths: 120 }, { log })).toMatchObject({ ok: true })
  })

  it('refuses unknown channels', async () => {
    expect(await dispatch(t.app, 'companies.drop', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'errors.unknownChannel' } })
    expect((await dispatch(t.app, '__proto__', {})).ok).toBe(false)
    expect((await dispatch(t.app, 'constructor', {})).ok).toBe(false)
  })

  it('answers a missing record with not_found', async () => {
    const result = await dispatch(t.app, 'companies.get', { id: '01a202e6-59f1-700b-b645-d59090355a50' })
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'errors.notFound' } })
  })

  it('logs unexpected failures with context and shows a calm message without internals', async () => {
    const log = vi.fn()
    await t.database.close()
    const result = await dispatch(t.app, 'companies.list', {}, { log })
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'errors.internal' } })
    expect(log).toHaveBeenCalledWith('handler failed', expect.objectContaining({ channel: 'companies.list' }))
    t = { ...t, cleanup: async () => {} }
  })

  describe('one submission, one change (request keys)', () => {
    it('runs a double submission once: both answers are the first one, one company and one outbox row', async () => {
      const key = 'k-0123456789abcdef'
      const [first, second] = await Promise.all([
        dispatch(t.app, 'companies.create', validCompany(), { requestKey: key }),
        dispatch(t.app, 'companies.create', validCompany(), { requestKey: key }),
      ])
      expect(first.ok).toBe(true)
      expect(second).toEqual(first)
      // A late repeat (a retry after a lost answer) gets the same answer too.
      expect(await dispatch(t.app, 'companies.create', validCompany(), { requestKey: key })).toEqual(first)
      expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 1, outbox: 1 })
      // Without a key, or with a new one, it is a new submission.
      expect((await dispatch(t.app, 'companies.create', validCompany({ customerNumber: 'K-10002' }), { requestKey: 'k-other-0123456789' })).ok).toBe(true)
      expect((await counts(t.ctx.db, 'companies')).rows).toBe(2)
    })

    it('forgets a refused submission, so the corrected one saves with the same key', async () => {
      const key = 'k-refused-000000001'
      const refused = await dispatch(t.app, 'companies.create', { ...validCompany(), name: '' }, { requestKey: key })
      expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect((await dispatch(t.app, 'companies.create', validCompany(), { requestKey: key })).ok).toBe(true)
      expect((await counts(t.ctx.db, 'companies')).rows).toBe(1)
    })

    it('refuses a key reused for a different request and a malformed key, writing nothing', async () => {
      const key = 'k-reused-0000000001'
      expect((await dispatch(t.app, 'companies.create', validCompany(), { requestKey: key })).ok).toBe(true)
      expect(await dispatch(t.app, 'companies.create', validCompany({ customerNumber: 'K-10002' }), { requestKey: key }))
        .toEqual({ ok: false, error: { code: 'conflict', message: 'errors.requestKeyReused' } })
      expect(await dispatch(t.app, 'companies.create', validCompany(), { requestKey: '../../etc/passwd' }))
        .toEqual({ ok: false, error: { code: 'validation', message: 'errors.invalid' } })
      expect((await counts(t.ctx.db, 'companies')).rows).toBe(1)
    })
  })
})
