import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { control } from '../../../../shared/ui/a11y'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { SessionCard } from '../../components/SessionCard'
import '../../index.scss'

const SCOPES = ['upcoming', 'waitlisted', 'past'] as const
type Scope = (typeof SCOPES)[number]
const SCOPE_LABEL = {
  upcoming: 'lectures.scopeUpcoming',
  waitlisted: 'lectures.scopeWaitlisted',
  past: 'lectures.scopePast',
} as const

export default function MyBookingsPage() {
  const { t } = useSettings()
  usePageTitle(t('lectures.myBookings'))
  const [scope, setScope] = useState<Scope>('upcoming')
  const { data: bookings, placeholder } = useScreenData(
    async () => (await call('GET /api/me/bookings', { query: { scope }, toast: false })).items,
    scope,
  )

  return (
    <Screen>
      <View className="lectures__tabs" role="tablist">
        {SCOPES.map((key) => (
          <View
            key={key}
            id={`scope-${key}`}
            className={`lectures__tab ${scope === key ? 'lectures__tab--on' : ''}`}
            {...control('tab', { selected: scope === key })}
            onClick={() => setScope(key)}
          >
            {t(SCOPE_LABEL[key])}
          </View>
        ))}
      </View>
      {placeholder}
      {bookings?.length === 0 ? <StateView state="empty" title={t('lectures.noBookings')} /> : null}
      {bookings?.map((b) => (
        <SessionCard
          key={b.id}
          session={{
            ...b.session,
            myBooking: b.status === 'cancelled' ? null : { status: b.status, position: b.position ?? null },
          }}
          onOpen={(id) => void Taro.navigateTo({ url: pageUrl('lectures/session', { id }) })}
        />
      ))}
    </Screen>
  )
}
