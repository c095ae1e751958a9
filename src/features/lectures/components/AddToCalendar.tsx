import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LectureSession } from '@contract'
import { useSettings } from '../../../shared/settings'

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)
/** The phone reminds half an hour before: time to walk across the old town. */
const REMIND_SECONDS_BEFORE = 30 * 60

/** 添加到手机日历 in WeChat: the session as an event of the phone's own calendar (WeChat asks the person first). */
export function AddToCalendar({ session }: { session: LectureSession }) {
  const { t, inLanguage } = useSettings()
  // Callbacks, not a promise: Taro hands this API to WeChat as it is, without wrapping it in one.
  const add = () =>
    Taro.addPhoneCalendar({
      title: inLanguage(session.topicTitle, session.topicTitleEn),
      startTime: seconds(session.startsAt),
      // WeChat takes a number here (its reference); Taro's types still say string.
      endTime: seconds(session.endsAt) as unknown as string,
      location: `${session.guesthouse.name} ${session.guesthouse.address}`,
      description: session.speaker ? `${t('lectures.speaker')} ${session.speaker}` : '',
      alarm: true,
      alarmOffset: REMIND_SECONDS_BEFORE,
      success: () => void Taro.showToast({ title: t('lectures.calendarAdded'), icon: 'success' }),
      fail: ({ errMsg }) => {
        // The person said no, in the prompt or before: nothing to tell them.
        if (!/cancel|deny/.test(errMsg)) void Taro.showToast({ title: t('common.error'), icon: 'none' })
      },
    })
  return (
    <Button id="add-calendar" className="btn btn--ghost" onClick={() => void add()}>
      {t('lectures.addToCalendar')}
    </Button>
  )
}
