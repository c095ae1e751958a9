import { z } from 'zod'
import { nameSchemas } from '../../shared/openapi-components.js'
import { rule } from '../../shared/validation.js'

/** 2026-02-30 is no day; whatever failed the pattern is not one either (and must not throw here). */
const isCalendarDate = (value: string) => {
  const moment = Date.parse(`${value}T00:00:00.000Z`)
  return !Number.isNaN(moment) && new Date(moment).toISOString().startsWith(value)
}
const shanghaiDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, rule('须为日期，格式 YYYY-MM-DD', 'must be a date, YYYY-MM-DD'))
  .refine(isCalendarDate, rule('不是有效的日期', 'is not a real date'))
  .describe('a Shanghai calendar date, YYYY-MM-DD')

export const certificateRequestSchema = z
  .object({
    from: shanghaiDate.describe('the first day of the period (Asia/Shanghai), YYYY-MM-DD'),
    to: shanghaiDate.describe('the last day of the period, included; not after today'),
  })
  .refine((period) => period.from <= period.to, rule('结束日期不能早于开始日期', 'must not be before from', ['to']))
export type CertificateRequest = z.infer<typeof certificateRequestSchema>

/** Crockford base32 in four groups: 80 random bits, read aloud or typed without 0/O or 1/I/L mix-ups. */
export const SERIAL_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/
export const serialParamsSchema = z.object({
  serial: z
    .string()
    .regex(SERIAL_PATTERN, rule('证书编号格式不对', 'is not a certificate serial'))
    .describe('the certificate’s serial, e.g. 7K3M-9QXD-2HFA-PW8R'),
})

export const certificateIssuedSchema = z.object({
  serial: z.string(),
  hours: z.number().describe('confirmed hours in the period, as the member record counts them'),
  from: z.string(),
  to: z.string(),
  url: z.string().describe('where the PDF is: /api/certificates/{serial}.pdf'),
})
export type CertificateIssued = z.infer<typeof certificateIssuedSchema>

export const certificateCheckSchema = z.object({
  serial: z.string(),
  valid: z
    .boolean()
    .describe('false once the confirmed hours of the period have been corrected below the certificate’s figure'),
  nameMasked: z.string().describe('the holder’s name, masked: 陈**'),
  hours: z.number(),
  from: z.string(),
  to: z.string(),
  community: z.string().describe('the issuing community'),
  issuedAt: z.string(),
})
export type CertificateCheck = z.infer<typeof certificateCheckSchema>

nameSchemas({ CertificateIssued: certificateIssuedSchema, CertificateCheck: certificateCheckSchema })
