// The seller's company profile (letterhead, footer, bank details) and the rep's signature, per device.
import { z } from 'zod'
import { emailSchema, phoneSchema, text } from '../common.schema'

export const companyProfileSchema = z.object({
  name: text(200),
  street: text(200),
  postalCode: text(10),
  city: text(100),
  phone: phoneSchema,
  email: emailSchema,
  website: text(200),
  logoPath: text(1000),
  managingDirectors: text(300),
  registerCourt: text(200),
  registerNumber: text(100),
  vatId: text(40),
  bankName: text(200),
  iban: text(40).refine((v) => v === '' || /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/.test(v.toUpperCase()), 'errors.iban'),
  bic: text(20),
  repJobTitle: text(100),
  repPhone: phoneSchema,
  defaultDeliveryTerms: text(2000),
})
export type CompanyProfileSettings = z.output<typeof companyProfileSchema>
