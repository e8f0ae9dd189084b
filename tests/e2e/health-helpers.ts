// Steps of the health score's end-to-end tests (health.spec.ts, health-sync.spec.ts): a complaint and an NPS answer
// typed through their forms, as a person would.
import type { Page } from '@playwright/test'
import { expect, openApp, type AppServer } from './fixtures'

/**
 * A complaint typed through the case form the company page's "Fall erfassen" opens (a double click saves once). The
 * form is opened by its address: a click on the link can miss while the panels above it are still loading and move it.
 */
export async function logComplaint(page: Page, app: AppServer, companyId: string, subject: string) {
  await openApp(page, app, `/cases/new?companyId=${companyId}`)
  const form = page.getByRole('form', { name: 'Servicefall' })
  await form.getByLabel(/^Art\b/).selectOption({ label: 'Reklamation' })
  await form.getByLabel('Priorität').selectOption({ label: 'Hoch' })
  await form.getByLabel('Betreff').fill(subject)
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name: /^Reklamation S-\d{4}-/ })).toBeVisible()
}

/** An NPS answer typed through the feedback form; it lands on the company page, which lists it. */
export async function logAnswer(page: Page, app: AppServer, companyId: string, nps: number) {
  await openApp(page, app, `/feedback/new?companyId=${companyId}`)
  const feedback = page.getByRole('form', { name: 'Feedback' })
  await feedback.getByLabel('Weiterempfehlung (0–10)').fill(String(nps))
  await feedback.getByLabel('Kommentar').fill('Zu viele Ausfälle in letzter Zeit')
  await feedback.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(page.getByRole('list', { name: 'Feedback' })).toContainText(`NPS ${nps}`)
}
