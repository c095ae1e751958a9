import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Guesthouse, LectureSession, TopicDemand } from '@contract'
import { useState } from 'react'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { formatSessionTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { guesthouses, scheduleSession, topicDemand, upcomingSessions } from '../../api'
import '../../staff.scss'

interface Data {
  demand: TopicDemand['items']
  places: Guesthouse[]
  sessions: LectureSession[]
}
interface Plan {
  topicId: string
  guesthouseId: string
  date: string
  start: string
  end: string
  capacity: string
  speaker: string
}

/** Shanghai wall-clock date and time to an instant (the old town's clock, whatever the phone's zone). */
const shanghaiInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)

export default function StaffLectures() {
  const { t, language } = useSettings()
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [plan, setPlan] = useState<Plan | null>(null)

  const load = async () => {
    try {
      const [demand, places, sessions] = await Promise.all([topicDemand(), guesthouses(), upcomingSessions()])
      setData({ demand: demand.items, places: places.items, sessions: sessions.items })
      setError(null)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error'))
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (error) return <Screen><StateView state="error" message={error} onRetry={() => void load()} /></Screen>
  if (!data) return <Screen><StateView state="loading" /></Screen>

  const startPlan = (topicId: string) =>
    setPlan({ topicId, guesthouseId: data.places[0]?.id ?? '', date: tomorrow(), start: '19:30', end: '21:00', capacity: '20', speaker: '' })
  const submit = async () => {
    if (!plan) return
    try {
      await scheduleSession({
        topicId: plan.topicId,
        guesthouseId: plan.guesthouseId,
        startsAt: shanghaiInstant(plan.date, plan.start),
        endsAt: shanghaiInstant(plan.date, plan.end),
        capacity: Number(plan.capacity),
        speaker: plan.speaker || undefined,
      })
      void Taro.showToast({ title: t('staff.scheduled'), icon: 'none' })
      setPlan(null)
      await load()
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
            {Object.entries(d.byTime).map(([k, v]) => `${k} ${v}`).join(' · ')}
            {Object.keys(d.byArea).length ? ` | ${Object.entries(d.byArea).map(([k, v]) => `${k} ${v}`).join(' · ')}` : ''}
          </Text>
          {plan?.topicId === d.topicId ? (
            <View className="plan">
              <Text className="form__label">{t('staff.guesthouse')}</Text>
              <View>
                {data.places.map((g) => (
                  <View key={g.id} className={`chip ${plan.guesthouseId === g.id ? 'chip--on' : ''}`} onClick={() => setPlan({ ...plan, guesthouseId: g.id })}>
                    {g.name}
                  </View>
                ))}
              </View>
              <View className="form__day">
                <Picker mode="date" value={plan.date} onChange={(e) => setPlan({ ...plan, date: String(e.detail.value) })}>
                  <Text className="form__input">{plan.date}</Text>
                </Picker>
                <Picker mode="time" value={plan.start} onChange={(e) => setPlan({ ...plan, start: String(e.detail.value) })}>
                  <Text className="form__input">{plan.start}</Text>
                </Picker>
                <Text>–</Text>
                <Picker mode="time" value={plan.end} onChange={(e) => setPlan({ ...plan, end: String(e.detail.value) })}>
                  <Text className="form__input">{plan.end}</Text>
                </Picker>
              </View>
              <Text className="form__label">{t('staff.capacity')}</Text>
              <Input id="plan-capacity" className="form__input" type="number" value={plan.capacity} onInput={(e) => setPlan({ ...plan, capacity: e.detail.value })} />
              <Text className="form__label">{t('staff.speaker')}</Text>
              <Input id="plan-speaker" className="form__input" value={plan.speaker} onInput={(e) => setPlan({ ...plan, speaker: e.detail.value })} />
              <Button id="plan-submit" className="btn btn--primary form__save" onClick={() => void submit()}>
                {t('staff.schedule')}
              </Button>
            </View>
          ) : (
            <Button id={`plan-${d.topicId}`} className="btn btn--ghost form__save" onClick={() => startPlan(d.topicId)}>
              {t('staff.schedule')}
            </Button>
          )}
        </View>
      ))}

      <Text className="form__label">{t('staff.upcoming')}</Text>
      {data.sessions.map((s) => (
        <View key={s.id} id={`staff-session-${s.id}`} className="card" onClick={() => void Taro.navigateTo({ url: `/features/staff/pages/session/index?id=${s.id}` })}>
          <Text className="staff-station__name">{language === 'en' ? s.topicTitleEn : s.topicTitle}</Text>
          <Text className="report-item__text">{formatSessionTime(s.startsAt, s.endsAt, language)} · {s.guesthouse.name}</Text>
          <Text className="muted">
            {s.status === 'cancelled' ? t('lectures.sessionCancelled') : `${s.confirmedCount}/${s.capacity} · ${t('lectures.waitlist', { n: s.waitlistCount })}`}
          </Text>
        </View>
      ))}
    </Screen>
  )
}
