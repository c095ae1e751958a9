import { ScrollView, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { ServiceKey, StationKind, StationSummary } from '@contract'
import { useCallback, useRef, useState } from 'react'
import { ApiError } from '../../shared/request'
import { useSettings } from '../../shared/settings'
import { KEYS, readStorage, writeStorage } from '../../shared/storage'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { listStations, type Origin, type StationFilter } from './api'
import { StationCard } from './components/StationCard'
import { StationMap } from './components/StationMap'
import { KINDS, SERVICES, serviceLabel } from './format'
import { locate } from './location'
import './index.scss'

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

export default function StationsPage() {
  const { t } = useSettings()
  const [filter, setFilter] = useState<StationFilter>({})
  const [view, setView] = useState<'list' | 'map'>('list')
  const [items, setItems] = useState<StationSummary[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const [offlineAt, setOfflineAt] = useState<number | null>(null)
  const [origin, setOrigin] = useState<Origin | undefined>(undefined)
  const loadingMore = useRef(false)

  const load = useCallback(
    async (next: StationFilter, where: Origin) => {
      setStatus({ kind: 'loading' })
      try {
        const page = await listStations(next, where)
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

  /** Changes the filter and reloads the first page with it. */
  const refine = (change: Partial<StationFilter>) => {
    const next = { ...filter, ...change }
    setFilter(next)
    void load(next, origin ?? null)
  }

  useDidShow(() => {
    // Home's quick actions leave the chosen need here: tab pages cannot take query parameters.
    const need = readStorage<ServiceKey>(KEYS.stationsNeed)
    if (need) writeStorage(KEYS.stationsNeed, undefined)
    const next = need ? { ...filter, service: need } : filter
    if (need) setFilter(next)
    if (origin === undefined) {
      void locate().then((where) => {
        setOrigin(where)
        void load(next, where)
      })
    } else if (need || items.length === 0) {
      void load(next, origin)
    }
  })

  usePullDownRefresh(() => {
    void locate()
      .then((where) => {
        setOrigin(where)
        return load(filter, where)
      })
      .finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    if (!nextCursor || loadingMore.current) return
    loadingMore.current = true
    listStations(filter, origin ?? null, nextCursor)
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

  const open = (id: string) => void Taro.navigateTo({ url: `/features/stations/pages/detail/index?id=${id}` })
  const chip = (on: boolean) => `chip ${on ? 'chip--on' : ''}`

  return (
    <Screen className="stations">
      <View className="stations__bar">
        <View className="stations__views" role="tablist">
          {(['list', 'map'] as const).map((key) => (
            <View key={key} id={`view-${key}`} className={`stations__view ${view === key ? 'stations__view--on' : ''}`} ariaRole="tab" onClick={() => setView(key)}>
              {t(`stations.${key}`)}
            </View>
          ))}
        </View>
        <View className="stations__toggle">
          <Text>{t('stations.onlyOpen')}</Text>
          <Switch id="open-only" checked={filter.openNow === true} color="#B71C1C" onChange={(e) => refine({ openNow: e.detail.value })} />
        </View>
      </View>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View id="filter-all" className={chip(!filter.service)} ariaRole="button" onClick={() => refine({ service: undefined })}>
          {t('stations.filterAll')}
        </View>
        {SERVICES.map((key) => (
          <View key={key} id={`filter-${key}`} className={chip(filter.service === key)} ariaRole="button" ariaLabel={t(serviceLabel(key))} onClick={() => refine({ service: key })}>
            {t(serviceLabel(key))}
          </View>
        ))}
      </ScrollView>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View id="kind-all" className={chip(!filter.kind)} ariaRole="button" onClick={() => refine({ kind: undefined })}>
          {t('stations.kindAll')}
        </View>
        {KINDS.map((key: StationKind) => (
          <View key={key} id={`kind-${key}`} className={chip(filter.kind === key)} ariaRole="button" onClick={() => refine({ kind: key })}>
            {t(`kind.${key}`)}
          </View>
        ))}
      </ScrollView>

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
      {status.kind === 'error' ? <StateView state="error" message={status.message} onRetry={() => void load(filter, origin ?? null)} /> : null}
      {status.kind === 'ready' && items.length === 0 ? <StateView state="empty" title={t('stations.empty')} hint={t('stations.emptyHint')} /> : null}
      {status.kind === 'ready' && items.length > 0 && view === 'map' ? <StationMap stations={items} origin={origin ?? null} onOpen={open} /> : null}
      {status.kind === 'ready' && view === 'list' ? (
        <View className="stations__list">
          {items.map((station) => (
            <StationCard key={station.id} station={station} onOpen={open} />
          ))}
          {items.length > 0 ? <Text className="stations__end muted">{nextCursor ? t('common.loadMore') : t('common.noMore')}</Text> : null}
        </View>
      ) : null}
    </Screen>
  )
}
