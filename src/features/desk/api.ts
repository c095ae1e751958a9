import type { StationSummary } from '@contract'
import { call } from '../../shared/client'

/** Every station the desk lists, page after page of the public list (the desk sorts and pages them itself). */
export async function everyStation(): Promise<StationSummary[]> {
  const stations: StationSummary[] = []
  let cursor: string | undefined
  do {
    const page = await call('GET /api/stations', { query: { limit: 100, cursor }, toast: false })
    stations.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return stations
}
