// What a synced row may hold, one definition for both sides: the laptop's write path checks every row
// it writes against it (db/platform/synced-writes.ts), the sync server checks every pushed operation
// against it (server/sync/validate.ts), and the laptop checks every pulled row before applying it
// (electron/main/modules/sync/apply.ts). The columns are the domain columns as stored (snake_case); the
// value lists come from the domain enums, so a new status is added in one place.
import { z } from 'zod'
import { CANCELLED_BY, CHURN_REASONS, CONTRACT_EVENTS, CONTRACT_STATUSES, CONTRACT_TYPES } from '../contracts'
import { NOTICE_UNITS } from '../contracts'
import {
  ATTITUDES, BUYING_ROLES, COMPANY_STATUSES, CONSENT_CHANNELS, CONSENT_PURPOSES, DIRECTIONS, FEDERAL_STATES, INFLUENCE_LEVELS, LANGUAGES, LEAD_SOURCES,
  SALUTATIONS, SEGMENTS, TOUCHPOINT_CHANNELS, TOUCHPOINT_MODES, TOUCHPOINT_RELATED_TYPES, YES_NO_UNKNOWN, mailMetaJson,
} from '../customers'
import { CUSTOMER_EVENTS, JOURNEY_REASONS, STATIONS } from '../customers'
import { APPROVAL_STATUSES, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, LOST_REASONS, OFFER_EVENTS, OFFER_STATUSES, PROMISE_EVENTS, PROMISE_STATUSES } from '../offers'
import {
  CASE_CHANNELS, CASE_EVENT_KINDS, CASE_EVENTS, SERVICE_TOUCHPOINT_EVENTS, CASE_STATUSES, CASE_TYPES, COMPLAINT_CATEGORIES, FEEDBACK_KINDS, PRIORITIES,
  RETURN_REASONS, RETURN_STATUSES, WARRANTY_DECISIONS,
  SERVICE_REQUEST_DISCARD_REASONS, SERVICE_REQUEST_SOURCES, SERVICE_REQUEST_STATUSES, TRIAGE_REASONS,
} from '../service'
import { AUDIT_KINDS, ERASED_TABLES, OFFER_DECISIONS } from '../dsgvo'
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, PLANNING_RELATED_TYPES, PLANNING_TITLE_KEYS, PLANNING_TOUCHPOINT_EVENTS, TASK_PRIORITIES, TASK_RECURRENCES, TASK_STATUSES } from '../planning'
import { ERP_FACT_SOURCES, MONTH_PATTERN } from '../erp'
import { LEAD_MAX_SCORE, LEAD_REJECT_REASONS, LEAD_STATUSES, leadEventsJson } from '../leads'
import { TEAM_SETTING_KEYS, TRIGGER_ACTIONS, TRIGGER_REASON_EVENTS, TRIGGER_SIGNALS, TRIGGER_TITLE_KEYS, teamSettingValueJson } from '../success'
import { CONFLICT_KINDS, type SyncTableName } from './tables'
import { ALLOWED_MIMES, MAX_NAME } from '../files'
import { eventParamsJson } from '../../platform/event-message'
import { percent, quantity } from '../../platform/line-items.schema'

/** A column: its type, and whether an insert may leave it out (the table has a default or allows null). */
interface Column {
  type: z.ZodType
  optional: boolean
}

/** Row ids are made on the device (UUIDv7); older data and the local user may carry other safe ids. */
const ID = /^[A-Za-z0-9-]{1,64}$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const DATE_OR_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** A German wall-clock time, "YYYY-MM-DDTHH:MM" (appointments). */
const LOCAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/

const realDate = (value: string) => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const req = (type: z.ZodType): Column => ({ type, optional: false })
const opt = (type: z.ZodType): Column => ({ type, optional: true })

/** Free text: bounded, and never a NUL (no store, file name or letter takes one). */
const text = (max = 10_000) => z.string().max(max).refine((value) => !value.includes('\u0000'))
/** Text that is never a path or a markup trick: printable, no slashes, no NUL (document numbers). */
const number = z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'errors.invalid')
const id = z.string().regex(ID)
const date = z.string().regex(DATE).refine(realDate)
const dateOrTime = z.string().regex(DATE_OR_TIME).refine(realDate)
const localTime = z.string().regex(LOCAL_TIME).refine(realDate)
const int = (min: number, max: number) => z.number().int().min(min).max(max)
const real = (min: number, max: number) => z.number().finite().min(min).max(max)
const flag = z.union([z.literal(0), z.literal(1)])
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values)
const oneOfOrEmpty = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal('')])
const nullable = (type: z.ZodType) => type.nullable()
const money = int(-1_000_000_000_000, 1_000_000_000_000)
const vatRate = z.union([z.literal(0), z.literal(7), z.literal(19)])
const keysOf = (...definitions: Record<string, unknown>[]) => definitions.flatMap((d) => Object.keys(d)) as [string, ...string[]]
/** The events the app records on a customer's timeline and on a case's: a closed list of message keys. */
const touchpointEvent = z.enum(keysOf(CUSTOMER_EVENTS, OFFER_EVENTS, { 'promise.kept': PROMISE_EVENTS['promise.kept'] }, CONTRACT_EVENTS, SERVICE_TOUCHPOINT_EVENTS, PLANNING_TOUCHPOINT_EVENTS))
const caseEvent = z.enum(keysOf(CASE_EVENTS))
const triggerReason = z.enum(keysOf(TRIGGER_REASON_EVENTS))

/** Any key, at any depth, that names a path (logoPath, logo_path, …): checked on the parsed keys, so escapes cannot hide one. */
const hasPathKey = (value: unknown): boolean =>
  typeof value === 'object' && value !== null &&
  Object.entries(value).some(([key, inner]) => /path$/i.test(key) || hasPathKey(inner))

/** A sent revision's frozen letter input: a JSON object, and no file paths in it (the logo is the device's own). */
const snapshot = z.string().max(100_000).refine((value) => {
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && !hasPathKey(parsed)
  } catch {
    return false
  }
}, 'errors.invalid')

const termsLog = z.string().max(100_000).refine((value) => {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) && parsed.every((t) => typeof t === 'object' && t !== null && typeof (t as { start?: unknown }).start === 'string' && typeof (t as { end?: unknown }).end === 'string')
  } catch {
    return false
  }
}, 'errors.invalid')

const lineItem = {
  company_id: req(id),
  position: req(int(0, 100_000)),
  product_id: opt(nullable(id)),
  sku: opt(text(100)),
  name: req(text(500)),
  description: opt(text(5000)),
  // What the line totals can compute (the forms' own checks): a pulled line outside them would break every
  // laptop's view of its offer or contract.
  quantity: req(quantity),
  unit: opt(text(40)),
  unit_price_cents: req(money),
  discount_percent: opt(percent),
  vat_rate: opt(vatRate),
  optional: opt(flag),
}

const COLUMNS = {
  companies: {
    name: req(text(200).min(1)),
    customer_number: opt(text(40)),
    street: opt(text(200)),
    postal_code: opt(text(20)),
    city: opt(text(100)),
    federal_state: opt(oneOfOrEmpty(FEDERAL_STATES)),
    industry: opt(text(100)),
    segment: opt(oneOfOrEmpty(SEGMENTS)),
    status: req(oneOf(COMPANY_STATUSES)),
    owner_id: opt(z.union([id, z.literal('')])),
    lead_source: opt(oneOfOrEmpty(LEAD_SOURCES)),
    notes: opt(text()),
    team_id: opt(z.union([id, z.literal('')])),
    former_numbers: opt(text(400)),
    merged_into: opt(z.union([id, z.literal('')])),
  },
  contacts: {
    company_id: req(id),
    salutation: opt(oneOf(SALUTATIONS)),
    title: opt(text(50)),
    first_name: opt(text(100)),
    last_name: req(text(100).min(1)),
    job_function: opt(text(200)),
    email: opt(text(254)),
    phone: opt(text(40)),
    mobile: opt(text(40)),
    language: opt(oneOf(LANGUAGES)),
    buying_role: opt(oneOfOrEmpty(BUYING_ROLES)),
    attitude: opt(oneOfOrEmpty(ATTITUDES)),
    influence: opt(oneOfOrEmpty(INFLUENCE_LEVELS)),
    worries: opt(text()),
    goals: opt(text()),
    persona_id: opt(nullable(id)),
    notes: opt(text()),
  },
  personas: {
    name: req(text(200).min(1)),
    motto: opt(text()), who: opt(text()), why_goals: opt(text()), wants_to_know: opt(text()), job_function: opt(text()),
    language_style: opt(text()), information_prejudices: opt(text()), worries: opt(text()), information_channels: opt(text()),
    values_attitudes: opt(text()), contact_channel: opt(text()), trigger_events: opt(text()),
    former_customer: opt(oneOf(YES_NO_UNKNOWN)),
    knows_competitors: opt(text()),
  },
  touchpoints: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    occurred_at: req(dateOrTime),
    channel: req(oneOf(TOUCHPOINT_CHANNELS)),
    direction: req(oneOf(DIRECTIONS)),
    mode: req(oneOf(TOUCHPOINT_MODES)),
    station: req(oneOf(STATIONS)),
    summary: req(text()),
    message_key: opt(nullable(touchpointEvent)),
    message_params: opt(nullable(eventParamsJson)),
    created_by: opt(text(64)),
    related_type: opt(nullable(oneOf(TOUCHPOINT_RELATED_TYPES))),
    related_id: opt(nullable(id)),
    mail_message_id: opt(nullable(text(998).min(1))),
    mail_meta: opt(nullable(mailMetaJson)),
  },
  promises: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    conversation_id: opt(nullable(id)),
    offer_id: opt(nullable(id)),
    title: req(text(500).min(1)),
    due_date: req(date),
    owner_id: req(id),
    status: opt(oneOf(PROMISE_STATUSES)),
    done_at: opt(nullable(dateOrTime)),
    changed_at: opt(nullable(dateOrTime)),
    created_by: opt(text(64)),
  },
  tasks: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    related_type: opt(nullable(oneOf(PLANNING_RELATED_TYPES))),
    related_id: opt(nullable(id)),
    title: req(text(200).min(1)),
    title_key: opt(z.enum(['', ...TRIGGER_TITLE_KEYS, ...PLANNING_TITLE_KEYS])),
    title_params: opt(eventParamsJson),
    notes: opt(text(5000)),
    due_date: req(date),
    due_time: opt(nullable(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
    priority: opt(oneOf(TASK_PRIORITIES)),
    owner_id: req(id),
    status: opt(oneOf(TASK_STATUSES)),
    done_at: opt(nullable(dateOrTime)),
    outcome: opt(text(2000)),
    touchpoint_id: opt(nullable(id)),
    source_touchpoint_id: opt(nullable(id)),
    recurrence: opt(oneOf(TASK_RECURRENCES)),
    recurrence_interval: opt(int(1, 52)),
    recurrence_until: opt(nullable(date)),
    recurrence_count: opt(nullable(int(2, 500))),
    occurrence: opt(int(1, 500)),
    series_id: opt(nullable(id)),
    created_by: opt(text(64)),
    trigger_firing_id: opt(nullable(id)),
  },
  appointments: {
    company_id: req(id),
    kind: opt(oneOf(APPOINTMENT_KINDS)),
    title: req(text(200).min(1)),
    starts_at: req(localTime),
    ends_at: req(localTime),
    location: opt(text(500)),
    notes: opt(text(5000)),
    owner_id: req(id),
    status: opt(oneOf(APPOINTMENT_STATUSES)),
    related_type: opt(nullable(oneOf(PLANNING_RELATED_TYPES))),
    related_id: opt(nullable(id)),
    report_touchpoint_id: opt(nullable(id)),
    sequence: opt(int(0, 100_000)),
    created_by: opt(text(64)),
  },
  appointment_participants: {
    appointment_id: req(id),
    company_id: req(id),
    contact_id: opt(nullable(id)),
    user_id: opt(nullable(id)),
  },
  products: {
    sku: req(text(100)),
    name: req(text(500).min(1)),
    description: opt(text(5000)),
    unit: opt(text(40)),
    list_price_cents: req(money),
    vat_rate: opt(vatRate),
    warranty_months: opt(int(0, 1200)),
    active: opt(flag),
    purchase_price_cents: opt(nullable(money)),
  },
  conversations: {
    company_id: req(id),
    held_at: req(dateOrTime),
    situation: opt(text()), needs: opt(text()), goals: opt(text()), worries: opt(text()), decision_criteria: opt(text()),
    budget: opt(text()), decision_timeline: opt(text()), decision_process: opt(text()), competitors: opt(text()), next_steps: opt(text()),
    created_by: opt(text(64)),
  },
  consents: {
    company_id: req(id),
    contact_id: req(id),
    channel: req(oneOf(CONSENT_CHANNELS)),
    purpose: req(oneOf(CONSENT_PURPOSES)),
    given_on: req(date),
    source: opt(text(200)),
    withdrawn_on: opt(nullable(date)),
    note: opt(text(1000)),
  },
  conversation_participants: {
    conversation_id: req(id),
    company_id: req(id),
    contact_id: req(id),
    buying_role: opt(oneOfOrEmpty(BUYING_ROLES)),
    influence: opt(oneOfOrEmpty(INFLUENCE_LEVELS)),
    attitude: opt(oneOfOrEmpty(ATTITUDES)),
    cares_about: opt(text()),
  },
  offers: {
    company_id: req(id),
    number: req(number),
    contact_id: opt(nullable(id)),
    conversation_id: opt(nullable(id)),
    owner_id: opt(text(64)),
    status: req(oneOf(OFFER_STATUSES)),
    revision: opt(int(1, 10_000)),
    offer_date: req(date),
    valid_until: req(date),
    offer_discount_percent: opt(percent),
    payment_net_days: opt(int(0, 3650)),
    skonto_percent: opt(real(0, 100)),
    skonto_days: opt(int(0, 3650)),
    delivery_terms: opt(text()),
    introduction: opt(text()),
    benefits: opt(text()),
    net_cents: opt(money),
    gross_cents: opt(money),
    sent_at: opt(nullable(dateOrTime)),
    closed_at: opt(nullable(dateOrTime)),
    order_date: opt(nullable(date)),
    order_value_cents: opt(nullable(money)),
    lost_reason: opt(oneOfOrEmpty(LOST_REASONS)),
    lost_competitor: opt(text(200)),
    lost_note: opt(text()),
    recontact_on: opt(nullable(date)),
    contract_id: opt(nullable(id)),
    contract_term_months: opt(int(0, 1200)),
  },
  offer_items: { offer_id: req(id), ...lineItem },
  offer_revisions: {
    offer_id: req(id),
    company_id: req(id),
    revision: req(int(1, 10_000)),
    sent_at: req(dateOrTime),
    snapshot: req(snapshot),
  },
  follow_ups: {
    offer_id: req(id),
    company_id: req(id),
    owner_id: opt(text(64)),
    kind: req(oneOf(FOLLOW_UP_KINDS)),
    due_date: req(date),
    planned_date: req(date),
    status: opt(oneOf(FOLLOW_UP_STATUSES)),
    done_at: opt(nullable(dateOrTime)),
    outcome: opt(text()),
    touchpoint_id: opt(nullable(id)),
  },
  contracts: {
    company_id: req(id),
    number: req(number),
    contact_id: opt(nullable(id)),
    offer_id: opt(nullable(id)),
    type: req(oneOf(CONTRACT_TYPES)),
    title: req(text(200)),
    owner_id: opt(text(64)),
    status: req(oneOf(CONTRACT_STATUSES)),
    start_date: req(date),
    minimum_term_months: req(int(1, 1200)),
    term_start: req(date),
    end_date: req(date),
    cancel_by: req(date),
    notice_value: req(int(0, 3650)),
    notice_unit: req(oneOf(NOTICE_UNITS)),
    renewal_months: opt(int(0, 1200)),
    renewal_lead_days: opt(int(0, 3650)),
    annual_value_cents: opt(money),
    notes: opt(text()),
    terms_log: opt(termsLog),
    review_due: opt(nullable(date)),
    review_done_at: opt(nullable(dateOrTime)),
    final_due: opt(nullable(date)),
    final_done_at: opt(nullable(dateOrTime)),
    cancelled_by: opt(oneOfOrEmpty(CANCELLED_BY)),
    cancellation_received_on: opt(nullable(date)),
    cancellation_effective_on: opt(nullable(date)),
    churn_reason: opt(oneOfOrEmpty(CHURN_REASONS)),
    churn_note: opt(text()),
  },
  contract_items: { contract_id: req(id), ...lineItem },
  assets: {
    company_id: req(id),
    product_id: opt(nullable(id)),
    name: req(text(500).min(1)),
    serial_number: opt(text(100)),
    site: opt(text(500)),
    delivered_on: opt(nullable(date)),
    installed_on: opt(nullable(date)),
    warranty_end: opt(nullable(date)),
    contract_id: opt(nullable(id)),
    owner_id: opt(text(64)),
    notes: opt(text()),
    warranty_reminder_due: opt(nullable(date)),
    warranty_reminder_done_at: opt(nullable(dateOrTime)),
  },
  cases: {
    company_id: req(id),
    number: req(number),
    type: req(oneOf(CASE_TYPES)),
    contact_id: opt(nullable(id)),
    asset_id: opt(nullable(id)),
    channel: req(oneOf(CASE_CHANNELS)),
    received_at: req(dateOrTime),
    subject: req(text(500)),
    description: opt(text()),
    priority: req(oneOf(PRIORITIES)),
    owner_id: opt(text(64)),
    status: req(oneOf(CASE_STATUSES)),
    acknowledge_due: req(dateOrTime),
    resolve_due: req(dateOrTime),
    sla_due: opt(nullable(dateOrTime)),
    acknowledged_at: opt(nullable(dateOrTime)),
    resolved_at: opt(nullable(dateOrTime)),
    closed_at: opt(nullable(dateOrTime)),
    rejection_reason: opt(text()),
    category: opt(oneOfOrEmpty(COMPLAINT_CATEGORIES)),
    root_cause: opt(text()),
    corrective_action: opt(text()),
    goodwill_cents: opt(money),
    satisfaction: opt(nullable(int(1, 5))),
    under_warranty: opt(nullable(flag)),
    warranty_decision: opt(oneOfOrEmpty(WARRANTY_DECISIONS)),
    decision_reason: opt(text()),
    rma_number: opt(text(40)),
    return_status: opt(oneOfOrEmpty(RETURN_STATUSES)),
  },
  case_lines: {
    case_id: req(id),
    company_id: req(id),
    position: req(int(0, 100_000)),
    product_id: opt(nullable(id)),
    name: req(text(500)),
    quantity: req(int(1, 1_000_000)),
    reason: req(oneOf(RETURN_REASONS)),
  },
  case_events: {
    case_id: req(id),
    company_id: req(id),
    at: req(dateOrTime),
    kind: req(oneOf(CASE_EVENT_KINDS)),
    text: opt(text()),
    message_key: opt(nullable(caseEvent)),
    message_params: opt(nullable(eventParamsJson)),
    customer_informed: opt(flag),
    created_by: opt(text(64)),
  },
  referrals: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    referred_company_id: req(id),
    owner_id: opt(text(64)),
    note: opt(text()),
    thank_due: opt(nullable(date)),
    thanked_at: opt(nullable(dateOrTime)),
    reward: opt(text(500)),
    reward_value_cents: opt(money),
  },
  feedback: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    kind: req(oneOf(FEEDBACK_KINDS)),
    station: opt(oneOfOrEmpty(STATIONS)),
    given_on: req(date),
    score: opt(nullable(int(0, 10))),
    comment: opt(text()),
    quote_permission: opt(flag),
    before_figure: opt(text(500)),
    after_figure: opt(text(500)),
    owner_id: opt(text(64)),
    ask_due: opt(nullable(date)),
    ask_done_at: opt(nullable(dateOrTime)),
  },  erp_facts: {
    company_id: req(id),
    month: req(z.string().regex(MONTH_PATTERN)),
    revenue_cents: opt(int(0, 1_000_000_000_000)),
    open_items_cents: opt(int(0, 1_000_000_000_000)),
    days_overdue: opt(int(0, 36_500)),
    source: opt(oneOf(ERP_FACT_SOURCES)),
  },
  leads: {
    external_id: req(text(100).min(1)),
    integration: opt(text(64)),
    source: req(text(100).min(1)),
    campaign: opt(text(200)),
    first_name: opt(text(100)),
    last_name: req(text(100).min(1)),
    email: opt(nullable(text(254))),
    phone: opt(nullable(text(40))),
    company_name: req(text(200).min(1)),
    score: opt(int(0, LEAD_MAX_SCORE)),
    events: opt(leadEventsJson),
    consent_given: opt(flag),
    consent_at: opt(nullable(dateOrTime)),
    received_at: req(dateOrTime),
    status: opt(oneOf(LEAD_STATUSES)),
    reject_reason: opt(nullable(oneOf(LEAD_REJECT_REASONS))),
    converted_company_id: opt(nullable(id)),
    contact_id: opt(nullable(id)),
    decided_by: opt(nullable(text(64))),
    decided_at: opt(nullable(dateOrTime)),
    postal_code: opt(text(10)),
    city: opt(text(100)),
    country: opt(text(2)),
    federal_state: opt(oneOfOrEmpty(FEDERAL_STATES)),
    budget: opt(text(500)),
    need: opt(text(2000)),
    timing: opt(text(500)),
    decision_maker: opt(text(500)),
    assigned_to: opt(nullable(id)),
  },
  service_requests: {
    source: req(oneOf(SERVICE_REQUEST_SOURCES)),
    external_id: req(text(998).min(1)),
    name: opt(text(100)),
    email: req(text(254)),
    customer_number: opt(text(40)),
    subject: req(text(998).min(1)),
    description: opt(text()),
    received_at: req(dateOrTime),
    reason: req(oneOf(TRIAGE_REASONS)),
    status: opt(oneOf(SERVICE_REQUEST_STATUSES)),
    discard_reason: opt(nullable(oneOf(SERVICE_REQUEST_DISCARD_REASONS))),
    case_id: opt(nullable(id)),
    company_id: opt(nullable(id)),
    decided_by: opt(nullable(text(64))),
    decided_at: opt(nullable(dateOrTime)),
  },
  team_settings: {
    team_id: opt(text(64)),
    key: req(oneOf(TEAM_SETTING_KEYS)),
    value: req(teamSettingValueJson),
  },
  trigger_rules: {
    team_id: opt(text(64)),
    signal: req(oneOf(TRIGGER_SIGNALS)),
    enabled: opt(flag),
    threshold: req(int(0, 365)),
    action: opt(oneOf(TRIGGER_ACTIONS)),
    target_user_id: opt(nullable(text(64))),
    updated_by: opt(text(64)),
  },
  trigger_firings: {
    company_id: req(id),
    signal: req(oneOf(TRIGGER_SIGNALS)),
    occasion: req(text(200).min(1)),
    fired_on: req(date),
    action: opt(oneOf(TRIGGER_ACTIONS)),
    assignee_id: opt(text(64)),
    task_id: opt(nullable(id)),
    related_type: opt(nullable(oneOf(PLANNING_RELATED_TYPES))),
    related_id: opt(nullable(id)),
    message_key: req(triggerReason),
    message_params: opt(eventParamsJson),
  },
  offer_approvals: {
    offer_id: req(id),
    company_id: req(id),
    requested_by: req(text(64).min(1)),
    requested_at: req(dateOrTime),
    item_percent: opt(real(0, 100)),
    offer_percent: opt(real(0, 100)),
    margin_percent: opt(nullable(real(-1_000_000, 100))),
    comment: opt(text(2000)),
    status: opt(oneOf(APPROVAL_STATUSES)),
    decided_by: opt(nullable(text(64))),
    decided_at: opt(nullable(dateOrTime)),
    approved_limit_percent: opt(nullable(real(0, 100))),
    decline_reason: opt(text(2000)),
    seen_at: opt(nullable(dateOrTime)),
  },
  journey_changes: {
    company_id: req(id),
    station: opt(nullable(oneOf(STATIONS))),
    reason: req(oneOf(JOURNEY_REASONS)),
    status: req(oneOf(COMPANY_STATUSES)),
    changed_on: req(date),
  },
  attachments: {
    company_id: req(id),
    contact_id: opt(nullable(id)),
    offer_id: opt(nullable(id)),
    contract_id: opt(nullable(id)),
    case_id: opt(nullable(id)),
    sha256: req(z.string().regex(/^[0-9a-f]{64}$/)),
    size: req(int(1, 10 * 1024 * 1024 * 1024)),
    mime: req(oneOf(ALLOWED_MIMES)),
    name: req(text(MAX_NAME).pipe(z.string().min(1))),
    created_by: opt(text(64)),
  },

  audit_events: {
    kind: req(oneOf(AUDIT_KINDS)),
    channel: req(text(64)),
    subject_id: opt(z.union([id, z.literal('')])),
    format: opt(text(16)),
    rows: opt(int(0, 10_000_000)),
    at: req(dateOrTime),
    by_user: opt(text(64)),
  },
  erasures: {
    // '' for a lead that was never converted: it belongs to no company (the erasure is organisation-wide).
    company_id: req(z.union([id, z.literal('')])),
    table_name: req(oneOf(ERASED_TABLES)),
    row_id: req(id),
    erased_by: req(text(64)),
    erased_at: req(dateOrTime),
    offer_decision: opt(oneOfOrEmpty(OFFER_DECISIONS)),
  },
  sync_conflicts: {
    table_name: req(text(64)),
    row_id: req(id),
    field: req(text(64)),
    kind: req(oneOf(CONFLICT_KINDS)),
    // JSON-encoded values: a text of 100,000 characters takes a few more once quoted and escaped.
    server_value: opt(nullable(text(700_000))),
    client_value: opt(nullable(text(700_000))),
    server_user: opt(text(200)),
    server_at: opt(text(40)),
    client_user: opt(text(200)),
    client_at: opt(text(40)),
    resolved_at: opt(nullable(dateOrTime)),
    resolved_by: opt(nullable(text(200))),
    resolution: opt(nullable(oneOf(['server', 'client', 'acknowledged'] as const))),
  },
  users: {
    display_name: req(text(200)),
    email: opt(text(254)),
    role: opt(text(40)),
    team_id: opt(text(64)),
  },
} as const satisfies Record<SyncTableName, Record<string, Column>>

/**
 * Columns fixed once the row exists: document numbers (they name files and letters), a row's company
 * and the record it belongs to, and everything of a frozen revision.
 */
export const IMMUTABLE_COLUMNS: Partial<Record<SyncTableName, readonly string[]>> = {
  contacts: ['company_id'],
  touchpoints: ['company_id'],
  conversations: ['company_id'],
  conversation_participants: ['company_id', 'conversation_id'],
  consents: ['company_id', 'contact_id', 'channel', 'purpose', 'given_on'],
  offers: ['company_id', 'number'],
  offer_items: ['company_id', 'offer_id'],
  offer_revisions: ['company_id', 'offer_id', 'revision', 'sent_at', 'snapshot'],
  follow_ups: ['company_id', 'offer_id', 'kind'],
  promises: ['company_id', 'conversation_id', 'created_by'],
  contracts: ['company_id', 'number'],
  contract_items: ['company_id', 'contract_id'],
  assets: ['company_id'],
  cases: ['company_id', 'number', 'type'],
  case_lines: ['company_id', 'case_id'],
  case_events: ['company_id', 'case_id', 'at', 'kind', 'message_key', 'message_params', 'created_by'],
  referrals: ['company_id', 'referred_company_id'],
  feedback: ['company_id'],
  tasks: ['company_id', 'series_id', 'occurrence', 'created_by', 'trigger_firing_id'],
  appointments: ['company_id', 'created_by'],
  appointment_participants: ['company_id', 'appointment_id', 'contact_id', 'user_id'],
  erp_facts: ['company_id', 'month'],
  // What the sender posted is a fact; only the decision columns change (clientUpdatable in tables.ts).
  leads: ['external_id', 'integration', 'source', 'campaign', 'first_name', 'last_name', 'email', 'phone', 'company_name', 'score', 'events', 'consent_given', 'consent_at', 'received_at'],
  // What arrived is a fact; only the triage decision changes (clientUpdatable in tables.ts).
  service_requests: ['source', 'external_id', 'name', 'email', 'customer_number', 'subject', 'description', 'received_at', 'reason'],
  team_settings: ['team_id', 'key'],
  trigger_rules: ['team_id', 'signal'],
  // A firing is a fact: what it fired about never changes.
  trigger_firings: ['company_id', 'signal', 'occasion', 'fired_on', 'action', 'task_id', 'related_type', 'related_id', 'message_key', 'message_params'],
  // A request is a fact: what was asked for, by whom and when never changes (its decision is set once, push.ts).
  offer_approvals: ['company_id', 'offer_id', 'requested_by', 'requested_at', 'item_percent', 'offer_percent', 'margin_percent', 'comment'],
  // A change of station is a fact of its day; only a merge moves it to the surviving company.
  journey_changes: ['station', 'reason', 'status', 'changed_on'],
  // A file is its bytes: a new file is a new row; only a merge moves it to the surviving company.
  attachments: ['company_id', 'contact_id', 'offer_id', 'contract_id', 'case_id', 'sha256', 'size', 'mime', 'name', 'created_by'],
  sync_conflicts: ['table_name', 'row_id', 'field', 'kind', 'server_value', 'client_value'],
  // An erasure is a fact: written once, never changed (the server refuses updates and deletes of it too).
  erasures: ['company_id', 'table_name', 'row_id', 'erased_by', 'erased_at', 'offer_decision'],
  audit_events: ['kind', 'channel', 'subject_id', 'format', 'rows', 'at', 'by_user'],
}

/**
 * References to other synced rows: the target must exist, be visible to the writer, and sit with the
 * same company (`sameCompany`) — an item of one team's offer can never point into another team's offer.
 * An organisation-wide row (a lead, a service request) belongs to no company itself: its reference into a
 * customer's records names the company in another of its columns (`underColumn`), and the target must hang
 * off exactly that company — checked again when either column changes.
 */
export interface Reference {
  column: string
  table: SyncTableName
  sameCompany: boolean
  underColumn?: string
}
const ref = (column: string, table: SyncTableName, sameCompany = true): Reference => ({ column, table, sameCompany })
/** A reference of an organisation-wide row to a record under the company its column `underColumn` names. */
const refUnder = (column: string, table: SyncTableName, underColumn: string): Reference => ({ column, table, sameCompany: false, underColumn })

export const REFERENCES: Partial<Record<SyncTableName, readonly Reference[]>> = {
  contacts: [ref('persona_id', 'personas', false)],
  touchpoints: [ref('contact_id', 'contacts')],
  conversation_participants: [ref('conversation_id', 'conversations'), ref('contact_id', 'contacts')],
  consents: [ref('contact_id', 'contacts')],
  offers: [ref('contact_id', 'contacts'), ref('conversation_id', 'conversations'), ref('contract_id', 'contracts')],
  offer_items: [ref('offer_id', 'offers'), ref('product_id', 'products', false)],
  offer_revisions: [ref('offer_id', 'offers')],
  offer_approvals: [ref('offer_id', 'offers')],
  follow_ups: [ref('offer_id', 'offers'), ref('touchpoint_id', 'touchpoints')],
  promises: [ref('contact_id', 'contacts'), ref('conversation_id', 'conversations'), ref('offer_id', 'offers')],
  contracts: [ref('contact_id', 'contacts'), ref('offer_id', 'offers')],
  contract_items: [ref('contract_id', 'contracts'), ref('product_id', 'products', false)],
  assets: [ref('product_id', 'products', false), ref('contract_id', 'contracts')],
  cases: [ref('contact_id', 'contacts'), ref('asset_id', 'assets')],
  case_lines: [ref('case_id', 'cases'), ref('product_id', 'products', false)],
  case_events: [ref('case_id', 'cases')],
  referrals: [ref('contact_id', 'contacts'), ref('referred_company_id', 'companies', false)],
  feedback: [ref('contact_id', 'contacts')],
  tasks: [ref('contact_id', 'contacts'), ref('touchpoint_id', 'touchpoints'), ref('source_touchpoint_id', 'touchpoints')],
  appointments: [ref('report_touchpoint_id', 'touchpoints')],
  appointment_participants: [ref('appointment_id', 'appointments'), ref('contact_id', 'contacts')],
  attachments: [ref('contact_id', 'contacts'), ref('offer_id', 'offers'), ref('contract_id', 'contracts'), ref('case_id', 'cases')],
  // The decision on a lead: the company and contact it was converted into, the rep of the directory it went to.
  leads: [ref('converted_company_id', 'companies', false), refUnder('contact_id', 'contacts', 'converted_company_id'), ref('assigned_to', 'users', false)],
  // The triage of a service request: the customer it belongs to and the case made of it, under that customer.
  service_requests: [ref('company_id', 'companies', false), refUnder('case_id', 'cases', 'company_id')],
}

export type RowColumns = typeof COLUMNS
/** Laptops always send it; rows the server makes itself (the user directory) have none, and apply fills it in. */
const CREATED_AT = opt(dateOrTime)

function objectSchema(table: SyncTableName, partial: boolean): z.ZodObject {
  const shape: Record<string, z.ZodType> = {}
  const columns: Record<string, Column> = { created_at: CREATED_AT, ...COLUMNS[table] }
  for (const [name, column] of Object.entries(columns)) shape[name] = partial || column.optional ? column.type.optional() : column.type
  return z.object(shape).strict()
}

const full = new Map<SyncTableName, z.ZodObject>()
const patch = new Map<SyncTableName, z.ZodObject>()

/** The whole row as an insert carries it: required columns present, no unknown column, every value of its type. */
export function rowSchema(table: SyncTableName): z.ZodObject {
  let schema = full.get(table)
  if (!schema) full.set(table, (schema = objectSchema(table, false)))
  return schema
}

/** Any subset of the columns (an update's changed fields), each of its type. */
export function patchSchema(table: SyncTableName): z.ZodObject {
  let schema = patch.get(table)
  if (!schema) patch.set(table, (schema = objectSchema(table, true)))
  return schema
}

export const isSyncTable = (table: string): table is SyncTableName => Object.prototype.hasOwnProperty.call(COLUMNS, table)
export const domainColumns = (table: SyncTableName): string[] => ['created_at', ...Object.keys(COLUMNS[table])]

/** The first problem of a row, as `column: reason`, or null when the row is valid. */
export function rowProblem(table: SyncTableName, row: Record<string, unknown>, mode: 'row' | 'patch' = 'row'): string | null {
  const result = (mode === 'row' ? rowSchema(table) : patchSchema(table)).safeParse(row)
  if (result.success) return null
  const issue = result.error.issues[0]!
  const column = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.') || '(row)'
  const reason = issue.code === 'unrecognized_keys' ? 'unknown_column' : issue.path.length > 0 && row[String(issue.path[0])] === undefined ? 'required' : 'invalid'
  return `${column}: ${reason}`
}
