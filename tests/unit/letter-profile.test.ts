// The sender's details a letter needs (issue 13 item 4): the signer's direct line joined DIN 5008 style,
// the completeness check the offer service and the screens share, and the letter's greeting.
import { describe, expect, it } from 'vitest'
import { salutationLine } from '../../electron/main/platform/documents/din5008-letter'
import { LOCAL_USER_NAME, joinPhone, missingLetterDetails, signerName } from '../../shared/platform/letter-profile'
import type { LetterRecipient } from '../../shared/platform/letter.types'

describe('the signer\'s phone', () => {
  it('joins the extension to the main number with a hyphen, replacing the switchboard\'s own', () => {
    expect(joinPhone('+49 511 987650', '12')).toBe('+49 511 987650-12')
    expect(joinPhone('+49 511 987650-0', '12')).toBe('+49 511 987650-12')
    expect(joinPhone('+49 511 987650 - 0', '-12')).toBe('+49 511 987650-12')
    expect(joinPhone('0511 987650-0', ' 12 ')).toBe('0511 987650-12')
  })
  it('is the main number without an extension, a full number as typed, and never the extension alone', () => {
    expect(joinPhone('+49 511 987650-0', '')).toBe('+49 511 987650-0')
    expect(joinPhone('+49 511 987650-0', '+49 171 2345678')).toBe('+49 171 2345678')
    expect(joinPhone('+49 511 987650-0', '0511 555-1')).toBe('0511 555-1')
    expect(joinPhone('', '12')).toBe('')
    expect(joinPhone('', '-12')).not.toContain('-12')
  })
})

const complete = {
  repName: 'Jan Petersen', name: 'Nordlicht Anlagenbau GmbH', street: 'Podbielskistraße 120', postalCode: '30177', city: 'Hannover',
  managingDirectors: 'Dr. Karin Weber', registerCourt: 'Amtsgericht Hannover', registerNumber: 'HRB 123456', vatId: 'DE123456789', iban: 'DE89 3704 0044 0532 0130 00',
}

describe('the details a letter cannot go out without', () => {
  it('none missing in a complete profile', () => {
    expect(missingLetterDetails(complete)).toEqual([])
  })
  it('names each missing one; blanks count as missing; the local placeholder is no signer\'s name', () => {
    expect(missingLetterDetails({ ...complete, repName: LOCAL_USER_NAME, vatId: ' ', registerCourt: '' })).toEqual(['repName', 'registerCourt', 'vatId'])
    expect(missingLetterDetails({ ...complete, name: '', street: '', postalCode: '', city: '', managingDirectors: '', registerNumber: '', iban: '' }))
      .toEqual(['name', 'street', 'postalCode', 'city', 'managingDirectors', 'registerNumber', 'iban'])
    expect(signerName(LOCAL_USER_NAME)).toBe('')
    expect(signerName(' Jan Petersen ')).toBe('Jan Petersen')
  })
})

const recipient = (r: Partial<LetterRecipient>): LetterRecipient => ({
  companyName: 'Brunsviga GmbH', street: '', postalCode: '', city: 'Braunschweig', salutation: 'ms', title: '', firstName: 'Anna', lastName: 'Berger', jobFunction: '', ...r,
})

describe('the greeting', () => {
  it('Frau and Herr by last name, with a title', () => {
    expect(salutationLine({ language: 'de', recipient: recipient({}) })).toBe('Sehr geehrte Frau Berger,')
    expect(salutationLine({ language: 'de', recipient: recipient({ title: 'Dr.' }) })).toBe('Sehr geehrte Frau Dr. Berger,')
    expect(salutationLine({ language: 'de', recipient: recipient({ salutation: 'mr', title: 'Prof. Dr.', firstName: 'Jörg', lastName: 'Weiß' }) })).toBe('Sehr geehrter Herr Prof. Dr. Weiß,')
    expect(salutationLine({ language: 'en', recipient: recipient({}) })).toBe('Dear Ms Berger,')
    expect(salutationLine({ language: 'en', recipient: recipient({ salutation: 'mr', title: 'Dr.', lastName: 'Smith' }) })).toBe('Dear Dr Smith,')
  })
  it('without Frau or Herr ("none"): by full name', () => {
    expect(salutationLine({ language: 'de', recipient: recipient({ salutation: 'none', firstName: 'Kim', lastName: 'Wagner' }) })).toBe('Guten Tag Kim Wagner,')
    expect(salutationLine({ language: 'de', recipient: recipient({ salutation: 'none', title: 'Dr.', firstName: 'Kim', lastName: 'Wagner' }) })).toBe('Guten Tag Dr. Kim Wagner,')
    expect(salutationLine({ language: 'de', recipient: recipient({ salutation: 'none', firstName: '', lastName: 'Wagner' }) })).toBe('Guten Tag Wagner,')
    expect(salutationLine({ language: 'en', recipient: recipient({ salutation: 'none', firstName: 'Kim', lastName: 'Wagner' }) })).toBe('Dear Kim Wagner,')
    expect(salutationLine({ language: 'en', recipient: recipient({ salutation: 'none', title: 'Dr.', firstName: 'Kim', lastName: 'Wagner' }) })).toBe('Dear Dr Wagner,')
  })
  it('without a contact name: the neutral form', () => {
    for (const salutation of ['ms', 'mr', 'none'] as const) {
      expect(salutationLine({ language: 'de', recipient: recipient({ salutation, firstName: '', lastName: '' }) })).toBe('Sehr geehrte Damen und Herren,')
      expect(salutationLine({ language: 'en', recipient: recipient({ salutation, firstName: '', lastName: '' }) })).toBe('Dear Sir or Madam,')
    }
  })
})
