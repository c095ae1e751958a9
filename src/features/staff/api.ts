import type {
  StaffScope,
  CommunityList,
  Attendance,
  FeedbackSummary,
  GuesthouseResponse,
  TopicList,
  TopicResponse,
  CheckinCode,
  GuesthouseList,
  LectureSessionList,
  LectureSessionResponse,
  TopicDemand,
  StationChanges,
  StationDetailResponse,
  StationReportList,
  StationListResponse,
} from '@contract'
import type { Body } from '../../shared/client'
import { assetUrl, downloadWithToken, request } from '../../shared/request'

type GuesthouseCreate = Body<'POST /api/guesthouses'>
type GuesthousePatch = Body<'PATCH /api/guesthouses/{id}'>
type TopicCreate = Body<'POST /api/lectures/topics'>
type TopicPatch = Body<'PATCH /api/lectures/topics/{id}'>
type LectureSessionCreate = Body<'POST /api/lectures/sessions'>
type LectureSessionPatch = Body<'PATCH /api/lectures/sessions/{id}'>
type ServiceToggle = Body<'PATCH /api/stations/{id}/services/{key}'>
type StationCreate = Body<'POST /api/stations'>
type StationPatch = Body<'PATCH /api/stations/{id}'>

export const allStations = () =>
  request<StationListResponse>('GET', '/api/stations', { query: { limit: 100 }, toast: false })
export const stationForEdit = (id: string) =>
  request<StationDetailResponse>('GET', `/api/stations/${encodeURIComponent(id)}`, { toast: false })
export const createStation = (body: StationCreate) => request<StationDetailResponse>('POST', '/api/stations', { body })
export const updateStation = (id: string, body: StationPatch) =>
  request<StationDetailResponse>('PATCH', `/api/stations/${encodeURIComponent(id)}`, { body })
export const toggleService = (id: string, key: string, body: ServiceToggle) =>
  request<StationDetailResponse>('PATCH', `/api/stations/${encodeURIComponent(id)}/services/${key}`, { body })
export const stationChanges = (id: string) =>
  request<StationChanges>('GET', `/api/stations/${encodeURIComponent(id)}/changes`, { toast: false })
export const openReports = () =>
  request<StationReportList>('GET', '/api/stations/reports', { query: { status: 'open' }, toast: false })
export const resolveReport = (id: string, note?: string) =>
  request<unknown>('POST', `/api/stations/reports/${encodeURIComponent(id)}/resolve`, { body: note ? { note } : {} })

export const topicDemand = () => request<TopicDemand>('GET', '/api/lectures/topics/demand', { toast: false })
export const guesthouses = () => request<GuesthouseList>('GET', '/api/guesthouses', { toast: false })
export const upcomingSessions = () => request<LectureSessionList>('GET', '/api/lectures/sessions', { toast: false })
export const scheduleSession = (body: LectureSessionCreate) =>
  request<LectureSessionResponse>('POST', '/api/lectures/sessions', { body })
export const updateSession = (id: string, body: LectureSessionPatch) =>
  request<LectureSessionResponse>('PATCH', `/api/lectures/sessions/${encodeURIComponent(id)}`, { body })
export const cancelSession = (id: string) =>
  request<LectureSessionResponse>('POST', `/api/lectures/sessions/${encodeURIComponent(id)}/cancel`, { body: {} })
export const sessionById = (id: string) =>
  request<LectureSessionResponse>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}`, { toast: false })
export const checkinCode = (id: string) =>
  request<CheckinCode>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}/checkin-code`, { toast: false })
export const attendance = (id: string) =>
  request<Attendance>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}/attendance`, { toast: false })
export const attendanceCsv = (id: string) =>
  request<string>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}/attendance.csv`)
export const myCommunities = () => request<StaffScope>('GET', '/api/communities/mine', { toast: false })
export const communityNames = () => request<CommunityList>('GET', '/api/communities', { toast: false })
export const createGuesthouse = (body: GuesthouseCreate) =>
  request<GuesthouseResponse>('POST', '/api/guesthouses', { body })
export const updateGuesthouse = (id: string, body: GuesthousePatch) =>
  request<GuesthouseResponse>('PATCH', `/api/guesthouses/${encodeURIComponent(id)}`, { body })
export const menuTopics = () => request<TopicList>('GET', '/api/lectures/topics', { toast: false })
export const createTopic = (body: TopicCreate) => request<TopicResponse>('POST', '/api/lectures/topics', { body })
export const updateTopic = (id: string, body: TopicPatch) =>
  request<TopicResponse>('PATCH', `/api/lectures/topics/${encodeURIComponent(id)}`, { body })
export const feedbackSummary = () => request<FeedbackSummary>('GET', '/api/lectures/feedback/summary', { toast: false })
/** A station's door poster: public, so an image viewer (long-press to save or print) can load it by its address. */
export const posterUrl = (stationId: string) => assetUrl(`/api/stations/${encodeURIComponent(stationId)}/poster.png`)
/** Every door poster of my stations as one PDF, fetched with my token (the route is staff only). */
export const downloadPosters = () => downloadWithToken('/api/staff/posters.pdf')
