// The pure parts of filing mails (issue 15): Message-IDs from headers, the first lines, UID sets, an envelope
// that fits the synced column, and the read errors in codes.
import { describe, expect, it } from 'vitest'
import { messageIdsOf, normaliseMessageId, mailAddressOf, withoutControls } from '../../electron/main/modules/mail/imap-envelope'
import { readErrorOf } from '../../electron/main/modules/mail/imap-errors'
import { uidSet } from '../../electron/main/modules/mail/imap-reader'
import { boundedMeta } from '../../electron/main/modules/mail/mail-filing'
import { snippetOf } from '../../electron/main/modules/mail/mailbox-parse'
import { mailMetaJson } from '../../shared/modules/customers'

describe('Message-IDs', () => {
  it('are kept without angle brackets, the first of a header that names several', () => {
    expect(normaliseMessageId('<abc.123@brunsviga.de>')).toBe('abc.123@brunsviga.de')
    expect(normaliseMessageId('  <a@b> <c@d>')).toBe('a@b')
    expect(normaliseMessageId('bare@id.de')).toBe('bare@id.de')
    expect(normaliseMessageId('')).toBe('')
    expect(normaliseMessageId(`<${'x'.repeat(2_000)}@a>`).length).toBe(998)
  })

  it('of a References header come in order', () => {
    expect(messageIdsOf('<a@x>\r\n <b@x> <c@x>')).toEqual(['a@x', 'b@x', 'c@x'])
    expect(messageIdsOf('')).toEqual([])
  })
})

describe('addresses', () => {
  it('are lower-cased; a name loses its line breaks; a group or garbage is no address', () => {
    expect(mailAddressOf({ name: 'Anna\r\nBerger', address: 'Anna.Berger@Brunsviga.DE' })).toEqual({ name: 'Anna  Berger', address: 'anna.berger@brunsviga.de' })
    expect(mailAddressOf({ name: 'Verteiler' })).toBeNull()
    expect(mailAddressOf({ address: 'kein-at-zeichen' })).toBeNull()
    expect(withoutControls('a\u0000b\u007fc')).toBe('abc')
  })
})

describe('the first lines', () => {
  it('leave out quoted lines, what follows the signature or the quoted mail, and stay within 300 characters', () => {
    expect(snippetOf('Guten Tag,\n\nbitte um Rückruf.\n\n> alte Mail\n-- \nAnna Berger\nTel. 0531')).toBe('Guten Tag, bitte um Rückruf.')
    expect(snippetOf('Sehr geehrte Frau Berger,\n\nanbei das Angebot.\n\nMit freundlichen Grüßen nach Braunschweig\n\nJan Petersen')).toBe('Sehr geehrte Frau Berger, anbei das Angebot.')
    expect(snippetOf('Ja, passt.\n\nAm 12.11.2026 um 10:00 schrieb Jan Vogel <jan@kundenreise.test>:\nalter Text')).toBe('Ja, passt.')
    const long = snippetOf('Wort '.repeat(200))
    expect(long.length).toBeLessThanOrEqual(300)
    expect(long.endsWith('…')).toBe(true)
  })
})

describe('UID sets', () => {
  it('join runs of UIDs into ranges', () => {
    expect(uidSet([1, 2, 3, 5, 7, 8])).toBe('1:3,5,7:8')
    expect(uidSet([42])).toBe('42')
  })
})

describe('the envelope on the touchpoint', () => {
  it('fits the synced column however many recipients a mail names (long Cc lists are cut first)', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ name: 'N'.repeat(200), address: `person${i}.${'x'.repeat(200)}@example.de` }))
    const meta = boundedMeta({ from: { name: 'Anna', address: 'anna@brunsviga.de' }, to: many, cc: many, snippet: 'Hallo', attachments: [] })
    expect(mailMetaJson.safeParse(JSON.stringify(meta)).success).toBe(true)
    expect(meta.to.length).toBeGreaterThan(0)
  })
})

describe('read errors', () => {
  it('are codes the page says in words, with the server’s words as detail', () => {
    expect(readErrorOf(Object.assign(new Error('Invalid credentials'), { authenticationFailed: true }))).toMatchObject({ error: 'auth' })
    expect(readErrorOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual({ error: 'connection', detail: 'ECONNREFUSED: connect ECONNREFUSED' })
    expect(readErrorOf(Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).error).toBe('tls')
    expect(readErrorOf(Object.assign(new Error('t'), { code: 'CONNECT_TIMEOUT' })).error).toBe('timeout')
    expect(readErrorOf('weird').error).toBe('unknown')
  })
})
