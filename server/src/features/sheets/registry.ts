import { guesthouseSheet } from './guesthouses.js'
import type { SheetKindSpec } from './kinds.js'
import { memberSheet } from './members.js'
import type { SheetKind } from './schemas.js'
import { sessionSheet } from './sessions.js'
import { stationSheet } from './stations.js'

/** Every kind of sheet the API reads and writes. */
export const SHEET_SPECS: Record<SheetKind, SheetKindSpec> = {
  stations: stationSheet,
  guesthouses: guesthouseSheet,
  sessions: sessionSheet,
  members: memberSheet,
}
