import { Text } from '@tarojs/components'
import type { Activity } from '@contract'
import { useSettings } from '../../../shared/settings'

/** The caller's sign-up as one word: cancelled, waiting (with the place), confirmed, checked in, served (hours). */
export function signupState(activity: Activity, t: ReturnType<typeof useSettings>['t']): string | null {
  const mine = activity.mySignup
  if (activity.status === 'cancelled') return t('activities.cancelled')
  if (!mine) return null
  if (mine.status === 'waitlisted') return t('lectures.waitlisted', { n: mine.position ?? 0 })
  if (mine.checkedOutAt) return t('activities.served', { n: mine.hours ?? 0 })
  if (mine.checkedInAt) return t('activities.checkedIn')
  return t('activities.signedUp')
}

export function SignupBadge({ activity }: { activity: Activity }) {
  const { t } = useSettings()
  const state = signupState(activity, t)
  if (!state) return null
  return <Text className={`badge ${activity.status === 'cancelled' ? 'badge--closed' : 'badge--open'}`}>{state}</Text>
}
