/** Places: service stations (驿站), their services and reports, guesthouses, and the photos stored for them. */
import type { Generated } from 'kysely'
import type { Flag, IsoTime } from './columns.js'

export type AccessFactValue = 'yes' | 'no' | 'unknown'

export interface StationsTable {
  id: string
  name: string
  name_en: string
  kind: 'service_station' | 'party_member_shop' | 'contact_point' | 'micro_post'
  address: string
  lat: number
  lng: number
  phone: string | null
  /** JSON: WeeklyHours (see features/stations/hours.ts). */
  hours_json: string
  /** Access facts (migration 0012), each 'yes' | 'no' | 'unknown'; 'unknown' unless set. */
  access_step_free: Generated<AccessFactValue>
  access_accessible_toilet: Generated<AccessFactValue>
  access_baby_care: Generated<AccessFactValue>
  access_seating: Generated<AccessFactValue>
  /** JSON: photo URLs. */
  photos_json: string
  /** JSON: service pledges a 共产党员店 publishes. */
  pledges_json: string
  /** The community whose staff look after it; null only for a place no community office was near when scoping began. */
  community_id: string | null
  is_demo: Flag
  created_at: IsoTime
  updated_at: IsoTime
}

export interface StationServicesTable {
  station_id: string
  service_key: string
  available: Flag
  note: string | null
  sort_order: number
}

export interface GuesthousesTable {
  id: string
  name: string
  address: string
  lat: number
  lng: number
  rooms_note: string | null
  photos_json: string
  /** The community whose staff look after it and its sessions; null as for stations. */
  community_id: string | null
  is_demo: Flag
  created_at: IsoTime
}

export interface StationReportsTable {
  id: string
  station_id: string
  user_id: string
  category: string
  text: string
  status: 'open' | 'resolved'
  created_at: IsoTime
  resolved_at: IsoTime | null
  resolved_by: string | null
  resolution_note: string | null
}

export interface UploadsTable {
  id: string
  owner_id: string | null
  mime: string
  size: number
  /** Re-encoded on upload (see features/uploads/reencode.ts), never the bytes that were sent. */
  data: Buffer
  /** The small copy for lists. */
  thumb: Buffer
  created_at: IsoTime
}

/** Which stored photo is on what (see features/uploads/uses.ts); one row per photo and owner. */
export interface PhotoUsesTable {
  upload_id: string
  owner_kind: 'station' | 'guesthouse' | 'wish' | 'wish_fulfilment'
  owner_id: string
}
