import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { LectureSession } from '@contract'
import { useRef, useState } from 'react'
import { FEEDBACK_LIMITS } from '@values/limits'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import { useNoticePrompt } from '../../../../shared/notices'
import { useSettings } from '../../../../shared/settings'
import { formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { useNow } from '../../../../shared/ui/useNow'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useSharing } from '../../../../shared/ui/useSharing'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { originQuery, type Origin } from '../../../stations/api'
import { formatDistance } from '../../../stations/format'
import { confirmDeskLogin, deskTicketIn } from '../../../me/desk'
import { locate } from '../../../stations/location'
import { AddToCalendar } from '../../components/AddToCalendar'
import './index.scss'

export default function SessionPage() {
  const { t, language, inLanguage } = useSettings()
  usePageTitle(t('lectures.title'))
  const id = useRouter().params.id ?? ''
  const origin = useRef<Origin>(null)
  const {
    data: session,
    pending,
    update,
  } = useScreenData(async () => {
    origin.current = await locate()
    const query = originQuery(origin.current)
    return (await call('GET /api/lectures/sessions/{id}', { path: { id }, query, toast: false })).session
  })
  const [busy, setBusy] = useState(false)
  const [rating, setRating] = useState(5)
  const askForNotices = useNoticePrompt(['booking_confirmed', 'waitlist_promoted', 'session_reminder'])
  const [comment, setComment] = useState('')
  const now = useNow()

  useSharing(() => ({
    title: session ? `${session.topicTitle} · ${t('lectures.title')}` : t('lectures.title'),
    page: 'lectures/session',
    query: { id },
  }))

  /** Runs a write that needs a logged-in user and shows the session it answers with. */
  const act = async (write: () => Promise<{ session: LectureSession }>) => {
    if (!currentUser()) {
      void Taro.navigateTo({ url: pageUrl('me/login') })
      return
    }
    if (busy) return
    setBusy(true)
    try {
      const { session: changed } = await write()
      update(() => changed)
    } catch {
      // The request client has shown why.
    } finally {
      setBusy(false)
    }
  }

  if (!session) return pending

  const mine = session.myBooking
  const started = now >= Date.parse(session.startsAt)
  const checkinOpen = now >= Date.parse(session.checkInOpensAt) && now <= Date.parse(session.checkInClosesAt)
  const distance = formatDistance(t, session.guesthouse.distanceM)

  const scanToCheckIn = () =>
    act(async () => {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      // A desk's sign-in code read here goes to its confirm screen, not to the check-in.
      const deskTicket = deskTicketIn(result)
      if (deskTicket) {
        confirmDeskLogin(deskTicket)
        return { session }
      }
      // Refused permission still checks in, marked unverified for staff.
      const position = await locate()
      const checkedIn = await call('POST /api/lectures/sessions/{id}/checkins', {
        path: { id: session.id },
        body: { code: result, ...position },
      })
      const verified = checkedIn.locationVerified
      void Taro.showToast({
        title: t(verified ? 'lectures.checkedIn' : 'lectures.checkedInUnverified'),
        icon: verified ? 'success' : 'none',
      })
      return checkedIn
    })

  return (
    <Screen className="session">
      <View className="card">
        <Text className="session__topic">{inLanguage(session.topicTitle, session.topicTitleEn)}</Text>
        <View className="session__row">
          <Text className="muted">{t('lectures.when')}</Text>
          <Text>{formatSessionTime(session.startsAt, session.endsAt, language)}</Text>
        </View>
        <View
          id="guesthouse"
          className="session__row"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: pageUrl('lectures/guesthouse', { id: session.guesthouse.id }) })}
        >
          <Text className="muted">{t('lectures.where')}</Text>
          <Text>
            {session.guesthouse.name}
            {distance ? ` · ${distance}` : ''} ›
          </Text>
        </View>
        <Text className="muted session__address">{session.guesthouse.address}</Text>
        {session.speaker ? (
          <View className="session__row">
            <Text className="muted">{t('lectures.speaker')}</Text>
            <Text>{session.speaker}</Text>
          </View>
        ) : null}
        <View className="session__row">
          <Text id="seats" className={`badge ${session.seatsLeft > 0 ? 'badge--open' : 'badge--closed'}`}>
            {session.seatsLeft > 0 ? t('lectures.seatsLeft', { n: session.seatsLeft }) : t('lectures.full')}
          </Text>
          {session.waitlistCount > 0 ? (
            <Text className="muted">{t('lectures.waitlist', { n: session.waitlistCount })}</Text>
          ) : null}
        </View>
        <Button
          id="navigate"
          className="btn btn--ghost session__nav"
          onClick={() =>
            void Taro.openLocation({
              latitude: session.guesthouse.lat,
              longitude: session.guesthouse.lng,
              name: session.guesthouse.name,
              address: session.guesthouse.address,
            })
          }
        >
          {t('stations.navigate')}
        </Button>
      </View>

      <View className="card session__actions">
        {session.status === 'cancelled' ? (
          <Text className="session__state">{t('lectures.sessionCancelled')}</Text>
        ) : null}
        {session.status === 'scheduled' && mine ? (
          <Text id="my-booking" className="session__state">
            {mine.checkedIn
              ? t('lectures.checkedIn')
              : mine.status === 'confirmed'
                ? t('lectures.confirmed')
                : t('lectures.waitlisted', { n: mine.position ?? 0 })}
          </Text>
        ) : null}
        {session.status === 'scheduled' && !mine && !started ? (
          <Button
            id="book"
            className="btn btn--primary"
            loading={busy}
            onClick={() =>
              void act(async () => {
                await askForNotices()
                return call('POST /api/lectures/sessions/{id}/bookings', {
                  path: { id: session.id },
                  query: originQuery(origin.current),
                })
              })
            }
          >
            {session.seatsLeft > 0 ? t('lectures.book') : t('lectures.joinWaitlist')}
          </Button>
        ) : null}
        {session.status === 'scheduled' && !mine && started ? (
          <Text className="session__state muted">{t('lectures.started')}</Text>
        ) : null}
        {session.status === 'scheduled' && mine && !started ? (
          <Button
            id="cancel"
            className="btn btn--ghost"
            loading={busy}
            onClick={() =>
              void act(() =>
                call('DELETE /api/lectures/sessions/{id}/bookings/me', {
                  path: { id: session.id },
                  query: originQuery(origin.current),
                }),
              )
            }
          >
            {t('lectures.cancel')}
          </Button>
        ) : null}
        {session.status === 'scheduled' && mine?.status === 'confirmed' && !started ? (
          <AddToCalendar session={session} />
        ) : null}
        {session.status === 'scheduled' && mine?.status === 'confirmed' && !mine.checkedIn && checkinOpen ? (
          <Button id="checkin" className="btn btn--primary" onClick={() => void scanToCheckIn()}>
            {t('lectures.checkin')}
          </Button>
        ) : null}
      </View>

      {mine?.checkedIn && mine.feedbackGiven ? (
        <View className="card">
          <Text id="feedback-given" className="session__state">
            {t('lectures.feedbackThanks')}
          </Text>
        </View>
      ) : null}
      {mine?.checkedIn && !mine.feedbackGiven ? (
        <View id="feedback" className="card">
          <Text className="session__topic">{t('lectures.feedback')}</Text>
          <View className="session__stars" role="radiogroup">
            {[1, 2, 3, 4, 5].map((n) => (
              <Text
                key={n}
                id={`star-${n}`}
                className={`session__star ${n <= rating ? 'session__star--on' : ''}`}
                onClick={() => setRating(n)}
              >
                ★
              </Text>
            ))}
          </View>
          <Textarea
            className="form__textarea session__comment"
            maxlength={FEEDBACK_LIMITS.comment}
            placeholder={t('lectures.comment')}
            value={comment}
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button
            id="send-feedback"
            className="btn btn--primary"
            onClick={() =>
              void act(async () => {
                const given = await call('POST /api/lectures/sessions/{id}/feedback', {
                  path: { id: session.id },
                  query: originQuery(origin.current),
                  body: { rating, comment },
                })
                void Taro.showToast({ title: t('lectures.feedbackThanks'), icon: 'success' })
                return given
              })
            }
          >
            {t('lectures.submit')}
          </Button>
        </View>
      ) : null}
    </Screen>
  )
}
