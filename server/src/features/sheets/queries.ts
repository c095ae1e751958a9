import type { Db } from '../../db/index.js'
import type { User } from '../auth/schemas.js'
import { visibleCommunities } from '../community/scope.js'
import { writeCsv, writeXlsx } from './files.js'
import { SHEET_SPECS } from './registry.js'
import type { SheetKind } from './schemas.js'

/** Every row of a kind the viewer acts for (a district account: all), as an .xlsx or a CSV file. */
export async function exportSheet(db: Db, viewer: User, kind: SheetKind, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const spec = SHEET_SPECS[kind]
  const rows = await spec.exportRows(db, await visibleCommunities(db, viewer))
  return format === 'xlsx' ? writeXlsx(spec.title, spec.columns, rows) : writeCsv(spec.columns, rows)
}
