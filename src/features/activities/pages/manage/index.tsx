import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter, useUnload } from '@tarojs/taro'
import type { ActivityAttendance } from '@contract'
import { ACTIVITY_CANCEL_REASON_LENGTH } from '@values/limits'
import { useRef, useState } from 'react'
import { pageUrl } from '@values/pages'
import { call, callForText } from '../../../../shared/client'
import { deliverCsv } from '../../../../shared/deliver-csv'
import { useSettings } from '../../../../shared/settings'
import { formatMoment, formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { QrCode } from '../../../staff/components/QrCode'
import { HoursForm } from '../../components/HoursForm'
import '../../../staff/staff.scss'
import '../../activities.scss'

type Person = ActivityAttendance['items'][number]

/** The code is only given while the activity is on; a cancelled or finished one has none (the API answers 409). */
const codeOf = (id: string) =>
  call('GET /api/activities/{id}/checkin-code', { path: { id }, toast: false }).catch(() => null)

/** Staff on the spot: the rotating check-in code, who came and for how long, hours by hand, the CSV, cancelling. */
export default function ManageActivity() {
  const { t, language } = useSettings()
  usePageTitle(t('activities.manage'))
  const id = useRouter().params.id ?? ''
  const { data, pending, reload, update } = useScreenData(async () => {
    const [{ activity }, { items: people }, code] = await Promise.all([
      call('GET /api/activities/{id}', { path: { id }, toast: false }),
      call('GET /api/activities/{id}/attendance', { path: { id }, toast: false }),
      codeOf(id),
    ])
    return { activity, people, code }
  })
  const [editing, setEditing] = useState<string | null>(null)
  /** The reason being typed while staff cancel; null when not cancelling. */
  const [cancelling, setCancelling] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  // The code rotates every minute; refresh it (and who has arrived) twice a minute.
  useLoad(() => {
    timer.current = setInterval(() => void reload(), 30_000)
  })
  useUnload(() => timer.current && clearInterval(timer.current))

  if (!data) return pending
  const { activity, people, code } = data
  const showPerson = (changed: Person) => {
    update((shown) => ({ ...shown, people: shown.people.map((p) => (p.memberId === changed.memberId ? changed : p)) }))
    setEditing(null)
  }
  const cancel = async () => {
    const reason = cancelling?.trim()
    try {
      const { activity: cancelled } = await call('POST /api/activities/{id}/cancel', {
        path: { id },
        body: reason ? { reason } : {},
      })
      update((shown) => ({ ...shown, activity: cancelled, code: null }))
      setCancelling(null)
    } catch {
      // The request client has shown the API's reason.
    }
  }
  const exportCsv = async () =>
    deliverCsv(`activity-${id}.csv`, await callForText('GET /api/activities/{id}/attendance.csv', { path: { id } }))

  return (
    <Screen className="manage-activity">
      <View className="card">
        <Text className="activity__title">{activity.title}</Text>
        <Text id="activity-when" className="report-item__text">
          {formatSessionTime(activity.startsAt, activity.endsAt, language)} · {activity.address}
        </Text>
        {activity.status === 'scheduled' ? (
          <Button
            id="edit-activity"
            className="btn btn--ghost"
            onClick={() => void Taro.navigateTo({ url: pageUrl('activities/edit', { id }) })}
          >
            {t('activities.edit')}
          </Button>
        ) : (
          <View className="notice">{t('activities.cancelled')}</View>
        )}
      </View>
      {code ? (
        <View className="card checkin">
          <Text className="form__label">{t('staff.checkinCode')}</Text>
          <View className="checkin__qr" id="checkin-qr" data-code={code.code}>
            <QrCode text={code.code} />
          </View>
          <Text className="muted">{t('activities.codeHint')}</Text>
        </View>
      ) : null}
      <View className="card" id="attendance">
        <Text className="form__label">
          {t('staff.attendance')} · {activity.confirmedCount}/{activity.volunteersNeeded}
        </Text>
        {people.map((p, i) => (
          <View key={p.memberId ?? i}>
            <View
              id={`person-${p.memberId ?? i}`}
              className="menu__item"
              ariaRole="button"
              onClick={() => p.memberId && p.status === 'confirmed' && setEditing(p.memberId)}
            >
              <View>
                <Text className="activity__row">
                  {p.realName ?? p.nickname}
                  {p.position ? ` · ${t('lectures.waitlisted', { n: p.position })}` : ''}
                  {p.status === 'cancelled' ? ` · ${t('activities.withdrawn')}` : ''}
                </Text>
                <Text className="muted">
                  {p.checkedInAt
                    ? t('activities.inAt', { time: formatMoment(p.checkedInAt, language) }) +
                      (p.checkedOutAt
                        ? ` · ${t('activities.outAt', { time: formatMoment(p.checkedOutAt, language) })}`
                        : '') +
                      ` · ${t(p.locationVerified ? 'staff.locationVerified' : 'staff.locationUnverified')}`
                    : t('staff.notCheckedIn')}
                </Text>
                {p.hoursReason ? <Text className="muted">{p.hoursReason}</Text> : null}
              </View>
              <Text id={`hours-${p.memberId ?? i}`}>
                {p.hours === null ? '—' : t('activities.hours', { n: p.hours })}
              </Text>
            </View>
            {editing && editing === p.memberId ? (
              <HoursForm activityId={id} person={{ ...p, memberId: editing }} onSaved={showPerson} />
            ) : null}
          </View>
        ))}
        <Text className="muted">{t('activities.setHoursHint')}</Text>
        <Button id="export-csv" className="btn btn--ghost form__save" onClick={() => void exportCsv()}>
          {t('staff.exportCsv')}
        </Button>
      </View>
      {activity.status === 'scheduled' && cancelling === null ? (
        <Button id="cancel-activity" className="btn btn--ghost" onClick={() => setCancelling('')}>
          {t('activities.cancelActivity')}
        </Button>
      ) : null}
      {activity.status === 'scheduled' && cancelling !== null ? (
        <View className="card hours-form">
          <Input
            id="cancel-reason"
            className="form__input"
            maxlength={ACTIVITY_CANCEL_REASON_LENGTH}
            value={cancelling}
            ariaLabel={t('activities.cancelReason')}
            placeholder={t('activities.cancelReason')}
            onInput={(e) => setCancelling(e.detail.value)}
          />
          <Button id="confirm-cancel" className="btn btn--primary" onClick={() => void cancel()}>
            {t('activities.cancelActivity')}
          </Button>
        </View>
      ) : null}
    </Screen>
  )
}
