// The integration API's OpenAPI description (served at GET /integrations/v1/openapi.json, no key needed):
// hand-written paths and answers, the request bodies generated from the very zod schemas the endpoints
// validate with (zod's own `toJSONSchema`, OpenAPI 3.0 target), so the description cannot drift from the checks.
import { z } from 'zod'
import { erpFactInputSchema } from '../../shared/modules/erp'
import { leadPostSchema } from '../../shared/modules/leads'
import { serviceRequestPostSchema } from '../../shared/modules/service'
import { MAX_BODY_BYTES } from '../../shared/modules/sync'
import { ERP_POST_MAX_ROWS } from './erp-facts'

const bodySchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' })

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })
const COMMON_ANSWERS = {
  400: error('`bad_request`: not JSON, or not the shape described'),
  401: error('`unauthenticated`: no key, a wrong, malformed or revoked key'),
  403: error('`forbidden`: the key may not post this kind'),
  409: error('`idempotency_key_reused`: the same Idempotency-Key with another body'),
  413: error(`\`too_large\`: a body over ${MAX_BODY_BYTES} bytes`),
  429: { ...error('`rate_limited`: too many posts with one key, or too many wrong keys from one address'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait' } } },
}
const IDEMPOTENCY = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'A retried post with the same key and body gets the first answer again (`replayed: true`); with another body 409.' }

/** Built once: the schemas never change while the server runs. */
export const INTEGRATION_OPENAPI = {
  openapi: '3.0.3',
  info: { title: 'Kundenreise integration API', version: '1', description: 'Sending systems post data (ERP facts, leads, service requests) to the sync server with an integration key (created by an admin, limited to its kinds). Answers are JSON; every refusal writes nothing.' },
  security: [{ integrationKey: [] }],
  paths: {
    '/integrations/v1/erp-facts': {
      post: {
        summary: 'ERP figures per customer number and month (kind erp_facts)',
        parameters: [IDEMPOTENCY],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, required: ['rows'], properties: { rows: { type: 'array', minItems: 1, maxItems: ERP_POST_MAX_ROWS, items: bodySchema(erpFactInputSchema) } } } } } },
        responses: {
          200: { description: 'written', content: { 'application/json': { schema: { type: 'object', properties: { received: { type: 'integer' }, created: { type: 'integer' }, updated: { type: 'integer' }, unchanged: { type: 'integer' }, replayed: { type: 'boolean' } } } } } },
          ...COMMON_ANSWERS,
          422: error('`invalid_rows`: `rows: [{index, field, problem}]` names every bad row'),
        },
      },
    },
    '/integrations/v1/leads': {
      post: {
        summary: 'One lead from marketing automation (kind leads); idempotent by the sender\'s `id`',
        parameters: [IDEMPOTENCY],
        requestBody: { required: true, content: { 'application/json': { schema: bodySchema(leadPostSchema) } } },
        responses: {
          200: { description: '`created: false` when a lead with this sender\'s id exists already; `updated: true` when the post brought new scoring events or a higher score (merged into the lead), `false` when it changed nothing', content: { 'application/json': { schema: { type: 'object', required: ['id', 'created', 'updated'], properties: { id: { type: 'string' }, created: { type: 'boolean' }, updated: { type: 'boolean' }, replayed: { type: 'boolean' } } } } } },
          ...COMMON_ANSWERS,
          422: error('`invalid_lead`: `problems: [{field, problem}]`, e.g. `person.email` `errors.leadUnreachable` (neither e-mail nor phone), `score` `errors.notNegative`'),
        },
      },
    },
    '/integrations/v1/service-requests': {
      post: {
        summary: 'One service request (kind service_requests); idempotent by the sender\'s `id`. Matched to a customer by `customerNumber` or the sender\'s e-mail address: a case (its number answered, an acknowledgement mailed), otherwise the triage list',
        parameters: [IDEMPOTENCY],
        requestBody: { required: true, content: { 'application/json': { schema: bodySchema(serviceRequestPostSchema) } } },
        responses: {
          200: { description: '`outcome: case` with the case `number`, or `outcome: triage`; `created: false` when this sender\'s id arrived before (nothing written)', content: { 'application/json': { schema: { type: 'object', required: ['outcome', 'created'], properties: { outcome: { type: 'string', enum: ['case', 'triage'] }, number: { type: 'string' }, created: { type: 'boolean' }, replayed: { type: 'boolean' } } } } } },
          ...COMMON_ANSWERS,
          422: error('`invalid_service_request`: `problems: [{field, problem}]`, e.g. `email` `errors.email`, `consent.given` `errors.serviceConsentRequired`'),
        },
      },
    },
  },
  components: {
    securitySchemes: { integrationKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer kr_… (an integration key)' } },
    schemas: {
      Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
    },
  },
}
