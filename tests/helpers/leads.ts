// A lead as marketing automation posts it (tests of the lead intake and the inbox).
export const validLead = (over: Record<string, unknown> = {}) => ({
  id: 'hs-4711',
  person: { firstName: 'Greta', lastName: 'Hansen', email: 'greta.hansen@example.de' },
  company: { name: 'Hansen Logistik GmbH' },
  source: 'webinar',
  campaign: 'Herbst 2026',
  score: 72,
  events: [{ at: '2026-11-20T09:00:00Z', activity: 'Whitepaper geladen', points: 30 }, { at: '2026-11-25T14:00:00Z', activity: 'Webinar besucht', points: 42 }],
  consent: { given: true, at: '2026-11-20T09:00:00Z' },
  ...over,
})
