import { ScrollView, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { ServiceKey, StationSummary } from '@contract'
import { useCallback, useRef, useState } from 'react'
import { ApiError } from '../../shared/request'
import { useSettings } from '../../shared/settings'
import { KEYS, readStorage, writeStorage } from '../../shared/storage'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { listStations, type Origin } from './api'
import { StationCard } from './components/StationCard'
import { SERVICES, serviceLabel } from './format'
import { locate } from './location'
import './index.scss'

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

export default function StationsPage() {
  const { t } = useSettings()
  const [service, setService] = useState<ServiceKey | undefined>(undefined)
  const [openOnly, setOpenOnly] = useState(false)
  const [items, setItems] = useState<StationSummary[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const [offlineAt, setOfflineAt] = useState<number | null>(null)
  const [origin, setOrigin] = useState<Origin | undefined>(undefined)
  const loadingMore = useRef(false)

  const load = useCallback(
    async (next: { service?: ServiceKey; openOnly: boolean }, where: Origin) => {
      setStatus({ kind: 'loading' })
      try {
        const page = await listStations({ service: next.service, openNow: next.openOnly }, where)
        setItems(page.data.items)
        setNextCursor(page.data.nextCursor)
        setOfflineAt(page.fromCache ? page.updatedAt : null)
        setStatus({ kind: 'ready' })
      } catch (error) {
        setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
      }
    },
    [t],
  )

  useDidShow(() => {
    // Home's quick actions leave the chosen need here: tab pages cannot take query parameters.
    const need = readStorage<ServiceKey>(KEYS.stationsNeed)
    if (need) writeStorage(KEYS.stationsNeed, undefined)
    const nextService = need ?? service
    if (need) setService(need)
    if (origin === undefined) {
      void locate().then((where) => {
        setOrigin(where)
        void load({ service: nextService, openOnly }, where)
      })
    } else if (need || items.length === 0) {
      void load({ service: nextService, openOnly }, origin)
    }
  })

  usePullDownRefresh(() => {
    void locate()
      .then((where) => {
        setOrigin(where)
        return load({ service, openOnly }, where)
      })
      .finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    if (!nextCursor || loadingMore.current) return
    loadingMore.current = true
    listStations({ service, openNow: openOnly }, origin ?? null, nextCursor)
      .then((page) => {
        setItems((current) => [...current, ...page.data.items])
        setNextCursor(page.data.nextCursor)
      })
      .catch(() => undefined)
      .finally(() => {
        loadingMore.current = false
      })
  })

  useShareAppMessage(() => ({ title: t('stations.title'), path: '/features/stations/index' }))

  const chooseService = (next: ServiceKey | undefined) => {
    setService(next)
    void load({ service: next, openOnly }, origin ?? null)
  }
  const toggleOpenOnly = (on: boolean) => {
    setOpenOnly(on)
    void load({ service, openOnly: on }, origin ?? null)
  }
  const open = (id: string) => void Taro.navigateTo({ url: `/features/stations/pages/detail/index?id=${id}` })

  return (
    <Screen className="stations">
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View id="filter-all" className={`chip ${service ? '' : 'chip--on'}`} ariaRole="button" onClick={() => chooseService(undefined)}>
          {t('stations.filterAll')}
        </View>
        {SERVICES.map((key) => (
          <View
            key={key}
            id={`filter-${key}`}
            className={`chip ${service === key ? 'chip--on' : ''}`}
            ariaRole="button"
            ariaLabel={t(serviceLabel(key))}
            onClick={() => chooseService(key)}
          >
            {t(serviceLabel(key))}
          </View>
        ))}
      </ScrollView>
      <View className="stations__toggle">
        <Text>{t('stations.onlyOpen')}</Text>
        <Switch id="open-only" checked={openOnly} color="#B71C1C" onChange={(e) => toggleOpenOnly(e.detail.value)} />
      </View>

      {origin === null ? (
        <View className="notice" role="note">
          <Text>{t('stations.locationDenied')}</Text>
        </View>
      ) : null}
      {offlineAt ? (
        <View className="notice" role="status">
          <Text>{t('common.offlineAt', { time: new Date(offlineAt).toLocaleString() })}</Text>
        </View>
      ) : null}

      {status.kind === 'loading' ? <StateView state="loading" /> : null}
      {status.kind === 'error' ? (
        <StateView state="error" message={status.message} onRetry={() => void load({ service, openOnly }, origin ?? null)} />
      ) : null}
      {status.kind === 'ready' && items.length === 0 ? (
        <StateView state="empty" title={t('stations.empty')} hint={t('stations.emptyHint')} />
      ) : null}
      {status.kind === 'ready' ? (
        <View className="stations__list">
          {items.map((station) => (
            <StationCard key={station.id} station={station} onOpen={open} />
          ))}
          {items.length > 0 ? (
            <Text className="stations__end muted">{nextCursor ? t('common.loadMore') : t('common.noMore')}</Text>
          ) : null}
        </View>
      ) : null}
    </Screen>
  )
}
