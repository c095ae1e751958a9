import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import type { LectureSession } from '@contract'
import { useState } from 'react'
import { currentUser } from '../../../../shared/auth'
import { useNoticePrompt } from '../../../../shared/notices'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { formatDistance } from '../../../stations/format'
import { locate } from '../../../stations/location'
import { bookSeat, cancelBooking, checkIn, getSession, giveFeedback } from '../../api'
import './index.scss'

type Status = { kind: 'loading' } | { kind: 'ready'; session: LectureSession } | { kind: 'error'; message: string }

export default function SessionPage() {
  const { t, language } = useSettings()
  const [id, setId] = useState('')
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const [checkedIn, setCheckedIn] = useState(false)
  const [rating, setRating] = useState(5)
  const askForNotices = useNoticePrompt(['booking_confirmed', 'waitlist_promoted', 'session_reminder'])
  const [comment, setComment] = useState('')
  const [feedbackSent, setFeedbackSent] = useState(false)

  const load = async (sessionId: string) => {
    try {
      const { session } = await getSession(sessionId, await locate())
      setStatus({ kind: 'ready', session })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }

  useLoad((query: Record<string, string | undefined>) => {
    setId(query.id ?? '')
    void load(query.id ?? '')
  })
  useShareAppMessage(() => ({
    title: status.kind === 'ready' ? `${status.session.topicTitle} · ${t('lectures.title')}` : t('lectures.title'),
    path: `/features/lectures/pages/session/index?id=${id}`,
  }))

  /** Runs an action that needs a logged-in user, then reloads what the session shows. */
  const act = async (action: () => Promise<unknown>) => {
    if (!currentUser()) {
      void Taro.navigateTo({ url: '/features/me/pages/login/index' })
      return
    }
    if (busy) return
    setBusy(true)
    try {
      await action()
      await load(id)
    } catch {
      // The request client has shown why.
    } finally {
      setBusy(false)
    }
  }

  if (status.kind === 'loading') return <Screen><StateView state="loading" /></Screen>
  if (status.kind === 'error') return <Screen><StateView state="error" message={status.message} onRetry={() => void load(id)} /></Screen>

  const { session } = status
  const mine = session.myBooking
  const started = Date.now() >= Date.parse(session.startsAt)
  const checkinOpen = Date.now() >= Date.parse(session.startsAt) - 30 * 60_000 && Date.now() <= Date.parse(session.endsAt)
  const distance = formatDistance(t, session.guesthouse.distanceM)

  const scanToCheckIn = () =>
    act(async () => {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      // Refused permission still checks in, marked unverified for staff.
      const { locationVerified } = await checkIn(session.id, result, await locate())
      setCheckedIn(true)
      void Taro.showToast({ title: t(locationVerified ? 'lectures.checkedIn' : 'lectures.checkedInUnverified'), icon: locationVerified ? 'success' : 'none' })
    })

  return (
    <Screen className="session">
      <View className="card">
        <Text className="session__topic">{language === 'en' ? session.topicTitleEn : session.topicTitle}</Text>
        <View className="session__row">
          <Text className="muted">{t('lectures.when')}</Text>
          <Text>{formatSessionTime(session.startsAt, session.endsAt, language)}</Text>
        </View>
        <View
          id="guesthouse"
          className="session__row"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: `/features/lectures/pages/guesthouse/index?id=${session.guesthouse.id}` })}
        >
          <Text className="muted">{t('lectures.where')}</Text>
          <Text>{session.guesthouse.name}{distance ? ` · ${distance}` : ''} ›</Text>
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
          {session.waitlistCount > 0 ? <Text className="muted">{t('lectures.waitlist', { n: session.waitlistCount })}</Text> : null}
        </View>
        <Button
          id="navigate"
          className="btn btn--ghost session__nav"
          onClick={() =>
            void Taro.openLocation({ latitude: session.guesthouse.lat, longitude: session.guesthouse.lng, name: session.guesthouse.name, address: session.guesthouse.address })
          }
        >
          {t('stations.navigate')}
        </Button>
      </View>

      <View className="card session__actions">
        {session.status === 'cancelled' ? <Text className="session__state">{t('lectures.sessionCancelled')}</Text> : null}
        {session.status === 'scheduled' && mine ? (
          <Text id="my-booking" className="session__state">
            {mine.status === 'confirmed' ? t('lectures.confirmed') : t('lectures.waitlisted', { n: mine.position ?? 0 })}
          </Text>
        ) : null}
        {session.status === 'scheduled' && !mine && !started ? (
          <Button id="book" className="btn btn--primary" loading={busy} onClick={() =>
              void act(async () => {
                await askForNotices()
                return bookSeat(session.id)
              })
            }>
            {session.seatsLeft > 0 ? t('lectures.book') : t('lectures.joinWaitlist')}
          </Button>
        ) : null}
        {session.status === 'scheduled' && !mine && started ? <Text className="session__state muted">{t('lectures.started')}</Text> : null}
        {session.status === 'scheduled' && mine && !started ? (
          <Button id="cancel" className="btn btn--ghost" loading={busy} onClick={() => void act(() => cancelBooking(session.id))}>
            {t('lectures.cancel')}
          </Button>
        ) : null}
        {mine?.status === 'confirmed' && checkinOpen && !checkedIn ? (
          <Button id="checkin" className="btn btn--primary" onClick={() => void scanToCheckIn()}>
            {t('lectures.checkin')}
          </Button>
        ) : null}
      </View>

      {checkedIn && !feedbackSent ? (
        <View className="card">
          <Text className="session__topic">{t('lectures.feedback')}</Text>
          <View className="session__stars" role="radiogroup">
            {[1, 2, 3, 4, 5].map((n) => (
              <Text key={n} id={`star-${n}`} className={`session__star ${n <= rating ? 'session__star--on' : ''}`} onClick={() => setRating(n)}>
                ★
              </Text>
            ))}
          </View>
          <Textarea className="form__textarea session__comment" maxlength={300} placeholder={t('lectures.comment')} value={comment} onInput={(e) => setComment(e.detail.value)} />
          <Button
            id="send-feedback"
            className="btn btn--primary"
            onClick={() =>
              void act(async () => {
                await giveFeedback(session.id, rating, comment)
                setFeedbackSent(true)
                void Taro.showToast({ title: t('lectures.feedbackThanks'), icon: 'success' })
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
