import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { MyBookings } from '@contract'
import { useEffect, useState } from 'react'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { myBookings } from '../../api'
import { SessionCard } from '../../components/SessionCard'
import '../../index.scss'

const SCOPES = ['upcoming', 'waitlisted', 'past'] as const
type Scope = (typeof SCOPES)[number]
const SCOPE_LABEL = { upcoming: 'lectures.scopeUpcoming', waitlisted: 'lectures.scopeWaitlisted', past: 'lectures.scopePast' } as const

type Status = { kind: 'loading' } | { kind: 'ready'; items: MyBookings['items'] } | { kind: 'error'; message: string }

export default function MyBookingsPage() {
  const { t } = useSettings()
  const [scope, setScope] = useState<Scope>('upcoming')
  const [status, setStatus] = useState<Status>({ kind: 'loading' })

  const load = async (which: Scope) => {
    setStatus({ kind: 'loading' })
    try {
      setStatus({ kind: 'ready', items: (await myBookings(which)).items })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }

  useEffect(() => void Taro.setNavigationBarTitle({ title: t('lectures.myBookings') }), [t])
  useDidShow(() => void load(scope))
  usePullDownRefresh(() => void load(scope).finally(() => Taro.stopPullDownRefresh()))

  return (
    <Screen>
      <View className="lectures__tabs" role="tablist">
        {SCOPES.map((key) => (
          <View
            key={key}
            id={`scope-${key}`}
            className={`lectures__tab ${scope === key ? 'lectures__tab--on' : ''}`}
            ariaRole="tab"
            onClick={() => {
              setScope(key)
              void load(key)
            }}
          >
            {t(SCOPE_LABEL[key])}
          </View>
        ))}
      </View>
      {status.kind === 'loading' ? <StateView state="loading" /> : null}
      {status.kind === 'error' ? <StateView state="error" message={status.message} onRetry={() => void load(scope)} /> : null}
      {status.kind === 'ready' && status.items.length === 0 ? <StateView state="empty" title={t('lectures.noBookings')} /> : null}
      {status.kind === 'ready'
        ? status.items.map((b) => (
            <SessionCard
              key={b.id}
              session={{ ...b.session, myBooking: b.status === 'cancelled' ? null : { id: b.id, status: b.status, position: b.position ?? null } }}
              onOpen={(id) => void Taro.navigateTo({ url: `/features/lectures/pages/session/index?id=${id}` })}
            />
          ))
        : null}
    </Screen>
  )
}
