// The offer letter's introduction reads the pre-offer conversation as prose (issue 13 item 4): the
// rep's notes (one point per line, or between semicolons, or bulleted) become "A, B und C" inside
// whole sentences, never glued with their own punctuation ("…; Schulungsaufwand. – nehmen wir ernst").
import { describe, expect, it } from 'vitest'
import { joinPoints, notePoints } from '../../shared/modules/offers/offer-letter.rules'
import { translate } from '../../shared/i18n'

describe('conversation notes as points', () => {
  it('splits lines and semicolons, drops bullets and closing punctuation', () => {
    expect(notePoints('Ausfallzeiten bei der Umstellung; Schulungsaufwand.')).toEqual(['Ausfallzeiten bei der Umstellung', 'Schulungsaufwand'])
    expect(notePoints('- Termintreue\n• Service vor Ort;\n\n1. Preis!')).toEqual(['Termintreue', 'Service vor Ort', 'Preis'])
    expect(notePoints('Ausschussquote unter 1 %')).toEqual(['Ausschussquote unter 1 %'])
    expect(notePoints('  ;\n ')).toEqual([])
  })
  it('joins them as a person would, in either language', () => {
    expect(joinPoints(['A'], 'de')).toBe('A')
    expect(joinPoints(['A', 'B'], 'de')).toBe('A und B')
    expect(joinPoints(['A', 'B', 'C'], 'de')).toBe('A, B und C')
    expect(joinPoints(['A', 'B', 'C'], 'en')).toBe('A, B and C')
  })
})

describe('the introduction\'s sentences', () => {
  const worries = (note: string, language: 'de' | 'en', benefits: 'yes' | 'no' = 'yes') => {
    const points = notePoints(note)
    return translate(language, 'letter.offer.worries', { list: joinPoints(points, language), count: points.length, benefits })
  }
  it('worries: whole sentences, one or several, with or without benefits following', () => {
    const text = worries('Ausfallzeiten bei der Umstellung; Schulungsaufwand.', 'de')
    expect(text).toBe('Offen angesprochen haben Sie auch Ihre Sorgen: Ausfallzeiten bei der Umstellung und Schulungsaufwand. Wir nehmen das ernst und bieten Ihnen deshalb:')
    expect(text).not.toMatch(/;|\.\s*–|– nehmen/)
    expect(worries('Stillstand der Linie.', 'de', 'no')).toBe('Offen angesprochen haben Sie auch Ihre Sorge: Stillstand der Linie. Wir nehmen das ernst und haben unser Angebot darauf abgestimmt.')
    expect(worries('downtime; training effort.', 'en')).toBe('You were also open about your concerns: downtime and training effort. We take this seriously, which is why we offer you:')
  })
  it('needs and goals end as sentences', () => {
    expect(translate('de', 'letter.offer.needs', { list: joinPoints(notePoints('Prüfzeiten halbieren\nweniger Ausschuss.'), 'de') })).toBe('Sie haben uns geschildert, worauf es Ihnen ankommt: Prüfzeiten halbieren und weniger Ausschuss.')
    expect(translate('de', 'letter.offer.goals', { list: 'Ausschussquote unter 1 %', count: 1 })).toBe('Ihr Ziel dabei ist klar: Ausschussquote unter 1 %.')
    expect(translate('en', 'letter.offer.goals', { list: 'A and B', count: 2 })).toBe('Your goals are clear: A and B.')
  })
})
