import type {
  ServiceKey,
  StationAccess,
  StationDetailResponse,
  StationKind,
  StationListResponse,
  StationReport,
} from '@contract'
import type { Body } from '../../shared/client'
import { request, requestWithOfflineCopy, type Cached } from '../../shared/request'

type ReportCreate = Body<'POST /api/stations/{id}/reports'>

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
): Promise<Cached<StationListResponse>> {
  return requestWithOfflineCopy<StationListResponse>('/api/stations', {
    service: filter.service,
    kind: filter.kind,
    openNow: filter.openNow ? 'true' : undefined,
    access: filter.access?.length ? filter.access.join(',') : undefined,
    ...originQuery(origin),
    limit: 20,
    cursor,
  })
}

export function getStation(id: string, origin: Origin): Promise<Cached<StationDetailResponse>> {
  return requestWithOfflineCopy<StationDetailResponse>(`/api/stations/${encodeURIComponent(id)}`, originQuery(origin))
}

export const reportProblem = (stationId: string, report: ReportCreate) =>
  request<{ report: StationReport }>('POST', `/api/stations/${encodeURIComponent(stationId)}/reports`, { body: report })
