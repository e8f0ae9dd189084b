// The duplicate rules: normalised company names, Kölner Phonetik, phones, e-mail domains, the scores and
// the blocking scan (against a brute-force oracle, and on 20,000 generated companies with planted twins).
import { describe, expect, it } from 'vitest'
import {
  colognePhonetic, companyDuplicateScore, companyFeatures, scoreCompanyFeatures, companyEmailDomain, contactDuplicateScore, emailDomain, findDuplicateCompanies,
  findDuplicateContacts, isFreemailDomain, LIKELY_DUPLICATE_SCORE, normaliseCompanyName, normalisePhone, parseCompanyName,
  type CompanyDuplicateInput, type ContactDuplicateInput,
} from '../../shared/modules/customers'
import { generateCompanies } from '../../scripts/bench-duplicates'

const company = (id: string, name: string, more: Partial<CompanyDuplicateInput> = {}): CompanyDuplicateInput =>
  ({ id, name, customerNumber: '', postalCode: '', city: '', ...more })
const contact = (id: string, firstName: string, lastName: string, more: Partial<ContactDuplicateInput> = {}): ContactDuplicateInput =>
  ({ id, companyId: '', firstName, lastName, email: '', phone: '', mobile: '', ...more })

describe('normaliseCompanyName', () => {
  it('folds umlauts and ß so the written-out spelling is the same name', () => {
    expect(normaliseCompanyName('Müller')).toBe('mueller')
    expect(normaliseCompanyName('MUELLER')).toBe('mueller')
    expect(normaliseCompanyName('Großhandel Weiß')).toBe(normaliseCompanyName('Grosshandel Weiss'))
    expect(normaliseCompanyName('Crème Brûlée Café')).toBe('creme brulee cafe')
  })

  it.each([
    'Müller GmbH', 'Müller mbH', 'Müller G.m.b.H.', 'Müller GmbH & Co. KG', 'Müller GmbH & Co.KG', 'Müller AG', 'Müller AG & Co. KG',
    'Müller KG', 'Müller OHG', 'Müller GbR', 'Müller UG (haftungsbeschränkt)', 'Müller UG (haftungsbeschr.)', 'Müller e.K.',
    'Müller e. K.', 'Müller eK', 'Müller e.Kfm.', 'Müller e. Kfr.', 'Müller e.V.', 'Müller eG', 'Müller SE', 'Müller KGaA',
    'Müller PartG mbB', 'Müller Ltd.', 'Müller Inc.', 'Müller LLC', 'Müller S.A.', 'Müller B.V.', 'Müller & Co.', 'Müller & Co. KG',
    'Müller Gesellschaft mit beschränkter Haftung', 'Müller Aktiengesellschaft', 'Mueller GmbH, Köln', 'Müller GmbH (Köln)',
    'Müller GmbH, 50667 Köln', 'Müller GmbH - Niederlassung Köln', '  Müller   GmbH  ',
  ])('folds the legal form and a trailing place away: %s', (name) => {
    expect(normaliseCompanyName(name)).toBe('mueller')
  })

  it('reads &, + , und and and alike, and punctuation as spaces', () => {
    const expected = 'mueller soehne'
    for (const name of ['Müller & Söhne', 'Müller und Söhne', 'Müller and Söhne', 'Müller + Söhne', 'Müller u. Söhne', 'Müller-Söhne']) {
      expect(normaliseCompanyName(name)).toBe(expected)
    }
    expect(normaliseCompanyName('Die Bäckerei Müller GbR')).toBe('baeckerei mueller')
  })

  it('keeps the place apart and never mistakes a second name for one', () => {
    expect(parseCompanyName('Mueller GmbH, Köln')).toEqual({ name: 'mueller', words: ['mueller'], place: 'koeln' })
    expect(parseCompanyName('Müller, Schmidt & Partner').name).toBe('mueller schmidt partner')
    expect(parseCompanyName('Müller, GmbH')).toEqual({ name: 'mueller', words: ['mueller'], place: '' })
    expect(normaliseCompanyName('AG')).toBe('ag') // nothing but a legal form stays a name
  })
})

describe('Kölner Phonetik (talisman)', () => {
  it.each([
    // Müller-Lüdenscheidt: codes 60550750206880022, doubles merged 6050750206802, zeros dropped.
    ['Müller-Lüdenscheidt', '65752682'], ['Wikipedia', '3412'], ['Breschnew', '17863'],
    ['Müller', '657'], ['Mueller', '657'], ['Möller', '657'], ['Miller', '657'], ['Meier', '67'], ['Mayer', '67'], ['Maier', '67'],
    ['Meyer', '67'], ['Schmidt', '862'], ['Schmitt', '862'], ['Schneider', '8627'], ['Fischer', '387'], ['Philipp', '351'],
    ['Filip', '351'], ['Christoph', '47823'], ['Czech', '84'], ['Xaver', '4837'], ['Knox', '4648'], ['Marc', '678'], ['Mark', '674'],
    ['Gauß', '48'], ['Hoffmann', '366'], ['Hofmann', '366'], ['', ''], ['2024', ''],
  ])('%s → %s', (word, code) => {
    expect(colognePhonetic(word)).toBe(code)
  })
})

describe('phones and e-mail domains', () => {
  it('normalises German numbers written every way to E.164', () => {
    for (const phone of ['0221 123456', '+49 221 123456', '0049 (221) 12 34 56', '(0221) 12 34 56', '0221/123456', '+49 (0)221 123456']) {
      expect(normalisePhone(phone)).toBe('+49221123456')
    }
    expect(normalisePhone('0172 1234567')).toBe('+491721234567')
    expect(normalisePhone('+1 415 555 2671')).toBe('+14155552671')
    for (const phone of ['', 'abc', '12', 'n/a', null, undefined]) expect(normalisePhone(phone)).toBeNull()
  })

  it('takes the domain in lower case and ignores freemail for companies', () => {
    expect(emailDomain('Info@Mueller-Bau.DE')).toBe('mueller-bau.de')
    expect(emailDomain('www.mueller-bau.de')).toBe('mueller-bau.de')
    expect(emailDomain('no address')).toBeNull()
    for (const domain of ['gmx.de', 'gmx.net', 'web.de', 't-online.de', 'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.de',
      'hotmail.com', 'hotmail.de', 'yahoo.de', 'yahoo.com', 'yahoo.co.uk', 'icloud.com', 'posteo.de', 'mail.de', 'freenet.de']) {
      expect(isFreemailDomain(domain), domain).toBe(true)
      expect(companyEmailDomain(`anna@${domain}`)).toBeNull()
    }
    expect(companyEmailDomain('anna.schmidt@mueller-bau.de')).toBe('mueller-bau.de')
    expect(isFreemailDomain('mail.mueller-bau.de')).toBe(false)
  })
})

describe('companyDuplicateScore', () => {
  it('finds "Müller GmbH" and "Mueller GmbH, Köln": the same name alone is a likely duplicate', () => {
    const result = companyDuplicateScore(company('a', 'Müller GmbH'), company('b', 'Mueller GmbH, Köln'))
    expect(result).toEqual({ score: 60, reasons: ['sameName'] })
    expect(result.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_SCORE)
  })

  it('uses the place after the name as the city', () => {
    const result = companyDuplicateScore(company('a', 'Müller GmbH', { city: 'Köln', postalCode: '50667' }), company('b', 'Mueller GmbH, Köln'))
    expect(result).toEqual({ score: 70, reasons: ['sameName', 'sameCity'] })
  })

  it('does not flag different names at the same postcode', () => {
    const place = { postalCode: '50667', city: 'Köln' }
    const result = companyDuplicateScore(company('a', 'Müller GmbH', place), company('b', 'Schmidt GmbH', place))
    expect(result).toEqual({ score: 35, reasons: ['samePostalCode', 'sameCity'] })
    expect(result.score).toBeLessThan(LIKELY_DUPLICATE_SCORE)
  })

  it('flags the same name in another city, lower than the same name at the same postcode', () => {
    const cologne = company('a', 'Müller GmbH', { postalCode: '50667', city: 'Köln' })
    const elsewhere = companyDuplicateScore(cologne, company('b', 'Müller AG', { postalCode: '80331', city: 'München' }))
    const samePlace = companyDuplicateScore(cologne, company('c', 'Müller KG', { postalCode: '50667', city: 'Köln' }))
    expect(elsewhere.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_SCORE)
    expect(elsewhere.score).toBeLessThan(samePlace.score)
    expect(samePlace).toEqual({ score: 95, reasons: ['sameName', 'samePostalCode', 'sameCity'] })
  })

  it('needs a second sign for names that are only similar or sound alike', () => {
    expect(companyDuplicateScore(company('a', 'Meier Bau GmbH'), company('b', 'Meyer Bau GmbH'))).toEqual({ score: 30, reasons: ['soundsAlike'] })
    expect(companyDuplicateScore(company('a', 'Müller GmbH'), company('b', 'Muller GmbH'))).toEqual({ score: 45, reasons: ['similarName', 'soundsAlike'] })
    expect(companyDuplicateScore(company('a', 'Autohaus Schmidt'), company('b', 'Autohaus Schmid'))).toEqual({ score: 45, reasons: ['similarName', 'soundsAlike'] })
    expect(companyDuplicateScore(company('a', 'Logistikzentrum Krause'), company('b', 'Logistikzentrum Kraute'))).toEqual({ score: 35, reasons: ['similarName'] })
    const place = { postalCode: '50667', city: 'Köln' }
    expect(companyDuplicateScore(company('a', 'Meier Bau GmbH', place), company('b', 'Meyer Bau GmbH', place)).score).toBe(65)
    expect(companyDuplicateScore(company('a', 'Elektro Braun'), company('b', 'Elektro Bauer')).reasons).toEqual([])
  })

  it('counts customer number, phone and company e-mail domain, never a freemail domain', () => {
    const a = company('a', 'Alpha GmbH', { customerNumber: 'k-1001', phone: '0221 123456', emailDomains: ['info@alpha.de', 'x@gmx.de'] })
    const b = company('b', 'Beta AG', { customerNumber: 'K-1001', phone: '+49 221 123456', emailDomains: ['alpha.de', 'y@gmx.de'] })
    expect(companyDuplicateScore(a, b)).toEqual({ score: 100, reasons: ['sameCustomerNumber', 'samePhone', 'sameEmailDomain'] })
    const freemailOnly = companyDuplicateScore(company('a', 'Alpha', { emailDomains: ['a@gmx.de'] }), company('b', 'Beta', { emailDomains: ['b@gmx.de'] }))
    expect(freemailOnly).toEqual({ score: 0, reasons: [] })
  })
})

describe('contactDuplicateScore', () => {
  it('flags the same e-mail, and the same name within one company', () => {
    expect(contactDuplicateScore(contact('a', 'Anna', 'Schmidt', { email: 'A.Schmidt@alpha.de ' }), contact('b', 'A.', 'Schmitt', { email: 'a.schmidt@alpha.de' })).score).toBe(70)
    expect(contactDuplicateScore(contact('a', 'Jürgen', 'Müller', { companyId: 'c1' }), contact('b', 'Juergen', 'Mueller', { companyId: 'c1' })))
      .toEqual({ score: 60, reasons: ['sameName', 'sameCompany'] })
    expect(contactDuplicateScore(contact('a', 'Thomas', 'Meier', { companyId: 'c1' }), contact('b', 'Tomas', 'Meyer', { companyId: 'c1' })))
      .toEqual({ score: 50, reasons: ['soundsAlike', 'sameCompany'] })
    expect(contactDuplicateScore(contact('a', 'Hans-Peter', 'Schulze'), contact('b', 'Hans Peter', 'Schulze-Meier')))
      .toEqual({ score: 25, reasons: ['similarName'] })
  })

  it('does not flag namesakes in other companies, nor colleagues sharing the switchboard', () => {
    expect(contactDuplicateScore(contact('a', 'Thomas', 'Müller', { companyId: 'c1' }), contact('b', 'Thomas', 'Müller', { companyId: 'c2' })).score).toBe(45)
    const switchboard = { companyId: 'c1', phone: '0221 12345-0' }
    const colleagues = contactDuplicateScore(contact('a', 'Anna', 'Schmidt', switchboard), contact('b', 'Peter', 'Wagner', { ...switchboard, phone: '+49 221 123450' }))
    expect(colleagues).toEqual({ score: 45, reasons: ['samePhone', 'sameCompany'] })
  })
})

describe('findDuplicateCompanies and findDuplicateContacts', () => {
  it('lists each pair once, best first, never a record with itself', () => {
    const rows = [
      company('1', 'Müller GmbH', { postalCode: '50667' }), company('2', 'Mueller GmbH, Köln'), company('3', 'Schmidt GmbH', { postalCode: '50667' }),
      company('4', 'Müller KG', { postalCode: '50667' }), company('5', 'Schmidt Logistik', { phone: '0221 123456', postalCode: '50667' }),
      company('6', 'Hansa Transporte', { phone: '+49 221 123456' }),
    ]
    const pairs = findDuplicateCompanies(rows)
    expect(pairs.map((p) => [p.a.id, p.b.id, p.score, p.reasons])).toEqual([
      ['1', '4', 85, ['sameName', 'samePostalCode']], ['1', '2', 60, ['sameName']], ['2', '4', 60, ['sameName']], ['5', '6', 40, ['samePhone']],
    ].filter(([, , score]) => Number(score) >= LIKELY_DUPLICATE_SCORE))
    expect(findDuplicateCompanies(rows, { minScore: 70 })).toHaveLength(1)
    expect(findDuplicateCompanies(rows, { minScore: 40 }).map((p) => p.b.id)).toEqual(['4', '2', '4', '6'])
    // The same record listed twice is paired with the others, never with itself.
    const twice = findDuplicateCompanies([...rows, rows[0]!])
    expect(twice.filter((p) => p.a.id === p.b.id)).toEqual([])
  })

  it('finds contacts by e-mail, phone and name', () => {
    const rows = [
      contact('1', 'Anna', 'Schmidt', { companyId: 'c1', mobile: '0172 1234567' }), contact('2', 'Anna', 'Schmitt', { companyId: 'c2', phone: '+49 172 1234567' }),
      contact('3', 'Jürgen', 'Müller', { companyId: 'c1' }), contact('4', 'Juergen', 'Mueller', { companyId: 'c1' }), contact('5', 'Peter', 'Wagner', { companyId: 'c1' }),
    ]
    expect(findDuplicateContacts(rows).map((p) => [p.a.id, p.b.id, p.reasons])).toEqual([
      ['1', '2', ['soundsAlike', 'samePhone']], ['3', '4', ['sameName', 'sameCompany']],
    ])
  })

  it('loses no likely pair to blocking: the same pairs as comparing every company with every other', () => {
    const { rows } = generateCompanies(1500, 7)
    const features = rows.map(companyFeatures)
    const oracle: string[] = []
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const { score } = scoreCompanyFeatures(features[i]!, features[j]!)
        if (score >= LIKELY_DUPLICATE_SCORE) oracle.push(`${rows[i]!.id}|${rows[j]!.id}|${score}`)
      }
    }
    const found = findDuplicateCompanies(rows).map((p) => `${p.a.id}|${p.b.id}|${p.score}`)
    expect(found.sort()).toEqual(oracle.sort())
    expect(oracle.length).toBeGreaterThan(15)
  })

  it('finds every planted twin among 20,000 companies', () => {
    const { rows, planted } = generateCompanies(20_000)
    const pairs = findDuplicateCompanies(rows)
    const found = new Set(pairs.map((p) => `${p.a.id}|${p.b.id}`))
    expect([...planted].filter((key) => !found.has(key))).toEqual([])
    expect(found.size).toBe(pairs.length)
    expect(pairs.every((p) => p.a.id !== p.b.id && p.score >= LIKELY_DUPLICATE_SCORE)).toBe(true)
    expect(pairs.every((p, i) => i === 0 || pairs[i - 1]!.score >= p.score)).toBe(true)
  })
})
