// What another laptop pushes as an event is checked like any other column: a known key, and parameters
// that are a small flat JSON object of short texts and numbers — anything else is refused before it is stored.
import { describe, expect, it } from 'vitest'
import { rowProblem } from '../../shared/modules/sync/row-schemas'

const touchpoint = (message_key: unknown, message_params: unknown) => ({ summary: '', message_key, message_params })

describe('event columns in pushed rows', () => {
  it('accepts a known key with flat parameters, and a row without an event', () => {
    expect(rowProblem('touchpoints', touchpoint('offer.sent', '{"number":"A-1"}'), 'patch')).toBeNull()
    expect(rowProblem('touchpoints', touchpoint(null, null), 'patch')).toBeNull()
    expect(rowProblem('case_events', { message_key: 'case.status', message_params: '{"to":"resolved"}' }, 'patch')).toBeNull()
  })

  it.each([
    ['an unknown key', touchpoint('offer.hacked', '{}')],
    ['a case key on a touchpoint', touchpoint('case.status', '{"to":"new"}')],
    ['parameters that are not JSON', touchpoint('offer.sent', '{number:')],
    ['nested parameters', touchpoint('offer.sent', '{"number":{"path":"/etc/passwd"}}')],
    ['a parameter array', touchpoint('offer.sent', '["A-1"]')],
    ['a NUL in a parameter', touchpoint('offer.sent', JSON.stringify({ number: 'A\u0000' }))],
    ['too many parameters', touchpoint('offer.sent', JSON.stringify(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`p${i}`, 'x']))))],
    ['a parameter name that is no identifier', touchpoint('offer.sent', '{"../x":"A-1"}')],
    ['a key that is not text', touchpoint(7, '{}')],
  ])('refuses %s', (_, row) => {
    expect(rowProblem('touchpoints', row, 'patch')).not.toBeNull()
  })
})
