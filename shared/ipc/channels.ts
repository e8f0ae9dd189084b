// The list of channels the preload exposes and main serves; contract.ts must cover exactly these.
export const CHANNELS = [
  'app.info',
  'settings.get',
  'settings.update',
  'users.list',
  'companies.list',
  'companies.get',
  'companies.create',
  'companies.update',
  'companies.delete',
  'companies.stationCounts',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'personas.list',
  'personas.get',
  'personas.create',
  'personas.update',
  'personas.delete',
  'touchpoints.list',
  'touchpoints.create',
  'touchpoints.delete',
  'timeline.forCompany',
  'demo.load',
] as const

export type Channel = (typeof CHANNELS)[number]

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value)
