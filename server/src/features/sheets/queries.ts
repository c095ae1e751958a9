import type { Db } from '../../db/index.js'
import type { User } from '../auth/schemas.js'
import { visibleCommunities } from '../community/scope.js'
import { findAllStations } from '../stations/queries.js'
import { writeCsv, writeXlsx } from './files.js'
import type { SheetKind } from './schemas.js'
import { stationColumns, stationRow } from './stations.js'

const TITLES: Record<SheetKind, string> = { stations: '站点 stations' }

/** Every row of a kind the viewer acts for (a district account: all), as an .xlsx or a CSV file. */
export async function exportSheet(db: Db, viewer: User, kind: SheetKind, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const communities = await visibleCommunities(db, viewer)
  const stations = (await findAllStations(db)).filter(
    (s) => communities === null || (s.communityId !== null && communities.includes(s.communityId)),
  )
  const rows = stations.map(stationRow)
  return format === 'xlsx' ? writeXlsx(TITLES[kind], stationColumns, rows) : writeCsv(stationColumns, rows)
}
