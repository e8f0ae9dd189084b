// The service intake's shared rules (issue 19): the form/API schema with one error key per field, the case number
// and the customer number found in a mail's subject or text, the acknowledgement's text in both languages, and why
// a mail is set aside.
import { describe, expect, it } from 'vitest'
import { simpleParser } from 'mailparser'
import { caseNumberIn, customerNumberIn, serviceRequestFormSchema, serviceRequestPostSchema } from '../../shared/modules/service'
import { acknowledgementText } from '../../server/intake/acknowledge'
import { intakeConfigFromEnv, mailDomainOf } from '../../server/intake/config'
import { setAsideReason } from '../../server/intake/mailbox'

const form = { name: 'Jens Kruse', email: 'jens@kuehlhaus.example', customerNumber: '', subject: 'Defekt', description: 'Kühlt nicht.', consent: true }
const problems = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('service request schema', () => {
  it('takes a complete form, trims, and defaults the customer number', () => {
    const parsed = serviceRequestFormSchema.parse({ ...form, name: '  Jens Kruse ', customerNumber: undefined })
    expect(parsed).toMatchObject({ name: 'Jens Kruse', customerNumber: '' })
  })
  it('names each bad field with its error key', () => {
    expect(problems(serviceRequestFormSchema.safeParse({ ...form, name: ' ', email: 'x@', subject: 'a'.repeat(201), description: '', consent: false, customerNumber: 'K 1\u0000' }))).toEqual({
      name: 'errors.required', email: 'errors.email', subject: 'errors.tooLong', description: 'errors.required', consent: 'errors.serviceConsentRequired', customerNumber: 'errors.invalid',
    })
  })
  it('the API post needs the sender\'s id and refuses unknown fields', () => {
    const post = { id: 'web-1', name: 'A', email: 'a@b.example', subject: 'S', description: 'D', consent: { given: true } }
    expect(serviceRequestPostSchema.safeParse(post).success).toBe(true)
    expect(problems(serviceRequestPostSchema.safeParse({ ...post, id: 'mit leerzeichen', extra: 1 }))).toEqual({ id: 'errors.invalid', '': expect.any(String) })
  })
})

describe('numbers in a mail', () => {
  it('finds a case number of a laptop or of the server', () => {
    expect(caseNumberIn('Re: Ihre Serviceanfrage S-2026-INBOX-0012: Kälte')).toBe('S-2026-INBOX-0012')
    expect(caseNumberIn('Frage zu S-2026-7KQ3M-0001?')).toBe('S-2026-7KQ3M-0001')
    expect(caseNumberIn('Angebot A-2026-7KQ3M-0001')).toBeNull()
    expect(caseNumberIn('XS-2026-7KQ3M-0001')).toBeNull()
  })
  it('finds the customer number after its usual names', () => {
    expect(customerNumberIn('unsere Kundennummer: K-1001. Danke')).toBe('K-1001')
    expect(customerNumberIn('Kd.-Nr. 4711')).toBe('4711')
    expect(customerNumberIn('Kunden-Nr 88-12 bitte')).toBe('88-12')
    expect(customerNumberIn('customer number #A7')).toBe('A7')
    expect(customerNumberIn('Die Nummer ist K-1001')).toBeNull()
  })
})

describe('acknowledgement and mail handling', () => {
  it('names the case number in subject and text, in German and English', () => {
    const de = acknowledgementText('de', { name: 'Jens Kruse', number: 'S-2026-INBOX-0001', subject: 'Defekt' })
    expect(de.subject).toBe('Ihre Serviceanfrage S-2026-INBOX-0001: Defekt')
    expect(de.text).toContain('Guten Tag Jens Kruse')
    expect(de.text).toContain('Fallnummer S-2026-INBOX-0001')
    expect(acknowledgementText('en', { name: 'A', number: 'S-1', subject: 'B' }).subject).toBe('Your service request S-1: B')
  })
  it('sets aside a mail without sender, an automatic one, a bounce, our own', async () => {
    const parse = (headers: string) => simpleParser(Buffer.from(`${headers}\r\nSubject: x\r\n\r\nText\r\n`))
    expect(setAsideReason(await parse('To: a@b.example'), 'service@x.example')).toBe('no_sender')
    expect(setAsideReason(await parse('From: a@b.example\r\nAuto-Submitted: auto-replied'), 'service@x.example')).toBe('automatic')
    expect(setAsideReason(await parse('From: MAILER-DAEMON@b.example'), 'service@x.example')).toBe('automatic')
    expect(setAsideReason(await parse('From: Service <SERVICE@x.example>'), 'service@x.example')).toBe('own_mail')
    expect(setAsideReason(await parse('From: Jens <jens@b.example>'), 'service@x.example')).toBeNull()
  })
  it('reads its settings from the environment and refuses half ones', () => {
    expect(intakeConfigFromEnv({})).toEqual({ imap: null, smtp: null, from: '', pollSeconds: 60 })
    expect(() => intakeConfigFromEnv({ INTAKE_IMAP_HOST: 'imap.example.de' })).toThrow(/INTAKE_IMAP_USER/)
    expect(() => intakeConfigFromEnv({ INTAKE_SMTP_HOST: 'smtp.example.de' })).toThrow(/INTAKE_MAIL_FROM/)
    expect(() => intakeConfigFromEnv({ INTAKE_SMTP_HOST: 'smtp.example.de', INTAKE_SMTP_SECURITY: 'ssl', INTAKE_MAIL_FROM: 'a@b.de' })).toThrow(/SECURITY/)
    expect(intakeConfigFromEnv({ INTAKE_SMTP_HOST: 'smtp.example.de', INTAKE_SMTP_PORT: '587', INTAKE_SMTP_SECURITY: 'starttls', INTAKE_MAIL_FROM: 'Service <service@Example.de>' }).smtp)
      .toEqual({ host: 'smtp.example.de', port: 587, security: 'starttls', user: '', password: '' })
    expect(mailDomainOf('Service <service@Example.de>')).toBe('example.de')
  })
})
