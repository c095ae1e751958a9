import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter, useUnload } from '@tarojs/taro'
import type { Guesthouse, LectureSession } from '@contract'
import { useRef, useState } from 'react'
import { call, callForText } from '../../../../shared/client'
import { deliverCsv } from '../../../../shared/deliver-csv'
import { useSettings } from '../../../../shared/settings'
import { formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { planOf, SessionForm, sessionFieldsOf, type SessionPlan } from '../../components/SessionForm'
import { QrCode } from '../../components/QrCode'
import '../../staff.scss'

/** Only what staff changed goes to the API: every change is announced to the people booked. */
function changedFields(before: SessionPlan, after: SessionPlan) {
  const was = sessionFieldsOf(before)
  const now = sessionFieldsOf(after)
  return Object.fromEntries(Object.entries(now).filter(([key, value]) => was[key as keyof typeof was] !== value))
}

export default function StaffSession() {
  const { t, language, inLanguage } = useSettings()
  usePageTitle(t('staff.sessionTitle'))
  const id = useRouter().params.id ?? ''
  const { data, pending, reload, update } = useScreenData(async () => {
    const path = { id }
    const [{ session }, { items: people }, code] = await Promise.all([
      call('GET /api/lectures/sessions/{id}', { path, toast: false }),
      call('GET /api/lectures/sessions/{id}/attendance', { path, toast: false }),
      call('GET /api/lectures/sessions/{id}/checkin-code', { path, toast: false }),
    ])
    return { session, people, code }
  })
  const [edit, setEdit] = useState<{ plan: SessionPlan; places: Guesthouse[] } | null>(null)
  const [saving, setSaving] = useState(false)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  // The code rotates every minute; refresh it (and who has arrived) twice a minute.
  useLoad(() => {
    timer.current = setInterval(() => void reload(), 30_000)
  })
  useUnload(() => timer.current && clearInterval(timer.current))

  if (!data) return pending
  const { session, people, code } = data
  const showSession = (changed: LectureSession) => update((shown) => ({ ...shown, session: changed }))

  const startEdit = async () => {
    try {
      setEdit({ plan: planOf(session), places: (await call('GET /api/guesthouses', { toast: false })).items })
    } catch {
      void Taro.showToast({ title: t('common.error'), icon: 'none' })
    }
  }
  const saveEdit = async () => {
    if (!edit) return
    const patch = changedFields(planOf(session), edit.plan)
    if (Object.keys(patch).length === 0) return setEdit(null)
    setSaving(true)
    try {
      showSession((await call('PATCH /api/lectures/sessions/{id}', { path: { id }, body: patch })).session)
      setEdit(null)
      void Taro.showToast({ title: t('staff.sessionChanged'), icon: 'none' })
    } catch {
      // The request client has shown why (e.g. fewer seats than people already confirmed).
    } finally {
      setSaving(false)
    }
  }

  return (
    <Screen>
      <View className="card">
        <Text className="staff-station__name">{inLanguage(session.topicTitle, session.topicTitleEn)}</Text>
        <Text id="session-when" className="report-item__text">
          {formatSessionTime(session.startsAt, session.endsAt, language)} · {session.guesthouse.name}
        </Text>
        {session.speaker ? <Text className="muted">{session.speaker}</Text> : null}
        {edit ? (
          <SessionForm
            plan={edit.plan}
            places={edit.places}
            onChange={(plan) => setEdit({ ...edit, plan })}
            onSubmit={() => void saveEdit()}
            submitLabel={t('staff.saveSession')}
            busy={saving}
          />
        ) : session.status === 'scheduled' ? (
          <Button id="edit-session" className="btn btn--ghost form__save" onClick={() => void startEdit()}>
            {t('staff.editSession')}
          </Button>
        ) : null}
      </View>
      {session.status === 'scheduled' ? (
        <View className="card checkin">
          <Text className="form__label">{t('staff.checkinCode')}</Text>
          <View className="checkin__qr" id="checkin-qr" data-code={code.code}>
            <QrCode text={code.code} />
          </View>
          <Text className="muted">{t('staff.checkinHint')}</Text>
        </View>
      ) : (
        <View className="notice">{t('lectures.sessionCancelled')}</View>
      )}
      <View className="card">
        <Text className="form__label">
          {t('staff.attendance')} · {session.confirmedCount}/{session.capacity}
        </Text>
        {people.map((p, i) => (
          <View key={i} className="menu__item">
            <Text>
              {p.nickname}
              {p.position ? ` · ${t('lectures.waitlisted', { n: p.position })}` : ''}
            </Text>
            <Text className="muted">
              {p.checkedInAt
                ? `${t('staff.checkedInAt', { time: new Date(p.checkedInAt).toLocaleTimeString() })} · ` +
                  t(p.locationVerified ? 'staff.locationVerified' : 'staff.locationUnverified')
                : t('staff.notCheckedIn')}
            </Text>
          </View>
        ))}
        <Button
          id="export-csv"
          className="btn btn--ghost form__save"
          onClick={() =>
            void callForText('GET /api/lectures/sessions/{id}/attendance.csv', { path: { id } }).then((csv) =>
              deliverCsv(`attendance-${id}.csv`, csv),
            )
          }
        >
          {t('staff.exportCsv')}
        </Button>
      </View>
      {session.status === 'scheduled' ? (
        <Button
          id="cancel-session"
          className="btn btn--ghost"
          onClick={() =>
            void Taro.showModal({ title: t('staff.cancelSession'), content: session.topicTitle }).then(({ confirm }) =>
              confirm
                ? call('POST /api/lectures/sessions/{id}/cancel', { path: { id }, body: {} }).then(
                    ({ session: cancelled }) => showSession(cancelled),
                  )
                : undefined,
            )
          }
        >
          {t('staff.cancelSession')}
        </Button>
      ) : null}
    </Screen>
  )
}
