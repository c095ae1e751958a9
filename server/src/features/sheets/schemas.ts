import { z } from 'zod'
import { sheetRowErrorSchema } from '../../shared/errors.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { SHEET_KINDS } from '../../shared/values/orders.js'

export const sheetKindSchema = z.enum(SHEET_KINDS)
export type SheetKind = z.infer<typeof sheetKindSchema>

export const sheetExportParamsSchema = z.object({ kind: sheetKindSchema })
export const sheetImportParamsSchema = z.object({ kind: sheetKindSchema })
export const sheetImportQuerySchema = z.object({
  mode: z
    .enum(['preview', 'apply'])
    .describe('preview writes nothing; apply writes every row or, with any error, none'),
})
export const sheetFileSchema = z
  .instanceof(Buffer)
  .describe('The file: an .xlsx workbook (its first sheet is read) or CSV in UTF-8; at most 5 MB and 5,000 rows')

export const sheetImportResponseSchema = z.object({
  kind: sheetKindSchema,
  mode: z.enum(['preview', 'apply']),
  rows: z.number().int().describe('data rows read (the header not counted)'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  verified: z
    .number()
    .int()
    .optional()
    .describe('members only: pending registrations the roster rows verify (preview: would verify)'),
  errors: z.array(sheetRowErrorSchema),
})
export type SheetImportResponse = z.infer<typeof sheetImportResponseSchema>

nameSchemas({ SheetImportResponse: sheetImportResponseSchema })
