// Completing a use-phase reminder wrote a German sentence before schema 8; it is read back into its event.
import { describe, expect, it } from 'vitest'
import { legacyTouchpoint } from '../../shared/modules/sync/legacy-events'
import { touchpointLine } from '../../shared/i18n/event-text'

describe('use-phase reminders done before schema 8', () => {
  it.each([
    ['Garantieende besprochen: Servicevertrag angeboten', 'asset.warrantyEndDiscussed', 'End of warranty discussed – Servicevertrag angeboten'],
    ['Für die Empfehlung bedankt: Blumen geschickt', 'referral.thanksSaid', 'Thanked for the referral – Blumen geschickt'],
    ['Nach Empfehlung oder Referenz gefragt: Referenzbesuch zugesagt', 'feedback.referralAsked', 'Asked for a referral or reference – Referenzbesuch zugesagt'],
  ])('"%s" becomes %s', (summary, key, english) => {
    const converted = legacyTouchpoint(summary)
    expect(converted.messageKey).toBe(key)
    expect(touchpointLine('en', { messageKey: converted.messageKey, messageParams: converted.params!, summary: converted.text })).toBe(english)
    expect(touchpointLine('de', { messageKey: converted.messageKey, messageParams: converted.params!, summary: converted.text })).toBe(summary.replace(': ', ' – '))
  })
})
