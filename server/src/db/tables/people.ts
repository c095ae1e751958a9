/** People and where they act: users, login sessions, communities, staff scopes, 双报到 members, desk sign-in codes and the town. */
import type { Flag, IsoTime } from './columns.js'

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
