/** Micro-wishes (微心愿) and the alerts sent when one waits past its response target. */
import type { Flag, IsoTime } from './columns.js'

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
