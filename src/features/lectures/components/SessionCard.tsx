import { Text, View } from '@tarojs/components'
import type { LectureSession } from '@contract'
import { useSettings } from '../../../shared/settings'
import { formatSessionTime } from '../../../shared/time'
import { formatDistance } from '../../stations/format'
import './SessionCard.scss'

/** A session, with the caller's booking when the card should show it. */
type SessionView = Omit<LectureSession, 'myBooking'> & {
  myBooking?: Pick<NonNullable<LectureSession['myBooking']>, 'status' | 'position'> | null
}

export function SessionCard({ session, onOpen }: { session: SessionView; onOpen(id: string): void }) {
  const { t, language, inLanguage } = useSettings()
  const distance = formatDistance(t, session.guesthouse.distanceM)
  const mine = session.myBooking
  return (
    <View
      id={`session-${session.id}`}
      className="card session-card"
      ariaRole="button"
      onClick={() => onOpen(session.id)}
    >
      <View className="session-card__head">
        <Text className="session-card__topic">{inLanguage(session.topicTitle, session.topicTitleEn)}</Text>
        {mine ? (
          <Text className="badge badge--open">
            {mine.status === 'confirmed'
              ? t('lectures.confirmed')
              : t('lectures.waitlisted', { n: mine.position ?? 0 })}
          </Text>
        ) : null}
      </View>
      <Text className="session-card__line">{formatSessionTime(session.startsAt, session.endsAt, language)}</Text>
      <Text className="session-card__line muted">
        {session.guesthouse.name}
        {distance ? ` · ${distance}` : ''}
      </Text>
      <View className="session-card__seats">
        {session.status === 'cancelled' ? (
          <Text className="badge badge--closed">{t('lectures.sessionCancelled')}</Text>
        ) : (
          <Text className={`badge ${session.seatsLeft > 0 ? 'badge--open' : 'badge--closed'}`}>
            {session.seatsLeft > 0 ? t('lectures.seatsLeft', { n: session.seatsLeft }) : t('lectures.full')}
          </Text>
        )}
        {session.waitlistCount > 0 ? (
          <Text className="muted session-card__wait">{t('lectures.waitlist', { n: session.waitlistCount })}</Text>
        ) : null}
        {session.speaker ? <Text className="muted session-card__speaker">{session.speaker}</Text> : null}
      </View>
    </View>
  )
}
