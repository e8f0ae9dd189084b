import { describe, expect, it } from 'vitest'
import { companyFieldsSchema, companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { toFieldErrors } from '../../shared/platform/field-errors'
import { newId } from '../../db/platform/ids'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0])

describe('contact schema', () => {
  const base = { companyId: newId(), salutation: 'ms', lastName: 'Berger', language: 'de' }

  it('accepts a minimal contact and fills omitted optional fields with empty text', () => {
    const parsed = contactFieldsSchema.parse(base)
    expect(parsed.email).toBe('')
    expect(parsed.buyingRole).toBe('')
  })
  it('requires the last name', () => {
    expect(errorsOf(contactFieldsSchema.safeParse({ ...base, lastName: '   ' }))).toEqual({ lastName: 'errors.required' })
  })
  it('rejects an invalid e-mail with its own message', () => {
    expect(errorsOf(contactFieldsSchema.safeParse({ ...base, email: 'berger@' }))).toEqual({ email: 'errors.email' })
  })
  it('requires a company and rejects unknown buying roles', () => {
    expect(errorsOf(contactFieldsSchema.safeParse({ ...base, companyId: '', buyingRole: 'boss' }))).toEqual({ companyId: 'errors.required', buyingRole: 'errors.invalidChoice' })
  })
  it('rejects wrong types instead of coercing them', () => {
    expect(errorsOf(contactFieldsSchema.safeParse({ ...base, lastName: 42 }))).toEqual({ lastName: 'errors.required' })
  })
})

describe('company schema', () => {
  it('requires a name and checks postal code and customer number format', () => {
    const result = companyFieldsSchema.safeParse({ name: '', status: 'prospect', postalCode: '3810', customerNumber: 'K 1' })
    expect(errorsOf(result)).toEqual({ name: 'errors.required', postalCode: 'errors.postalCode', customerNumber: 'errors.customerNumber' })
  })
  it('limits text length', () => {
    expect(errorsOf(companyFieldsSchema.safeParse({ name: 'x'.repeat(201), status: 'prospect' }))).toEqual({ name: 'errors.tooLong' })
  })
  it('bounds the page size of list queries', () => {
    expect(companyListQuerySchema.safeParse({ limit: 10_000 }).success).toBe(false)
    expect(companyListQuerySchema.parse({})).toMatchObject({ sort: 'name', dir: 'asc', offset: 0, limit: 100 })
  })
})

describe('touchpoint schema', () => {
  it('needs an instant with offset, a summary and known channel and station', () => {
    const result = touchpointFieldsSchema.safeParse({ companyId: newId(), occurredAt: '2026-11-20 10:00', channel: 'pigeon', direction: 'inbound', mode: 'direct', station: 'awareness', summary: '' })
    expect(errorsOf(result)).toEqual({ occurredAt: 'errors.dateTime', channel: 'errors.invalidChoice', station: 'errors.invalidChoice', summary: 'errors.required' })
  })
})

describe('maxLengthOf: the limit a form counter shows comes from the schema', () => {
  it('reads text(n), required text and optional text; nothing for other fields', async () => {
    const { maxLengthOf } = await import('../../shared/platform/common.schema')
    const { conversationFieldsSchema } = await import('../../shared/modules/offers/offer.schema')
    expect(maxLengthOf(conversationFieldsSchema.shape.needs)).toBe(4000)
    expect(maxLengthOf(conversationFieldsSchema.shape.budget)).toBe(500)
    expect(maxLengthOf(touchpointFieldsSchema.shape.summary)).toBe(4000)
    expect(maxLengthOf(conversationFieldsSchema.shape.participants)).toBeUndefined()
  })
})
