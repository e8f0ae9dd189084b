// The service intake's round (issue 19): every INTAKE_POLL_SECONDS the service mailbox is read and the waiting
// acknowledgements are sent. One round at a time; a failing round is logged (without personal data) and the next
// one tries again — the mailbox from where it stopped, the acknowledgements that are still waiting.
import type { Store } from '../store/open-store'
import { queueTriageAcknowledgements, sendAcknowledgements } from './acknowledge'
import { mailDomainOf, type IntakeConfig } from './config'
import { readServiceMailbox, type MailboxReport } from './mailbox'
import type { IntakeOptions } from './requests'

export const intakeOptionsOf = (config: IntakeConfig): IntakeOptions => ({ acknowledge: config.smtp !== null, mailDomain: mailDomainOf(config.from) })

const addressOf = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim()

/** One round: the mailbox, then the acknowledgements (those of the mails just read included). */
export async function intakeRound(store: Store, config: IntakeConfig, now: () => Date = () => new Date()): Promise<{ mailbox: MailboxReport | null; acks: { sent: number; failed: number } | null }> {
  let mailbox: MailboxReport | null = null
  if (config.imap) {
    try {
      mailbox = await readServiceMailbox(store, config.imap, { ...intakeOptionsOf(config), ownAddress: addressOf(config.from) }, now)
    } catch (err) {
      console.warn(`[intake] service mailbox not read: ${(err as { code?: string }).code ?? (err as Error).name}`)
    }
  }
  if (config.smtp) await queueTriageAcknowledgements(store, mailDomainOf(config.from), now())
  const acks = config.smtp ? await sendAcknowledgements(store, config.smtp, config.from, now) : null
  return { mailbox, acks }
}

/** Starts the rounds; answers `nudge` (a round soon: a case was just made, its acknowledgement waits) and `stop`. */
export function startIntake(store: Store, config: IntakeConfig): { nudge(): void; stop(): Promise<void> } {
  if (!config.imap && !config.smtp) return { nudge: () => undefined, stop: async () => undefined }
  let running: Promise<unknown> = Promise.resolve()
  let queued = false
  const round = () => {
    // At most one round waits behind the running one: many posts in a burst make one extra round, not many.
    if (queued) return
    queued = true
    running = running.then(() => {
      queued = false
      return intakeRound(store, config)
    }).catch((err: unknown) => console.warn(`[intake] round failed: ${(err as Error).name}`))
  }
  round()
  const timer = setInterval(round, config.pollSeconds * 1000)
  return {
    nudge: round,
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
