import type { CheckinResult, BookingResponse, Guesthouse, LectureSessionList, LectureSessionResponse, MyBookings, TopicList, TopicOrderInput, TopicResponse } from '@contract'
import { request, requestWithOfflineCopy } from '../../shared/request'
import type { Origin } from '../stations/api'

export const listTopics = () => requestWithOfflineCopy<TopicList>('/api/lectures/topics')

export const orderTopic = (topicId: string, input: TopicOrderInput = {}) =>
  request<TopicResponse>('POST', `/api/lectures/topics/${encodeURIComponent(topicId)}/orders`, { body: input })

export const listSessions = (origin: Origin, filter: { topicId?: string; guesthouseId?: string } = {}) =>
  requestWithOfflineCopy<LectureSessionList>('/api/lectures/sessions', { ...filter, lat: origin?.lat, lng: origin?.lng })

export const getSession = (id: string, origin: Origin) =>
  request<LectureSessionResponse>('GET', `/api/lectures/sessions/${encodeURIComponent(id)}`, {
    query: { lat: origin?.lat, lng: origin?.lng },
    toast: false,
  })

export const bookSeat = (sessionId: string) =>
  request<BookingResponse>('POST', `/api/lectures/sessions/${encodeURIComponent(sessionId)}/bookings`)

export const cancelBooking = (sessionId: string) =>
  request<BookingResponse>('DELETE', `/api/lectures/sessions/${encodeURIComponent(sessionId)}/bookings/me`)

/** With the attendee's position when they allow it: the server refuses a code used far from the guesthouse. */
export const checkIn = (sessionId: string, code: string, position: Origin) =>
  request<CheckinResult>('POST', `/api/lectures/sessions/${encodeURIComponent(sessionId)}/checkins`, { body: { code, ...position } })

export const giveFeedback = (sessionId: string, rating: number, comment: string) =>
  request<{ rating: number; comment: string }>('POST', `/api/lectures/sessions/${encodeURIComponent(sessionId)}/feedback`, {
    body: { rating, comment },
  })

export const myBookings = (scope: 'upcoming' | 'waitlisted' | 'past') =>
  request<MyBookings>('GET', '/api/me/bookings', { query: { scope }, toast: false })

export const getGuesthouse = (id: string, origin: Origin) =>
  request<{ guesthouse: Guesthouse; sessions: LectureSessionList['items'] }>('GET', `/api/guesthouses/${encodeURIComponent(id)}`, {
    query: { lat: origin?.lat, lng: origin?.lng },
    toast: false,
  })
