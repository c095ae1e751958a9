import type {
  CheckinResult,
  BookingResponse,
  FeedbackResult,
  Guesthouse,
  LectureSessionList,
  LectureSessionResponse,
  MyBookings,
  TopicList,
  TopicResponse,
} from '@contract'
import type { Body } from '../../shared/client'
import { request, requestWithOfflineCopy } from '../../shared/request'
import { originQuery, type Origin } from '../stations/api'

type FeedbackInput = Body<'POST /api/lectures/sessions/{id}/feedback'>
type TopicOrderInput = NonNullable<Body<'POST /api/lectures/topics/{id}/orders'>>

export const listTopics = () => requestWithOfflineCopy<TopicList>('/api/lectures/topics')

export const orderTopic = (topicId: string, input: TopicOrderInput = {}) =>
  request<TopicResponse>('POST', `/api/lectures/topics/${encodeURIComponent(topicId)}/orders`, { body: input })

export const listSessions = (origin: Origin, filter: { topicId?: string; guesthouseId?: string } = {}) =>
  requestWithOfflineCopy<LectureSessionList>('/api/lectures/sessions', {
    ...filter,
    ...originQuery(origin),
  })

export const getSession = (id: string, origin: Origin) =>
  request<LectureSessionResponse>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}`, {
    query: originQuery(origin),
    toast: false,
  })

/** Every write on a session answers with the session as the caller now sees it; the page shows that. */
const sessionPath = (id: string, tail: string) => `/api/lectures/sessions/${encodeURIComponent(id)}/${tail}`

export const bookSeat = (sessionId: string, origin: Origin) =>
  request<BookingResponse>('POST', sessionPath(sessionId, 'bookings'), { query: originQuery(origin) })

export const cancelBooking = (sessionId: string, origin: Origin) =>
  request<BookingResponse>('DELETE', sessionPath(sessionId, 'bookings/me'), { query: originQuery(origin) })

/** With the attendee's position when they allow it: the server refuses a code used far from the guesthouse. */
export const checkIn = (sessionId: string, code: string, position: Origin) =>
  request<CheckinResult>('POST', sessionPath(sessionId, 'checkins'), { body: { code, ...position } })

export const giveFeedback = (sessionId: string, input: FeedbackInput, origin: Origin) =>
  request<FeedbackResult>('POST', sessionPath(sessionId, 'feedback'), { body: input, query: originQuery(origin) })

export const myBookings = (scope: 'upcoming' | 'waitlisted' | 'past') =>
  request<MyBookings>('GET', '/api/me/bookings', { query: { scope }, toast: false })

export const getGuesthouse = (id: string, origin: Origin) =>
  request<{ guesthouse: Guesthouse; sessions: LectureSessionList['items'] }>(
    'GET',
    `/api/guesthouses/${encodeURIComponent(id)}`,
    {
      query: originQuery(origin),
      toast: false,
    },
  )
