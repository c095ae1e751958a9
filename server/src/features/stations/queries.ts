import type { Db } from '../../db/index.js'
import { weeklyHoursSchema, type WeeklyHours } from './hours.js'
import type { ServiceKey, StationKind } from './schemas.js'

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
  services: { key: ServiceKey; available: boolean; note: string | null }[]
  photos: string[]
  pledges: string[]
}

/** Every station with its services in display order (a district's worth of rows). */
export async function findAllStations(db: Db): Promise<StationRecord[]> {
  const rows = await db
    .selectFrom('stations')
    .select(['id', 'name', 'name_en', 'kind', 'community_id', 'address', 'lat', 'lng', 'phone', 'hours_json', 'photos_json', 'pledges_json'])
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
    hours: weeklyHoursSchema.parse(JSON.parse(r.hours_json)),
    services: servicesByStation.get(r.id) ?? [],
    photos: JSON.parse(r.photos_json) as string[],
    pledges: JSON.parse(r.pledges_json) as string[],
  }))
}
