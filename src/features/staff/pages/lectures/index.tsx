import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Guesthouse, LectureSession, TopicDemand } from '@contract'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { newPlan, SessionForm, sessionFieldsOf, type SessionPlan } from '../../components/SessionForm'
import '../../staff.scss'

interface Data {
  demand: TopicDemand['items']
  places: Guesthouse[]
  sessions: LectureSession[]
}
export default function StaffLectures() {
  const { t, language, inLanguage } = useSettings()
  usePageTitle(t('staff.lectures'))
  const [plan, setPlan] = useState<(SessionPlan & { topicId: string }) | null>(null)

  const { data, pending, reload } = useScreenData(async (): Promise<Data> => {
    const [demand, places, sessions] = await Promise.all([
      call('GET /api/lectures/topics/demand', { toast: false }),
      call('GET /api/guesthouses', { toast: false }),
      call('GET /api/lectures/sessions', { toast: false }),
    ])
    return { demand: demand.items, places: places.items, sessions: sessions.items }
  })
  if (!data) return pending

  const startPlan = (topicId: string) => setPlan({ topicId, ...newPlan(data.places[0]?.id ?? '') })
  const submit = async () => {
    if (!plan) return
    try {
      await call('POST /api/lectures/sessions', { body: { topicId: plan.topicId, ...sessionFieldsOf(plan) } })
      void Taro.showToast({ title: t('staff.scheduled'), icon: 'none' })
      setPlan(null)
      await reload()
    } catch {
      // The request client has shown which field is wrong.
    }
  }

  return (
    <Screen>
      <Text className="form__label">{t('staff.demand')}</Text>
      {data.demand.map((d) => (
        <View key={d.topicId} id={`demand-${d.topicId}`} className="card">
          <View className="staff-station__head">
            <Text className="staff-station__name">{d.title}</Text>
            <Text className="topic-card__count">{t('lectures.orders', { n: d.orders })}</Text>
          </View>
          <Text className="muted">
            {Object.entries(d.byTime)
              .map(([k, v]) => `${k} ${v}`)
              .join(' · ')}
            {Object.keys(d.byArea).length
              ? ` | ${Object.entries(d.byArea)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · ')}`
              : ''}
          </Text>
          {plan?.topicId === d.topicId ? (
            <SessionForm
              plan={plan}
              places={data.places}
              onChange={(changed) => setPlan({ ...changed, topicId: plan.topicId })}
              onSubmit={() => void submit()}
              submitLabel={t('staff.schedule')}
            />
          ) : (
            <Button id={`plan-${d.topicId}`} className="btn btn--ghost form__save" onClick={() => startPlan(d.topicId)}>
              {t('staff.schedule')}
            </Button>
          )}
        </View>
      ))}

      <Text className="form__label">{t('staff.upcoming')}</Text>
      {data.sessions.map((s) => (
        <View
          key={s.id}
          id={`staff-session-${s.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: pageUrl('staff/session', { id: s.id }) })}
        >
          <Text className="staff-station__name">{inLanguage(s.topicTitle, s.topicTitleEn)}</Text>
          <Text className="report-item__text">
            {formatSessionTime(s.startsAt, s.endsAt, language)} · {s.guesthouse.name}
          </Text>
          <Text className="muted">
            {s.status === 'cancelled'
              ? t('lectures.sessionCancelled')
              : `${s.confirmedCount}/${s.capacity} · ${t('lectures.waitlist', { n: s.waitlistCount })}`}
          </Text>
        </View>
      ))}
    </Screen>
  )
}
