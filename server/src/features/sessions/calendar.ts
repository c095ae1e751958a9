import { calendarFile } from '../../shared/icalendar.js'
import { h5Address, pageUrl } from '../../shared/values/pages.js'
import type { LectureSession } from './schemas.js'

/** Where the H5 app shows a session: the link a calendar entry leads back to. */
export const sessionPageUrl = (origin: string, id: string) => h5Address(origin, pageUrl('lectures/session', { id }))

/** A session as the event a phone's calendar keeps (添加到手机日历 in the browser), in the reader's language. */
export function sessionCalendar(
  session: LectureSession,
  { origin, language, stamp }: { origin: string; language: 'zh' | 'en'; stamp: Date },
): string {
  const zh = language === 'zh'
  const { guesthouse } = session
  const url = sessionPageUrl(origin, session.id)
  const topic = zh ? session.topicTitle : session.topicTitleEn
  const speaker = session.speaker ? (zh ? `主讲：${session.speaker}` : `Speaker: ${session.speaker}`) : null
  return calendarFile({
    uid: `${session.id}@old-town-hub`,
    stamp,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    summary: zh ? `微讲堂：${topic}` : `Micro-lecture: ${topic}`,
    location: `${guesthouse.name}, ${guesthouse.address}`,
    description: [topic, speaker, `${guesthouse.name}, ${guesthouse.address}`, url].filter(Boolean).join('\n'),
    url,
    cancelled: session.status === 'cancelled',
  })
}
