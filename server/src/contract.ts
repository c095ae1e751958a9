/**
 * The API contract as TypeScript types, derived from the route schemas. The app imports these with
 * `import type` (alias `@contract`), so it never retypes a response by hand.
 */
export type { ApiErrorBody, ErrorCode } from './shared/errors.js'
export type {
  AuthResponse,
  DevLoginBody,
  LoginOptions,
  LogoutResponse,
  MeResponse,
  Role,
  User,
} from './features/auth/schemas.js'
export type { DeskPollResponse, DeskTicket, DeskTicketCreated, DeskTicketStatus } from './features/desk/schemas.js'
export type { Town, TownPatch } from './features/town/schemas.js'
export type {
  Activity,
  ActivityAttendance,
  ActivityCheckinInput,
  ActivityCreate,
  ActivityList,
  ActivityPatch,
  ActivityResponse,
  HoursPatch,
  SignupResponse,
} from './features/activities/schemas.js'
export type { WeeklyHours } from './features/stations/hours.js'
export type {
  AccessFact,
  ReportCreate,
  ServiceKey,
  ServiceToggle,
  StationChanges,
  StationCreate,
  StationDetail,
  StationAccess,
  StationDetailResponse,
  StationFeatureCollection,
  StationKind,
  StationListQuery,
  StationListResponse,
  StationPatch,
  StationReport,
  StationReportList,
  StationSummary,
} from './features/stations/schemas.js'
export type {
  Attendance,
  Booking,
  BookingResponse,
  CheckinCode,
  CheckinInput,
  CheckinResult,
  FeedbackInput,
  FeedbackResult,
  FeedbackSummary,
  LectureSession,
  LectureSessionCreate,
  LectureSessionList,
  LectureSessionPatch,
  LectureSessionResponse,
  MyBookings,
} from './features/sessions/schemas.js'
export type {
  Topic,
  TopicCreate,
  TopicDemand,
  TopicList,
  TopicOrderInput,
  TopicPatch,
  TopicResponse,
} from './features/topics/schemas.js'
export type {
  Guesthouse,
  GuesthouseCreate,
  GuesthouseList,
  GuesthousePatch,
  GuesthouseResponse,
} from './features/guesthouses/schemas.js'
export type { CommunityFigures, CommunityList, Stats, StaffScope } from './features/community/schemas.js'
export type { Trends, TrendsQuery, WishBreakdown } from './features/community/schemas.js'
export type { InboxNotice, InboxPage, InboxQuery, InboxRead, InboxUnread } from './features/inbox/schemas.js'
export type { Member, MemberRanking, MemberRegister, MemberResponse } from './features/members/schemas.js'
export type { UploadResponse } from './features/uploads/routes.js'
export type {
  MyWishes,
  WishCreate,
  WishFull,
  WishList,
  WishPublic,
  WishResponse,
  WishStep,
} from './features/wishes/schemas.js'
export type { NoticeKind } from './features/notices/notices.js'
export type { NoticeTemplates, SubscriptionGrant, Subscriptions } from './features/notifications/schemas.js'
