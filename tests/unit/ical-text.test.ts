// A title or place with a bare carriage return must not become a property of its own in a calendar (the feed, an
// invitation): ical.js escapes line feeds but writes a CR as it is, which some clients read as a line break.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { icalText } from '../../shared/platform/ical-text'

const hostile = 'Besuch\rORGANIZER:mailto:boss@evil.example\u0000\u001b'

function written(summary: string): string {
  const event = new ICAL.Component('vevent')
  event.addPropertyWithValue('summary', summary)
  return event.toString()
}

describe('iCalendar text', () => {
  it('keeps text and line breaks, and turns other control characters into spaces', () => {
    expect(icalText('Prüfstand, Halle 7; Tor 2')).toBe('Prüfstand, Halle 7; Tor 2')
    expect(icalText('Zeile 1\r\nZeile 2\rZeile 3\tTab')).toBe('Zeile 1\nZeile 2\nZeile 3\tTab')
    expect(icalText(hostile)).toBe('Besuch\nORGANIZER:mailto:boss@evil.example  ')
  })

  it('leaves no bare carriage return in what ical.js writes, so no property can be smuggled in', () => {
    expect(written(hostile)).toMatch(/Besuch\rORGANIZER/) // the library alone would write it
    const safe = written(icalText(hostile))
    expect(safe).not.toMatch(/\r(?!\n)/)
    const parsed = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${safe}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vevent')!
    expect(parsed.getAllProperties().map((p) => p.name)).toEqual(['summary'])
    expect(parsed.getFirstPropertyValue('summary')).toBe('Besuch\nORGANIZER:mailto:boss@evil.example  ')
  })
})
