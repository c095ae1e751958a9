import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { useSettings } from '../../../shared/settings'
import { formatSessionTime } from '../../../shared/time'
import { formatDistance } from '../../stations/format'
import { kindLabel } from '../kinds'
import { SignupBadge } from './SignupBadge'
import './ActivityCard.scss'

/** An activity in a list: what, when, where, how many places are left and the caller's sign-up. */
export function ActivityCard({ activity, onOpen }: { activity: Activity; onOpen(id: string): void }) {
  const { t, language } = useSettings()
  const distance = formatDistance(t, activity.distanceM)
  return (
    <View
      id={`activity-${activity.id}`}
      className="card activity-card"
      ariaRole="button"
      onClick={() => onOpen(activity.id)}
    >
      <View className="activity-card__head">
        <Text className="activity-card__kind">{t(kindLabel(activity.kind))}</Text>
        <SignupBadge activity={activity} />
      </View>
      <Text className="activity-card__title">{activity.title}</Text>
      <Text className="activity-card__line">{formatSessionTime(activity.startsAt, activity.endsAt, language)}</Text>
      <Text className="activity-card__line muted">
        {activity.address}
        {distance ? ` · ${distance}` : ''}
      </Text>
      <View className="activity-card__places">
        <Text className={`badge ${activity.placesLeft > 0 ? 'badge--open' : 'badge--closed'}`}>
          {activity.placesLeft > 0 ? t('activities.placesLeft', { n: activity.placesLeft }) : t('activities.full')}
        </Text>
        {activity.waitlistCount > 0 ? (
          <Text className="muted">{t('lectures.waitlist', { n: activity.waitlistCount })}</Text>
        ) : null}
        <Text className="muted">{activity.communityName}</Text>
      </View>
    </View>
  )
}
