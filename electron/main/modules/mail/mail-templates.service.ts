// Mail templates per purpose and language: the built-in texts (`mail.template.*` in mail.texts.ts) unless the
// rep changed one in the settings (kept on this device in app_settings, key `mail.templates`).
import { z } from 'zod'
import { writeSetting } from '../../../../db/platform/local.repository'
import { messageText, type MessageKey } from '../../../../shared/i18n'
import { MAIL_PLACEHOLDERS, MAIL_PURPOSES, type MailPurpose, type MailTemplate } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'

type Language = 'de' | 'en'
const KEY = 'mail.templates'
const LANGUAGES: Language[] = ['de', 'en']

const storedSchema = z.record(z.string(), z.object({ subject: z.string(), body: z.string() }))
type Stored = z.infer<typeof storedSchema>

const slot = (purpose: MailPurpose, language: Language) => `${purpose}.${language}`

async function stored(ctx: ServiceContext): Promise<Stored> {
  const raw = (await ctx.db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst())?.value
  if (!raw) return {}
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

function builtIn(purpose: MailPurpose, language: Language) {
  return {
    subject: messageText(language, `mail.template.${purpose}.subject` as MessageKey),
    body: messageText(language, `mail.template.${purpose}.body` as MessageKey),
  }
}

/** The template a mail of `purpose` in `language` starts from. */
export async function templateOf(ctx: ServiceContext, purpose: MailPurpose, language: Language): Promise<MailTemplate> {
  const own = (await stored(ctx))[slot(purpose, language)]
  return { purpose, language, ...(own ?? builtIn(purpose, language)), custom: Boolean(own), placeholders: [...MAIL_PLACEHOLDERS[purpose]] }
}

export async function listTemplates(ctx: ServiceContext): Promise<MailTemplate[]> {
  const own = await stored(ctx)
  return MAIL_PURPOSES.flatMap((purpose) => LANGUAGES.map((language) => {
    const mine = own[slot(purpose, language)]
    return { purpose, language, ...(mine ?? builtIn(purpose, language)), custom: Boolean(mine), placeholders: [...MAIL_PLACEHOLDERS[purpose]] }
  }))
}

/** Saves a template (its placeholders were checked by the channel's schema). */
export async function saveTemplate(ctx: ServiceContext, t: { purpose: MailPurpose; language: Language; subject: string; body: string }): Promise<MailTemplate> {
  const own = await stored(ctx)
  own[slot(t.purpose, t.language)] = { subject: t.subject, body: t.body }
  await writeSetting(ctx.db, KEY, JSON.stringify(own))
  return templateOf(ctx, t.purpose, t.language)
}

export async function resetTemplate(ctx: ServiceContext, t: { purpose: MailPurpose; language: Language }): Promise<MailTemplate> {
  const own = await stored(ctx)
  delete own[slot(t.purpose, t.language)]
  await writeSetting(ctx.db, KEY, JSON.stringify(own))
  return templateOf(ctx, t.purpose, t.language)
}
