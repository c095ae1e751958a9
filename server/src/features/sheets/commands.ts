import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type { User } from '../auth/schemas.js'
import { readSheet, type SHEET_TYPES } from './files.js'
import { duplicateIds, rowsByColumn } from './rows.js'
import type { SheetImportResponse, SheetKind } from './schemas.js'
import { SHEET_SPECS } from './registry.js'
import { scopeOf } from './scope.js'

/**
 * Imports a sheet. Preview reads and judges every row and writes nothing; apply judges again inside one transaction
 * and writes every row or, with any row refused, nothing (422 with the same errors), audited once for the whole sheet
 * besides each row's own audit entry.
 */
export function createSheetCommands(db: Db, clock: () => Date, onStationsChanged: () => void) {
  async function importSheet(
    actor: User,
    kind: SheetKind,
    file: Buffer,
    type: (typeof SHEET_TYPES)[number],
    mode: 'preview' | 'apply',
  ): Promise<SheetImportResponse> {
    const sheet = await readSheet(file, type)
    const spec = SHEET_SPECS[kind]
    const judge = async (reader: Db) => {
      const read = rowsByColumn(sheet, spec.columns)
      const plan = await spec.plan(reader, await scopeOf(reader, actor), read.rows, clock())
      const rowErrors = [...read.errors, ...duplicateIds(read.rows), ...plan.errors].sort((a, b) => a.row - b.row)
      const { created, updated, unchanged, verified } = plan
      const result: SheetImportResponse = {
        kind,
        mode,
        rows: sheet.rows.length,
        created,
        updated,
        unchanged,
        ...(verified !== undefined && { verified }),
        errors: rowErrors,
      }
      return { result, plan }
    }
    if (mode === 'preview') return (await judge(db)).result

    const at = clock().toISOString()
    const result = await db.transaction().execute(async (trx) => {
      const judged = await judge(trx)
      if (judged.result.errors.length) throw errors.sheetHasErrors(judged.result.errors)
      await judged.plan.write(trx, actor, at)
      const { created, updated, unchanged, verified, rows } = judged.result
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'sheet',
        entityId: newId('sh'),
        action: 'import',
        detail: { kind, rows, created, updated, unchanged, ...(verified !== undefined && { verified }) },
        at,
      })
      return judged.result
    })
    if (kind === 'stations' && result.created + result.updated > 0) onStationsChanged()
    return result
  }
  return { importSheet }
}
