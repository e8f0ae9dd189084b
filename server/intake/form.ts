// The service form (issue 19, docs/service-intake.md "Web form"): a small self-contained HTML page the sync server
// serves at GET /intake/v1/service-form (German by default, English with ?lang=en), embeddable in the company's
// website with an iframe, and its POST. No script: a plain form, styled inline, that works in any browser.
// A post is refused before anything is written when it is over the body limit (413), when its address posted too
// often (429), and quietly — the same thank-you page, nothing written — when the hidden honeypot field is filled.
// Field problems come back as the form with each field's message (422). The log names path, status and reason only.
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { bodyLimit } from 'hono/body-limit'
import type { Context, Hono } from 'hono'
import { translateFromData } from '../../shared/i18n'
import { SERVICE_REQUEST_LIMITS, serviceRequestFormSchema } from '../../shared/modules/service'
import { resolveClientAddress, type TrustedProxies } from '../auth/client-address'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import { takeRequest, type IntakeOptions } from './requests'

export const FORM_PATH = '/intake/v1/service-form'

export interface FormLimits {
  /** Posts one address may make per window; more are answered 429 until the window is over. */
  postsPerWindow: number
  windowMs: number
  /** The largest form body in bytes (the fields' limits come to about 11 KB). */
  maxBodyBytes: number
}

export const DEFAULT_FORM_LIMITS: FormLimits = { postsPerWindow: 10, windowMs: 60_000, maxBodyBytes: 32 * 1024 }

export interface FormRouteOptions {
  store: Store
  clock: () => Date
  peerAddress?: (c: Context) => string | undefined
  trustedProxies: TrustedProxies
  limits?: Partial<FormLimits>
  intake: IntakeOptions
  /** Who may embed the form in a frame (CSP frame-ancestors), e.g. "https://www.example.de"; by default any site. */
  frameAncestors?: string
}

type Language = 'de' | 'en'
const FIELDS = ['name', 'email', 'customerNumber', 'subject', 'description'] as const
type Field = (typeof FIELDS)[number]
type Values = Partial<Record<Field | 'consent', string>>
type Problems = Partial<Record<Field | 'consent', string>>

const languageOf = (value: unknown): Language => (value === 'en' ? 'en' : 'de')
const tr = (language: Language, key: string) => translateFromData(language, key)
const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

const STYLE = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;margin:0;padding:16px;background:#fff}
main{max-width:640px;margin:0 auto}h1{font-size:1.4em;margin:0 0 .3em}p.intro{color:#4a5766;margin:0 0 1em}
label{display:block;font-weight:600;margin:.8em 0 .25em}input[type=text],input[type=email],textarea{box-sizing:border-box;width:100%;padding:.5em .6em;border:1px solid #9aa7b5;border-radius:4px;font:inherit}
textarea{min-height:8em;resize:vertical}[aria-invalid=true]{border-color:#b3261e;outline:1px solid #b3261e}.error{color:#b3261e;margin:.2em 0 0;font-size:.93em}
.consent{display:flex;gap:.5em;align-items:flex-start;font-weight:400;margin-top:1em}.consent input{margin-top:.3em}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:1.2em;padding:.6em 1.4em;font:inherit;font-weight:600;color:#fff;background:#1f5fa8;border:0;border-radius:4px;cursor:pointer}
.notice{padding:.8em 1em;border-radius:4px;background:#e7f3ea;color:#1d4d2b}.notice.bad{background:#fbe9e7;color:#7a1a12}`

function page(language: Language, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escape(tr(language, 'intake.form.title'))}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

export function formPage(language: Language, submission: string, values: Values = {}, problems: Problems = {}): string {
  const field = (name: Field, type: 'text' | 'email' | 'textarea', required: boolean, max: number) => {
    const id = `f-${name}`
    const problem = problems[name]
    const attrs = `id="${id}" name="${name}" maxlength="${max}"${required ? ' required' : ''}${problem ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}`
    const value = escape(values[name] ?? '')
    const input = type === 'textarea' ? `<textarea ${attrs}>${value}</textarea>` : `<input type="${type}" ${attrs} value="${value}"${type === 'email' ? ' autocomplete="email"' : name === 'name' ? ' autocomplete="name"' : ''}>`
    return `<label for="${id}">${escape(tr(language, `intake.form.${name}`))}</label>${input}${problem ? `<p class="error" id="${id}-error">${escape(tr(language, problem))}</p>` : ''}`
  }
  const anyProblem = Object.keys(problems).length > 0
  const consentProblem = problems.consent
  return page(language, `<h1>${escape(tr(language, 'intake.form.title'))}</h1><p class="intro">${escape(tr(language, 'intake.form.intro'))}</p>` +
    (anyProblem ? `<p class="notice bad" role="alert">${escape(tr(language, 'intake.form.fix'))}</p>` : '') +
    `<form method="post" action="${FORM_PATH}?lang=${language}" novalidate>` +
    `<input type="hidden" name="lang" value="${language}"><input type="hidden" name="submission" value="${escape(submission)}">` +
    field('name', 'text', true, SERVICE_REQUEST_LIMITS.name) + field('email', 'email', true, SERVICE_REQUEST_LIMITS.email) +
    field('customerNumber', 'text', false, SERVICE_REQUEST_LIMITS.customerNumber) + field('subject', 'text', true, SERVICE_REQUEST_LIMITS.subject) +
    field('description', 'textarea', true, SERVICE_REQUEST_LIMITS.description) +
    // The honeypot: hidden from people (off-screen, out of the tab order, hidden from screen readers); a bot fills it.
    `<div class="hp" aria-hidden="true"><label for="f-website">${escape(tr(language, 'intake.form.honeypot'))}</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<label class="consent"><input type="checkbox" name="consent" value="yes"${values.consent === 'yes' ? ' checked' : ''}${consentProblem ? ' aria-invalid="true" aria-describedby="f-consent-error"' : ''}> <span>${escape(tr(language, 'intake.form.consent'))}</span></label>` +
    (consentProblem ? `<p class="error" id="f-consent-error">${escape(tr(language, consentProblem))}</p>` : '') +
    `<button type="submit">${escape(tr(language, 'intake.form.send'))}</button></form>`)
}

const notice = (language: Language, key: string, bad = false) => page(language, `<h1>${escape(tr(language, 'intake.form.title'))}</h1><p class="notice${bad ? ' bad' : ''}" role="status">${escape(tr(language, key))}</p>`)

const newSubmission = () => randomBytes(18).toString('base64url')
const COUNTER = '#intake-form'

/** Counts the address's post in its fixed window; answers the seconds to wait once the window's posts are used up. */
async function takeFormPost(db: Kysely<ServerDatabase>, address: string, now: Date, limits: FormLimits): Promise<number> {
  const t = now.getTime()
  const windowStart = t - limits.windowMs
  await db.insertInto('login_throttle').values({ login: COUNTER, address, attempts: 1, last_at: t, last_success_at: null })
    .onConflict((oc) => oc.columns(['login', 'address']).doUpdateSet({
      attempts: sql<number>`case when login_throttle.last_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
      last_at: sql<number>`case when login_throttle.last_at < ${windowStart} then ${t} else login_throttle.last_at end`,
    })).execute()
  const row = await db.selectFrom('login_throttle').select(['attempts', 'last_at']).where('login', '=', COUNTER).where('address', '=', address).executeTakeFirstOrThrow()
  return Number(row.attempts) > limits.postsPerWindow ? Math.max(1, Math.ceil((Number(row.last_at) + limits.windowMs - t) / 1000)) : 0
}

export function mountServiceFormRoutes(app: Hono<{ Variables: { actor: Actor } }>, options: FormRouteOptions): void {
  const { store, clock } = options
  const limits: FormLimits = { ...DEFAULT_FORM_LIMITS, ...options.limits }
  const refused = (c: Context, status: number, reason: string) => console.warn(`[intake] refused ${c.req.method} ${c.req.path}: ${status} ${reason}`)
  const html = (c: Context, body: string, status: 200 | 413 | 422 | 429 = 200) => {
    c.header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${options.frameAncestors ?? '*'}`)
    c.header('x-content-type-options', 'nosniff')
    c.header('cache-control', 'no-store')
    c.header('referrer-policy', 'no-referrer')
    return c.html(body, status)
  }

  app.get(FORM_PATH, (c) => html(c, formPage(languageOf(c.req.query('lang')), newSubmission())))

  app.post(FORM_PATH, bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: (c) => {
      refused(c, 413, 'too_large')
      // The body is not read: the page's language comes from the form's address (?lang=).
      return html(c, notice(languageOf(c.req.query('lang')), 'intake.form.tooLarge', true), 413)
    },
  }), async (c) => {
    const now = clock()
    const address = resolveClientAddress(options.peerAddress?.(c), c.req.header('x-forwarded-for'), options.trustedProxies)
    const wait = await takeFormPost(store.db, address, now, limits)
    let form: Record<string, string | File | (string | File)[]>
    try {
      form = await c.req.parseBody()
    } catch {
      form = {}
    }
    const value = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
    const language = languageOf(value('lang') || c.req.query('lang'))
    if (wait > 0) {
      refused(c, 429, 'rate_limited')
      c.header('Retry-After', String(wait))
      return html(c, notice(language, 'intake.form.tooMany', true), 429)
    }
    if (value('website').trim() !== '') {
      // A bot: answered like a person, so it learns nothing; nothing is written.
      refused(c, 200, 'honeypot')
      return html(c, notice(language, 'intake.form.thanks'))
    }
    const values: Values = Object.fromEntries([...FIELDS, 'consent'].map((f) => [f, value(f)]))
    const parsed = serviceRequestFormSchema.safeParse({ ...values, consent: values.consent === 'yes' })
    const submission = /^[A-Za-z0-9_-]{16,64}$/.test(value('submission')) ? value('submission') : newSubmission()
    if (!parsed.success) {
      const problems: Problems = {}
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '') as Field | 'consent'
        if (name && !problems[name]) problems[name] = issue.message.startsWith('errors.') ? issue.message : 'errors.invalid'
      }
      refused(c, 422, `invalid ${Object.keys(problems).sort().join(',')}`)
      return html(c, formPage(language, submission, values, problems), 422)
    }
    const r = parsed.data
    await takeRequest(store, {
      source: 'web', key: `form:${submission}`, externalId: submission, writer: 'service form', name: r.name, email: r.email,
      customerNumber: r.customerNumber, subject: r.subject, description: r.description, receivedAt: now.toISOString(), language,
    }, now, options.intake)
    // The same answer whether the request became a case or waits in triage: the page tells nobody who is a customer.
    return html(c, notice(language, 'intake.form.thanks'))
  })
}
