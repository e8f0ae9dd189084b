// ERP facts (issue 17): where a month's figures came from.
export const ERP_FACT_SOURCES = ['import', 'erp'] as const
export type ErpFactSource = (typeof ERP_FACT_SOURCES)[number]

/** A month as the facts store it, "YYYY-MM". */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
