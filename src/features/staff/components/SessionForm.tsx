import { Button, Input, Text, View } from '@tarojs/components'
import type { Guesthouse, LectureSession } from '@contract'
import { SESSION_LIMITS } from '@values/limits'
import type { Body } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { shanghaiDateTime, shanghaiInstant } from '../../../shared/time'
import { control } from '../../../shared/ui/a11y'
import { DayAndTimes } from '../../../shared/ui/DayAndTimes'

type LectureSessionCreate = Body<'POST /api/lectures/sessions'>

/** A session as staff type it: the old town's wall-clock date and times, whatever the phone's time zone. */
export interface SessionPlan {
  guesthouseId: string
  date: string
  start: string
  end: string
  capacity: string
  speaker: string
}

export const newPlan = (guesthouseId: string): SessionPlan => ({
  guesthouseId,
  date: shanghaiDateTime(new Date(Date.now() + 86_400_000).toISOString()).date, // tomorrow on the town's clock
  start: '19:30',
  end: '21:00',
  capacity: '20',
  speaker: '',
})

export const planOf = (s: LectureSession): SessionPlan => ({
  guesthouseId: s.guesthouse.id,
  date: shanghaiDateTime(s.startsAt).date,
  start: shanghaiDateTime(s.startsAt).time,
  end: shanghaiDateTime(s.endsAt).time,
  capacity: String(s.capacity),
  speaker: s.speaker ?? '',
})

export const sessionFieldsOf = (plan: SessionPlan): Omit<LectureSessionCreate, 'topicId'> => ({
  guesthouseId: plan.guesthouseId,
  startsAt: shanghaiInstant(plan.date, plan.start),
  endsAt: shanghaiInstant(plan.date, plan.end),
  capacity: Number(plan.capacity),
  speaker: plan.speaker.trim() || null,
})

interface Props {
  plan: SessionPlan
  places: Guesthouse[]
  onChange(plan: SessionPlan): void
  onSubmit(): void
  submitLabel: string
  busy?: boolean
}

/** Where, when, how many and who speaks: the same fields to schedule a session and to change one. */
export function SessionForm({ plan, places, onChange, onSubmit, submitLabel, busy }: Props) {
  const { t } = useSettings()
  const set = (change: Partial<SessionPlan>) => onChange({ ...plan, ...change })
  return (
    <View className="plan">
      <Text className="form__label">{t('staff.guesthouse')}</Text>
      <View>
        {places.map((g) => (
          <View
            key={g.id}
            id={`plan-guesthouse-${g.id}`}
            className={`chip ${plan.guesthouseId === g.id ? 'chip--on' : ''}`}
            {...control('radio', { checked: plan.guesthouseId === g.id })}
            onClick={() => set({ guesthouseId: g.id })}
          >
            {g.name}
          </View>
        ))}
      </View>
      <DayAndTimes value={plan} onChange={set} />
      <Text className="form__label">{t('staff.capacity')}</Text>
      <Input
        id="plan-capacity"
        className="form__input"
        type="number"
        value={plan.capacity}
        onInput={(e) => set({ capacity: e.detail.value })}
      />
      <Text className="form__label">{t('staff.speaker')}</Text>
      <Input
        id="plan-speaker"
        className="form__input"
        maxlength={SESSION_LIMITS.speaker}
        value={plan.speaker}
        onInput={(e) => set({ speaker: e.detail.value })}
      />
      <Button id="plan-submit" className="btn btn--primary form__save" loading={busy} onClick={onSubmit}>
        {submitLabel}
      </Button>
    </View>
  )
}
