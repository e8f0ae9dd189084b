// The erasure rules (shared/modules/dsgvo/erasure.rules.ts), which the laptop, the server, the outbox
// rewrite and late records all apply: what is cleared, what stays valid for the row schemas.
import { describe, expect, it } from 'vitest'
import { anonymisedChanges, anonymisedColumns, conflictCarriesPerson, redactSnapshot, snapshotNames } from '../../shared/modules/dsgvo/erasure.rules'
import { rowProblem } from '../../shared/modules/sync/row-schemas'

const X = '01a22869-6055-7001-a626-bd4d32926e3c'
const snapshot = JSON.stringify({
  offer: { id: 'o1', contactId: X, contactName: 'Dr. Wendelgard Qxzyborski', companyName: 'Brunsviga' },
  letter: { recipient: { companyName: 'Brunsviga', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig', salutation: 'ms', title: 'Dr.', firstName: 'Wendelgard', lastName: 'Qxzyborski', jobFunction: 'Einkauf' } },
})

describe('erasure rules', () => {
  it('redacts a sent revision’s addressee and keeps a snapshot the row schema takes', () => {
    const redacted = redactSnapshot(snapshot)
    expect(redacted).not.toMatch(/Qxzyborski|Wendelgard|Einkauf/)
    expect(JSON.parse(redacted)).toMatchObject({ offer: { contactId: '', contactName: '', companyName: 'Brunsviga' }, letter: { recipient: { salutation: 'none', companyName: 'Brunsviga', city: 'Braunschweig' } } })
    expect(rowProblem('offer_revisions', { offer_id: 'o1', company_id: 'c1', revision: 1, sent_at: '2026-11-19', snapshot: redacted })).toBeNull()
    expect(snapshotNames(snapshot, X)).toBe(true)
    expect(snapshotNames(redacted, X)).toBe(false)
    expect(redactSnapshot('not json')).toBe('not json')
  })

  it('clears the reference and the text about the person, keeps empty texts empty', () => {
    expect(anonymisedColumns('touchpoints', { contact_id: X, summary: 'Anruf Qxzyborski' })).toEqual({ contact_id: null, summary: '—' })
    expect(anonymisedColumns('touchpoints', { contact_id: X, summary: '' })).toEqual({ contact_id: null, summary: '' })
    expect(anonymisedColumns('offers', { contact_id: X, introduction: 'bleibt' })).toEqual({ contact_id: null })
    expect(rowProblem('touchpoints', anonymisedColumns('touchpoints', { contact_id: X, summary: 'x' }), 'patch')).toBeNull()
  })

  it('rewrites an unpushed operation on both sides, leaving other people and other columns alone', () => {
    expect(anonymisedChanges('touchpoints', X, {
      contact_id: { old: null, new: X }, summary: { old: 'Besuch bei Qxzyborski', new: 'Besuch bei Frau Qxzyborski' }, channel: { old: 'phone', new: 'visit' },
    })).toEqual({ contact_id: { old: null, new: null }, summary: { old: '—', new: '—' }, channel: { old: 'phone', new: 'visit' } })
    expect(anonymisedChanges('offers', X, { contact_id: { old: X, new: 'someone-else' } })).toEqual({ contact_id: { old: null, new: 'someone-else' } })
  })

  it('drops conflict records that may carry the person, not those about other columns of rows that stay', () => {
    const purged = new Set([X])
    const touched = new Set(['t1', 'o1'])
    expect(conflictCarriesPerson({ table_name: 'contacts', row_id: X, field: 'phone' }, purged, touched)).toBe(true)
    expect(conflictCarriesPerson({ table_name: 'touchpoints', row_id: 't1', field: 'summary' }, purged, touched)).toBe(true)
    expect(conflictCarriesPerson({ table_name: 'offers', row_id: 'o1', field: 'valid_until' }, purged, touched)).toBe(false)
    expect(conflictCarriesPerson({ table_name: 'companies', row_id: 'c1', field: 'notes' }, purged, touched)).toBe(false)
  })
})
