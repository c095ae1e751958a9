import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Activity } from '@contract'
import { useRef, useState } from 'react'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { call, callWithOfflineCopy } from '../../../../shared/client'
import { useNoticePrompt } from '../../../../shared/notices'
import { useSettings } from '../../../../shared/settings'
import { formatMoment, formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { useNow } from '../../../../shared/ui/useNow'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { useSharing } from '../../../../shared/ui/useSharing'
import { originQuery, type Origin } from '../../../stations/api'
import { formatDistance } from '../../../stations/format'
import { locate } from '../../../stations/location'
import { signupState } from '../../components/SignupBadge'
import { kindLabel } from '../../kinds'
import '../../activities.scss'

const LOGIN_PAGE = pageUrl('me/login')
const REGISTER_PAGE = pageUrl('members/register')

/** One activity: when, where (with navigation), places, and what the caller may do with their sign-up now. */
export default function ActivityPage() {
  const { t, language } = useSettings()
  usePageTitle(t('activities.title'))
  const id = useRouter().params.id ?? ''
  const origin = useRef<Origin>(null)
  const { data, pending, update } = useScreenData(async () => {
    origin.current = await locate()
    const shown = await callWithOfflineCopy('GET /api/activities/{id}', {
      path: { id },
      query: originQuery(origin.current),
    })
    return { activity: shown.data.activity, offlineAt: shown.fromCache ? shown.updatedAt : null }
  })
  const [busy, setBusy] = useState(false)
  const askForNotices = useNoticePrompt(['activity_promoted', 'activity_changed', 'activity_cancelled'])
  const now = useNow()
  const user = currentUser()

  useSharing(() => ({
    title: data ? `${data.activity.title} · ${t('activities.title')}` : t('activities.title'),
    page: 'activities/detail',
    query: { id },
  }))

  if (!data) return pending
  const { activity, offlineAt } = data

  /** Runs a sign-up write and shows the activity it answers with. */
  const act = async (write: () => Promise<{ activity: Activity }>) => {
    if (busy) return
    setBusy(true)
    try {
      const { activity: changed } = await write()
      // The answer is the activity without the distance (the writes take no position): keep the one shown.
      update((shown) => ({ ...shown, activity: { ...changed, distanceM: shown.activity.distanceM } }))
    } catch {
      // The request client has shown the API's reason.
    } finally {
      setBusy(false)
    }
  }
  const scan = (direction: 'in' | 'out') =>
    act(async () => {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const here = await locate()
      const body = { code: result, direction, ...(here && { lat: here.lat, lng: here.lng }) }
      const scanned = await call('POST /api/activities/{id}/checkins', { path: { id }, body })
      void Taro.showToast({ title: t(direction === 'in' ? 'activities.checkedIn' : 'activities.checkedOut') })
      return scanned
    })

  const mine = activity.mySignup
  const open = activity.status === 'scheduled'
  const started = now >= Date.parse(activity.startsAt)
  const checkinOpen = now >= Date.parse(activity.checkInOpensAt) && now <= Date.parse(activity.checkInClosesAt)
  const distance = formatDistance(t, activity.distanceM)
  const state = signupState(activity, t)

  return (
    <Screen className="activity">
      {offlineAt ? (
        <View className="notice" role="status">
          <Text>{t('common.offlineAt', { time: new Date(offlineAt).toLocaleString() })}</Text>
        </View>
      ) : null}
      <View className="card">
        <Text className="activity-card__kind">{t(kindLabel(activity.kind))}</Text>
        <Text id="activity-title" className="activity__title">
          {activity.title}
        </Text>
        <View className="activity__row">
          <Text className="muted">{t('lectures.when')}</Text>
          <Text>{formatSessionTime(activity.startsAt, activity.endsAt, language)}</Text>
        </View>
        <View className="activity__row">
          <Text className="muted">{t('lectures.where')}</Text>
          <Text>
            {activity.address}
            {distance ? ` · ${distance}` : ''}
          </Text>
        </View>
        <View className="activity__row">
          <Text className="muted">{t('activities.organiser')}</Text>
          <Text>{activity.communityName}</Text>
        </View>
        <View className="activity__row">
          <Text id="places" className={`badge ${activity.placesLeft > 0 ? 'badge--open' : 'badge--closed'}`}>
            {activity.placesLeft > 0 ? t('activities.placesLeft', { n: activity.placesLeft }) : t('activities.full')}
          </Text>
          <Text className="muted">
            {t('activities.needed', { n: activity.volunteersNeeded })}
            {activity.waitlistCount > 0 ? ` · ${t('lectures.waitlist', { n: activity.waitlistCount })}` : ''}
          </Text>
        </View>
        <Text className="activity__text">{activity.description}</Text>
        <Button
          id="navigate"
          className="btn btn--ghost"
          onClick={() =>
            void Taro.openLocation({
              latitude: activity.lat,
              longitude: activity.lng,
              name: activity.title,
              address: activity.address,
            })
          }
        >
          {t('stations.navigate')}
        </Button>
      </View>

      <View className="card activity__actions">
        {state ? (
          <Text id="my-signup" className="activity__state">
            {state}
          </Text>
        ) : null}
        {mine?.checkedInAt ? (
          <Text className="muted">
            {t('activities.inAt', { time: formatMoment(mine.checkedInAt, language) })}
            {mine.checkedOutAt
              ? ` · ${t('activities.outAt', { time: formatMoment(mine.checkedOutAt, language) })}`
              : ''}
          </Text>
        ) : null}
        {open && !mine && !started && !user ? (
          <Button id="login" className="btn btn--primary" onClick={() => void Taro.navigateTo({ url: LOGIN_PAGE })}>
            {t('activities.loginToSignUp')}
          </Button>
        ) : null}
        {open && !mine && !started && user && user.role !== 'member' && user.role !== 'staff' ? (
          <View id="verify-first">
            <Text className="notice">{t('activities.verifyFirst')}</Text>
            <Button
              id="go-register"
              className="btn btn--ghost"
              onClick={() => void Taro.navigateTo({ url: REGISTER_PAGE })}
            >
              {t('members.register')}
            </Button>
          </View>
        ) : null}
        {open && !mine && !started && user?.role === 'member' ? (
          <Button
            id="sign-up"
            className="btn btn--primary"
            loading={busy}
            onClick={() =>
              void act(async () => {
                await askForNotices()
                return call('POST /api/activities/{id}/signups', { path: { id } })
              })
            }
          >
            {activity.placesLeft > 0 ? t('activities.signUp') : t('activities.joinWaitlist')}
          </Button>
        ) : null}
        {open && !mine && started ? <Text className="muted">{t('activities.started')}</Text> : null}
        {open && mine && !started ? (
          <Button
            id="withdraw"
            className="btn btn--ghost"
            loading={busy}
            onClick={() => void act(() => call('DELETE /api/activities/{id}/signups/me', { path: { id } }))}
          >
            {t('activities.withdraw')}
          </Button>
        ) : null}
        {open && mine?.status === 'confirmed' && !mine.checkedInAt && checkinOpen ? (
          <Button id="check-in" className="btn btn--primary" onClick={() => void scan('in')}>
            {t('activities.scanIn')}
          </Button>
        ) : null}
        {open && mine?.checkedInAt && !mine.checkedOutAt ? (
          <Button id="check-out" className="btn btn--primary" onClick={() => void scan('out')}>
            {t('activities.scanOut')}
          </Button>
        ) : null}
        {user?.role === 'staff' ? (
          <Button
            id="manage"
            className="btn btn--ghost"
            onClick={() => void Taro.navigateTo({ url: pageUrl('activities/manage', { id }) })}
          >
            {t('activities.manage')}
          </Button>
        ) : null}
      </View>
    </Screen>
  )
}
