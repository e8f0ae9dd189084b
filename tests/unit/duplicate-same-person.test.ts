// The strict "same person" rule (customers module): a lead converted into an existing company reuses the contact
// with the same e-mail address (case ignored), else the one with the same first and last name; nothing weaker.
import { describe, expect, it } from 'vitest'
import { contactFeatures, matchingPerson, samePersonBy, type ContactDuplicateInput } from '../../shared/modules/customers'

const person = (id: string, firstName: string, lastName: string, email = '', more: Partial<ContactDuplicateInput> = {}): ContactDuplicateInput =>
  ({ id, companyId: 'c1', firstName, lastName, email, phone: '', mobile: '', ...more })
const by = (a: ContactDuplicateInput, b: ContactDuplicateInput) => samePersonBy(contactFeatures(a), contactFeatures(b))

describe('samePersonBy', () => {
  it('the same e-mail address, case and spaces ignored, whatever the names', () => {
    expect(by(person('a', 'Greta', 'Hansen', 'Greta.Hansen@Example.de'), person('b', 'G.', 'Hansen-Ott', ' greta.hansen@example.de '))).toBe('email')
  })

  it('else the same first and last name, folded (case, umlauts spelled out)', () => {
    expect(by(person('a', 'Jürgen', 'Müller'), person('b', 'juergen', 'MUELLER', 'j.mueller@example.de'))).toBe('name')
    expect(by(person('a', 'Greta', 'Hansen', 'greta@example.de'), person('b', 'Greta', 'Hansen', 'g.hansen@example.de'))).toBe('name')
  })

  it('not a similar or only alike-sounding name, not the last name alone, not a shared phone, not two empty addresses', () => {
    expect(by(person('a', 'Thomas', 'Meier'), person('b', 'Tomas', 'Meyer'))).toBeNull()
    expect(by(person('a', 'Greta', 'Hansen'), person('b', '', 'Hansen'))).toBeNull()
    expect(by(person('a', 'Greta', 'Hansen', '', { phone: '+49 40 1234' }), person('b', 'Jens', 'Hansen', '', { phone: '+49 40 1234' }))).toBeNull()
    expect(by(person('a', '', '', ''), person('b', '', '', ''))).toBeNull()
    expect(by(person('a', 'Greta', 'Hansen', 'kein-mail'), person('b', 'Jens', 'Hansen', 'kein-mail'))).toBeNull()
  })
})

describe('matchingPerson', () => {
  const contacts = [person('1', 'Greta', 'Hansen'), person('2', 'Jens', 'Hansen', 'greta.hansen@example.de'), person('3', 'Greta', 'Hansen', 'other@example.de')]

  it('prefers the e-mail address over the name, and takes the first of equals', () => {
    expect(matchingPerson(person('lead', 'Greta', 'Hansen', 'GRETA.HANSEN@example.de'), contacts)?.id).toBe('2')
    expect(matchingPerson(person('lead', 'Greta', 'Hansen', 'new@example.de'), contacts)?.id).toBe('1')
  })

  it('null when nobody matches', () => {
    expect(matchingPerson(person('lead', 'Ole', 'Ott', 'ole@example.de'), contacts)).toBeNull()
    expect(matchingPerson(person('lead', 'Greta', 'Hansen'), [])).toBeNull()
  })
})
