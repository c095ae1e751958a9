import type { ServiceKey, StationAccess, StationKind } from '@contract'
import { callWithOfflineCopy, type Cached, type Reply } from '../../shared/client'

export type Origin = { lat: number; lng: number } | null

/** Where the person is, as the API's `lat`/`lng` query (left out when unknown). */
export const originQuery = (origin: Origin) => ({ lat: origin?.lat, lng: origin?.lng })

export interface StationFilter {
  service?: ServiceKey
  kind?: StationKind
  openNow?: boolean
  /** Facts that must all be "yes" (a wheelchair user picks 无台阶入口, a parent 母婴室). */
  access?: (keyof StationAccess)[]
}

export function listStations(
  filter: StationFilter,
  origin: Origin,
  cursor?: string,
): Promise<Cached<Reply<'GET /api/stations'>>> {
  return callWithOfflineCopy('GET /api/stations', {
    query: {
      service: filter.service,
      kind: filter.kind,
      openNow: filter.openNow ? 'true' : undefined,
      access: filter.access?.length ? filter.access.join(',') : undefined,
      ...originQuery(origin),
      limit: 20,
      cursor,
    },
  })
}
