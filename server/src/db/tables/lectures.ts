/** Lectures: the topic menu, orders for topics, sessions at guesthouses, their bookings and feedback. */
import type { Generated } from 'kysely'
import type { Flag, IsoTime } from './columns.js'

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
