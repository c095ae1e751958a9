import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { errors } from '../../shared/errors.js'
import { createSheetCommands } from './commands.js'
import { CSV_TYPE, MAX_SHEET_BYTES, SHEET_TYPES, XLSX_TYPE } from './files.js'
import { exportSheet } from './queries.js'
import {
  sheetExportParamsSchema,
  sheetFileSchema,
  sheetImportParamsSchema,
  sheetImportQuerySchema,
  sheetImportResponseSchema,
} from './schemas.js'

const STAFF = ['staff'] as const
const FORMATS = [
  { extension: 'xlsx', type: XLSX_TYPE },
  { extension: 'csv', type: `${CSV_TYPE}; charset=utf-8` },
] as const

const sheetTypeOf = (contentType: string | undefined) =>
  SHEET_TYPES.find((type) => (contentType ?? '').split(';')[0]!.trim().toLowerCase() === type)

export const sheetRoutes =
  (db: Db, clock: () => Date, onStationsChanged: () => void): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createSheetCommands(db, clock, onStationsChanged)
    // The file is the body as sent: exceljs reads it, never a hand-written parser.
    app.addContentTypeParser([...SHEET_TYPES], { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES }, (_req, body, done) =>
      done(null, body),
    )

    for (const { extension, type } of FORMATS) {
      app.get(
        `/api/staff/sheets/:kind.${extension}`,
        {
          config: { access: STAFF },
          schema: {
            summary: `Export a sheet as .${extension} (staff)`,
            tags: ['sheets', 'staff'],
            description:
              'Every row of the kind the caller acts for (a district account: all), one header row of column keys ' +
              '(the API’s field names). ' +
              (extension === 'xlsx'
                ? 'A second sheet explains each column in Chinese and English. Text cells are stored as text.'
                : "UTF-8 with a BOM; a cell that could start a formula is written with a leading '."),
            params: sheetExportParamsSchema,
            produces: [type.split(';')[0]!],
            response: { 200: z.instanceof(Buffer).describe(`The .${extension} file`) },
          },
        },
        async (request, reply) => {
          const { kind } = request.params
          const file = await exportSheet(db, signedIn(request.user), kind, extension)
          return reply
            .type(type)
            .header('cache-control', 'private, no-store')
            .header('content-disposition', `attachment; filename="${kind}.${extension}"`)
            .send(file)
        },
      )
    }

    app.post(
      '/api/staff/sheets/:kind',
      {
        config: { access: STAFF },
        bodyLimit: MAX_SHEET_BYTES,
        preValidation: async (request) => {
          if (!sheetTypeOf(request.headers['content-type'])) throw errors.notASpreadsheet()
        },
        schema: {
          summary: 'Import a sheet (staff)',
          errors: [422],
          tags: ['sheets', 'staff'],
          description:
            'Body: the file, as .xlsx or CSV (UTF-8, a BOM is fine). Rows are matched by id (blank: new) and each is ' +
            'judged by the same schema as the single-item API, and by the caller’s communities. preview writes ' +
            'nothing; apply writes every row in one transaction, audited, or with any row refused answers 422 ' +
            'SHEET_HAS_ERRORS with error.rows and writes nothing. Formula cells are refused, never evaluated. Not a ' +
            'spreadsheet 415; over 5 MB or 5,000 rows 413.',
          params: sheetImportParamsSchema,
          querystring: sheetImportQuerySchema,
          consumes: [...SHEET_TYPES],
          body: sheetFileSchema,
          response: { 200: sheetImportResponseSchema },
        },
      },
      async (request) => {
        const type = sheetTypeOf(request.headers['content-type'])
        if (!type || !Buffer.isBuffer(request.body)) throw errors.notASpreadsheet()
        const { kind } = request.params
        return commands.importSheet(signedIn(request.user), kind, request.body, type, request.query.mode)
      },
    )
  }
