/**
 * The tables both databases hold, one module per area under tables/; every query is typed by `Database`. Columns are
 * written as Kysely sees them: `Generated` where the database fills the value in.
 */
import type {
  UsersTable,
  AuthSessionsTable,
  CommunitiesTable,
  StaffCommunitiesTable,
  MembersTable,
  RosterEntriesTable,
  DeskTicketsTable,
  TownTable,
} from './tables/people.js'
import type {
  StationsTable,
  StationServicesTable,
  GuesthousesTable,
  StationReportsTable,
  UploadsTable,
  PhotoUsesTable,
} from './tables/places.js'
import type {
  LectureTopicsTable,
  TopicOrdersTable,
  LectureSessionsTable,
  BookingsTable,
  LectureFeedbackTable,
} from './tables/lectures.js'
import type { AuditLogTable, OutboxTable, NoticeConsentsTable, InboxNoticesTable } from './tables/notices.js'
import type { WishesTable, WishTargetAlertsTable } from './tables/wishes.js'
import type { ActivitiesTable, ActivitySignupsTable, CertificatesTable } from './tables/activities.js'

export type * from './tables/columns.js'
export type * from './tables/people.js'
export type * from './tables/places.js'
export type * from './tables/lectures.js'
export type * from './tables/notices.js'
export type * from './tables/wishes.js'
export type * from './tables/activities.js'

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
