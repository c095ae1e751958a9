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

/** A login session: a bearer token, stored hashed (not a lecture session: see `LectureSessionsTable`). */
export interface AuthSessionsTable {
  token_hash: string
  user_id: string
  created_at: IsoTime
  expires_at: IsoTime
}

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
  /** 1 when the check-in came with a position near the guesthouse, 0 without one. */
  checkin_verified: Generated<Flag>
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
  /** `skipped`: WeChat only delivers what the person subscribed to, and they had not. */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'
  attempts: Generated<number>
  next_attempt_at: IsoTime
  last_error: string | null
  created_at: IsoTime
  sent_at: IsoTime | null
}

export interface CommunitiesTable {
  id: string
  name: string
  /** What the app shows in English; null until one is given, and the API shows the Chinese name instead. */
  name_en: string | null
  /** The community office (GCJ-02); null until staff set it. */
  lat: number | null
  lng: number | null
  sort_order: number
  is_demo: Flag
}

export interface StaffCommunitiesTable {
  user_id: string
  community_id: string
}

export interface MembersTable {
  id: string
  user_id: string
  real_name: string
  phone: string
  work_unit: string
  branch: string
  community_id: string
  status: 'pending' | 'verified' | 'rejected'
  reason: string | null
  ranking_opt_out: Flag
  created_at: IsoTime
  decided_at: IsoTime | null
  decided_by: string | null
}

/** The 双报到 roster, one row per phone and community (see migration 0018). */
export interface RosterEntriesTable {
  id: string
  community_id: string
  phone: string
  real_name: string
  work_unit: string
  branch: string
  created_by: string
  created_at: IsoTime
  updated_at: IsoTime
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

export type WishStatus =
  'pending_review' | 'published' | 'rejected' | 'claimed' | 'fulfilled' | 'confirmed' | 'withdrawn' | 'disputed'

export interface WishesTable {
  id: string
  resident_id: string | null
  category: string
  title: string
  description: string
  community_id: string
  contact_phone: string | null
  urgent: Flag
  preferred_time: string | null
  photos_json: string
  status: WishStatus
  review_reason: string | null
  claimed_by: string | null
  claimed_at: IsoTime | null
  fulfil_note: string | null
  fulfil_photo_id: string | null
  fulfilled_at: IsoTime | null
  confirmed_at: IsoTime | null
  thanks: string | null
  dispute_reason: string | null
  hours_served: number | null
  created_at: IsoTime
  updated_at: IsoTime
  reviewed_at: IsoTime | null
  /** When it last went on the wall: the claim target counts from here. */
  published_at: IsoTime | null
  first_claimed_at: IsoTime | null
  /** 代办: the staff member who posted the wish for a resident without an account, and that resident. */
  posted_by: string | null
  on_behalf_name: string | null
  on_behalf_phone: string | null
  on_behalf_consent: OnBehalfConsent | null
}

/** How a resident agreed to staff posting for them: in person, on the phone, or through family. */
export type OnBehalfConsent = 'in_person' | 'phone' | 'family'

export type TargetStage = 'review' | 'claim'

export interface WishTargetAlertsTable {
  wish_id: string
  stage: TargetStage
  alerted_at: IsoTime
}

export interface NoticeConsentsTable {
  user_id: string
  kind: string
  /** Messages of this kind the person has allowed and not yet received. */
  credits: number
  updated_at: IsoTime
}

/** A notice as the person reads it in the app; title and text are written from kind and payload when read. */
export interface InboxNoticesTable {
  id: string
  user_id: string
  kind: string
  /** The outbox's key: one notice, one inbox entry. */
  dedupe_key: string
  payload_json: string
  created_at: IsoTime
  read_at: IsoTime | null
}

/** A desk sign-in code (扫码登录): pending, approved by a staff member's phone, then used once by the desk. */
export interface DeskTicketsTable {
  ticket: string
  secret_hash: string
  /** What the desk's browser said it is ("Chrome 131 · Windows"), shown on the phone before it approves. */
  browser: string
  created_at: IsoTime
  expires_at: IsoTime
  approved_by: string | null
  approved_at: IsoTime | null
  used_at: IsoTime | null
}

/** The town this deployment serves: one row, id 'town'. */
export interface TownTable {
  id: string
  name: string
  name_en: string
  intro: string
  intro_en: string
  lat: number
  lng: number
  zoom: number
  updated_at: IsoTime
}

export type ActivityKind = 'clinic' | 'cleanup' | 'legal_aid' | 'patrol' | 'civility' | 'other'

/** A volunteer activity (志愿服务活动); the seat rule's counters live on its row, like a lecture session's. */
export interface ActivitiesTable {
  id: string
  title: string
  kind: ActivityKind
  description: string
  community_id: string
  address: string
  /** GCJ-02, like every position the app shows on a map. */
  lat: number
  lng: number
  starts_at: IsoTime
  ends_at: IsoTime
  volunteers_needed: number
  status: 'scheduled' | 'cancelled'
  confirmed_count: Generated<number>
  waitlist_seq: Generated<number>
  checkin_secret: string
  created_by: string
  created_at: IsoTime
  updated_at: IsoTime
}

export interface ActivitySignupsTable {
  id: string
  activity_id: string
  user_id: string
  status: 'confirmed' | 'waitlisted' | 'cancelled'
  /** Order on the waitlist: taken from the activity's counter, never reused. */
  waitlist_ticket: number | null
  checked_in_at: IsoTime | null
  checked_out_at: IsoTime | null
  checkin_verified: Generated<Flag>
  /** Hours served: from the check-in and check-out clipped to the activity, or as staff set them (with a reason). */
  hours: number | null
  hours_reason: string | null
  hours_set_by: string | null
  created_at: IsoTime
  updated_at: IsoTime
}

/** A volunteer service certificate (志愿服务证明): the figures as issued, checked later against the record. */
export interface CertificatesTable {
  serial: string
  user_id: string
  community_id: string
  /** Shanghai calendar dates, YYYY-MM-DD, both included. */
  from_date: string
  to_date: string
  hours: number
  activities: number
  wishes: number
  issued_at: IsoTime
}

export interface Database {
  users: UsersTable
  sessions: AuthSessionsTable
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
  communities: CommunitiesTable
  staff_communities: StaffCommunitiesTable
  members: MembersTable
  roster_entries: RosterEntriesTable
  uploads: UploadsTable
  photo_uses: PhotoUsesTable
  wishes: WishesTable
  wish_target_alerts: WishTargetAlertsTable
  notice_consents: NoticeConsentsTable
  inbox_notices: InboxNoticesTable
  desk_tickets: DeskTicketsTable
  town: TownTable
  activities: ActivitiesTable
  activity_signups: ActivitySignupsTable
  certificates: CertificatesTable
}
