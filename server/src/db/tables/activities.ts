/** Volunteer activities (志愿服务), their sign-ups and the certificates issued from them. */
import type { Generated } from 'kysely'
import type { Flag, IsoTime } from './columns.js'

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
