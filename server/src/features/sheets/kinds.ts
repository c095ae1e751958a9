import type { Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import type { SheetRowError } from '../../shared/errors.js'
import type { User } from '../auth/schemas.js'
import type { SheetColumn } from './files.js'
import type { RowText } from './rows.js'
import type { Scope } from './scope.js'

/** What importing a sheet's rows would do, and how to do it inside the import's one transaction. */
export interface SheetPlan {
  errors: SheetRowError[]
  created: number
  updated: number
  unchanged: number
  /** Pending registrations the rows verify (the members roster only). */
  verified?: number
  write(trx: Transaction<Database>, actor: User, at: string): Promise<void>
}

/** One kind of sheet: its columns, the rows a viewer may export, and how imported rows are judged and written. */
export interface SheetKindSpec {
  /** The data sheet's name in an .xlsx, Chinese and English. */
  title: string
  columns: SheetColumn[]
  /** Every row the viewer acts for (`null`: a district account, all), as the export writes them. */
  exportRows(db: Db, communities: string[] | null): Promise<(string | number)[][]>
  plan(db: Db, scope: Scope, rows: { number: number; text: RowText }[], now: Date): Promise<SheetPlan>
}
