import { Picker, Text, View } from '@tarojs/components'
import { useSettings } from '../settings'

export interface DayAndTimesValue {
  /** "2026-11-26" on the old town's clock. */
  date: string
  start: string
  end: string
}

/** A day and a start–end time as staff pick them for a session or an activity, each picker named for screen readers. */
export function DayAndTimes({
  value,
  onChange,
}: {
  value: DayAndTimesValue
  onChange(change: Partial<DayAndTimesValue>): void
}) {
  const { t } = useSettings()
  const { date, start, end } = value
  return (
    <View className="form__day">
      <Picker mode="date" value={date} onChange={(e) => onChange({ date: String(e.detail.value) })}>
        <View ariaLabel={`${t('staff.date')} ${date}`}>
          <Text className="form__input">{date}</Text>
        </View>
      </Picker>
      <Picker mode="time" value={start} onChange={(e) => onChange({ start: String(e.detail.value) })}>
        <View ariaLabel={`${t('staff.start')} ${start}`}>
          <Text className="form__input">{start}</Text>
        </View>
      </Picker>
      <Text>–</Text>
      <Picker mode="time" value={end} onChange={(e) => onChange({ end: String(e.detail.value) })}>
        <View ariaLabel={`${t('staff.end')} ${end}`}>
          <Text className="form__input">{end}</Text>
        </View>
      </Picker>
    </View>
  )
}
