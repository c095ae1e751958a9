import type { Db } from '../../db/index.js'
import type { User } from '../auth/schemas.js'
import { visibleCommunities } from '../community/scope.js'
import { openingMinutes, weeklyHoursSchema, type OpeningMinutes, type WeeklyHours } from './hours.js'
import { ACCESS_COLUMNS } from '../../db/migrations/0014_station_access.js'
import type { ServiceKey, StationAccess, StationKind, StationReport } from './schemas.js'
import { assertStationInScope } from './scope.js'

/** A station as the domain sees it, decoded from its rows. */

export interface StationRecord {
  id: string
  name: string
  nameEn: string
  kind: StationKind
  communityId: string | null
  address: string
  lat: number
  lng: number
  phone: string | null
  hours: WeeklyHours
  opening: OpeningMinutes
  access: StationAccess
  services: { key: ServiceKey; available: boolean; note: string | null }[]
  photos: string[]
  pledges: string[]
  updatedAt: string
}

function hoursOf(json: string) {
  const hours = weeklyHoursSchema.parse(JSON.parse(json))
  return { hours, opening: openingMinutes(hours) }
}

/** Every station with its services in display order (a district's worth of rows). */
export async function findAllStations(db: Db): Promise<StationRecord[]> {
  const rows = await db
    .selectFrom('stations')
    .select([
      'id',
      'name',
      'name_en',
      'kind',
      'community_id',
      'address',
      'lat',
      'lng',
      'phone',
      'hours_json',
      'photos_json',
      'pledges_json',
      'updated_at',
      ...ACCESS_COLUMNS,
    ])
    .orderBy('id')
    .execute()
  if (rows.length === 0) return []

  const serviceRows = await db
    .selectFrom('station_services')
    .select(['station_id', 'service_key', 'available', 'note'])
    .orderBy('station_id')
    .orderBy('sort_order')
    .execute()
  const servicesByStation = new Map<string, StationRecord['services']>()
  for (const s of serviceRows) {
    const list = servicesByStation.get(s.station_id) ?? []
    list.push({ key: s.service_key as ServiceKey, available: Number(s.available) === 1, note: s.note })
    servicesByStation.set(s.station_id, list)
  }

  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    communityId: r.community_id,
    address: r.address,
    lat: Number(r.lat),
    lng: Number(r.lng),
    phone: r.phone,
    ...hoursOf(r.hours_json),
    access: {
      stepFree: r.access_step_free,
      accessibleToilet: r.access_accessible_toilet,
      babyCare: r.access_baby_care,
      seating: r.access_seating,
    },
    services: servicesByStation.get(r.id) ?? [],
    photos: JSON.parse(r.photos_json) as string[],
    pledges: JSON.parse(r.pledges_json) as string[],
    updatedAt: r.updated_at,
  }))
}

/** Reports, newest first; with a `viewer`, only those about stations of the communities that staff user acts for. */
export async function findReports(
  db: Db,
  filter: { status?: 'open' | 'resolved'; id?: string; viewer?: User },
): Promise<StationReport[]> {
  const communities = filter.viewer ? await visibleCommunities(db, filter.viewer) : null
  let query = db
    .selectFrom('station_reports as r')
    .innerJoin('stations as s', 's.id', 'r.station_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.station_id',
      's.name as station_name',
      'r.category',
      'r.text',
      'r.status',
      'r.created_at',
      'u.nickname',
      'r.resolved_at',
      'r.resolution_note',
    ])
    .orderBy('r.created_at', 'desc')
    .limit(200)
  if (filter.status) query = query.where('r.status', '=', filter.status)
  if (filter.id) query = query.where('r.id', '=', filter.id)
  if (communities) query = query.where('s.community_id', 'in', communities)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    category: r.category as StationReport['category'],
    text: r.text,
    status: r.status,
    createdAt: r.created_at,
    reporterNickname: r.nickname,
    resolvedAt: r.resolved_at,
    resolutionNote: r.resolution_note,
  }))
}

export async function findStationChanges(db: Db, viewer: User, stationId: string) {
  await assertStationInScope(db, viewer, stationId)
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.action', 'u.nickname', 'a.detail_json', 'a.created_at'])
    .where('a.entity', '=', 'station')
    .where('a.entity_id', '=', stationId)
    .orderBy('a.created_at', 'desc')
    .limit(100)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorNickname: r.nickname,
    detail: JSON.parse(r.detail_json) as unknown,
    createdAt: r.created_at,
  }))
}
