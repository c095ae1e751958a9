import type { Generated } from 'kysely'


/** Booleans are stored as 0/1 integers so the same queries and bindings work on SQLite and PostgreSQL. */
export type Flag = 0 | 1
/** Timestamps are ISO-8601 UTC strings: they sort and compare the same way on both databases. */
export type IsoTime = string

export interface UsersTable {
  id: string
  openid: string
  nickname: string
  role: 'tourist' | 'resident' | 'member' | 'staff'
  created_at: IsoTime
  updated_at: IsoTime
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  created_at: IsoTime
  expires_at: IsoTime
}

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
  /** JSON: photo URLs. */
  photos_json: string
  /** JSON: service pledges a 共产党员店 publishes. */
  pledges_json: string
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
  is_demo: Flag
  created_at: IsoTime
}

export interface LectureTopicsTable {
  id: string
  title: string
  title_en: string
  description: string
  description_en: string
  sort_order: number
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

/** Who changed what, when: one row per staff change. */
export interface AuditLogTable {
  id: string
  actor_id: string | null
  entity: string
  entity_id: string
  action: string
  detail_json: string
  created_at: IsoTime
}

export interface TopicOrdersTable {
  topic_id: string
  user_id: string
  preferred_time: 'morning' | 'afternoon' | 'evening' | null
  area: string | null
  created_at: IsoTime
}

export interface LectureSessionsTable {
  id: string
  topic_id: string
  guesthouse_id: string
  starts_at: IsoTime
  ends_at: IsoTime
  capacity: number
  speaker: string | null
  status: 'scheduled' | 'cancelled'
  confirmed_count: Generated<number>
  waitlist_seq: Generated<number>
  checkin_secret: string
  created_at: IsoTime
  updated_at: IsoTime
}

export interface BookingsTable {
  id: string
  session_id: string
  user_id: string
  status: 'confirmed' | 'waitlisted' | 'cancelled'
  /** Order on the waitlist: taken from the session's counter, never reused. */
  waitlist_ticket: number | null
  checked_in_at: IsoTime | null
  created_at: IsoTime
  updated_at: IsoTime
}

export interface LectureFeedbackTable {
  session_id: string
  user_id: string
  rating: number
  comment: string
  created_at: IsoTime
}

export interface OutboxTable {
  id: string
  user_id: string
  kind: string
  /** Unique: the same notice is never queued, so never sent, twice. */
  dedupe_key: string
  payload_json: string
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: Generated<number>
  next_attempt_at: IsoTime
  last_error: string | null
  created_at: IsoTime
  sent_at: IsoTime | null
}

export interface Database {
  users: UsersTable
  sessions: SessionsTable
  stations: StationsTable
  station_services: StationServicesTable
  guesthouses: GuesthousesTable
  lecture_topics: LectureTopicsTable
  station_reports: StationReportsTable
  audit_log: AuditLogTable
  topic_orders: TopicOrdersTable
  lecture_sessions: LectureSessionsTable
  bookings: BookingsTable
  lecture_feedback: LectureFeedbackTable
  outbox: OutboxTable
}

