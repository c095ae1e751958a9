import { ScrollView, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { ServiceKey, StationKind } from '@contract'
import { useRef, useState } from 'react'
import { useSettings } from '../../shared/settings'
import { KEYS, readStorage, writeStorage } from '../../shared/storage'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { useScreenData } from '../../shared/ui/useScreenData'
import { listStations, type Origin, type StationFilter } from './api'
import { StationCard } from './components/StationCard'
import { StationMap } from './components/StationMap'
import { KINDS, SERVICES, serviceLabel } from './format'
import { locate } from './location'
import './index.scss'

/** Home's quick actions leave the chosen need in storage (tab pages cannot take query parameters); taken once. */
function takeChosenNeed(): ServiceKey | undefined {
  const need = readStorage<ServiceKey>(KEYS.stationsNeed)
  if (need) writeStorage(KEYS.stationsNeed, undefined)
  return need
}

export default function StationsPage() {
  const { t } = useSettings()
  usePageTitle(t('stations.title'))
  const [filter, setFilter] = useState<StationFilter>(() => {
    const need = takeChosenNeed()
    return need ? { service: need } : {}
  })
  const [view, setView] = useState<'list' | 'map'>('list')
  // undefined until asked; null when the visitor declined (the list then has no distances).
  const [origin, setOrigin] = useState<Origin | undefined>(undefined)
  const loadingMore = useRef(false)
  // Located on every fetch: a tourist walks, and a filter change should show distances from where they are now.
  const list = useScreenData(
    async () => {
      const where = await locate()
      setOrigin(where)
      const page = await listStations(filter, where)
      return {
        items: page.data.items,
        nextCursor: page.data.nextCursor,
        offlineAt: page.fromCache ? page.updatedAt : null,
      }
    },
    JSON.stringify(filter),
    { onShow: 'first' },
  )

  /** Changes the filter; the list reloads its first page with it. */
  const refine = (change: Partial<StationFilter>) => setFilter({ ...filter, ...change })

  useDidShow(() => {
    const need = takeChosenNeed()
    if (need) setFilter((current) => ({ ...current, service: need }))
  })

  useReachBottom(() => {
    const cursor = list.data?.nextCursor
    if (!cursor || loadingMore.current) return
    loadingMore.current = true
    listStations(filter, origin ?? null, cursor)
      .then(({ data: more }) =>
        list.update((shown) => ({ ...shown, items: [...shown.items, ...more.items], nextCursor: more.nextCursor })),
      )
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
            <View
              key={key}
              id={`view-${key}`}
              className={`stations__view ${view === key ? 'stations__view--on' : ''}`}
              ariaRole="tab"
              onClick={() => setView(key)}
            >
              {t(`stations.${key}`)}
            </View>
          ))}
        </View>
        <View className="stations__toggle">
          <Text>{t('stations.onlyOpen')}</Text>
          <Switch
            id="open-only"
            checked={filter.openNow === true}
            color="#B71C1C"
            onChange={(e) => refine({ openNow: e.detail.value })}
          />
        </View>
      </View>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View
          id="filter-all"
          className={chip(!filter.service)}
          ariaRole="button"
          onClick={() => refine({ service: undefined })}
        >
          {t('stations.filterAll')}
        </View>
        {SERVICES.map((key) => (
          <View
            key={key}
            id={`filter-${key}`}
            className={chip(filter.service === key)}
            ariaRole="button"
            ariaLabel={t(serviceLabel(key))}
            onClick={() => refine({ service: key })}
          >
            {t(serviceLabel(key))}
          </View>
        ))}
      </ScrollView>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View
          id="kind-all"
          className={chip(!filter.kind)}
          ariaRole="button"
          onClick={() => refine({ kind: undefined })}
        >
          {t('stations.kindAll')}
        </View>
        {KINDS.map((key: StationKind) => (
          <View
            key={key}
            id={`kind-${key}`}
            className={chip(filter.kind === key)}
            ariaRole="button"
            onClick={() => refine({ kind: key })}
          >
            {t(`kind.${key}`)}
          </View>
        ))}
      </ScrollView>

      {origin === null ? (
        <View className="notice" role="note">
          <Text>{t('stations.locationDenied')}</Text>
        </View>
      ) : null}
      {list.data?.offlineAt ? (
        <View className="notice" role="status">
          <Text>{t('common.offlineAt', { time: new Date(list.data.offlineAt).toLocaleString() })}</Text>
        </View>
      ) : null}

      {list.placeholder}
      {list.data?.items.length === 0 ? (
        <StateView state="empty" title={t('stations.empty')} hint={t('stations.emptyHint')} />
      ) : null}
      {list.data?.items.length && view === 'map' ? (
        <StationMap stations={list.data.items} origin={origin ?? null} onOpen={open} />
      ) : null}
      {list.data && view === 'list' ? (
        <View className="stations__list">
          {list.data.items.map((station) => (
            <StationCard key={station.id} station={station} onOpen={open} />
          ))}
          {list.data.items.length > 0 ? (
            <Text className="stations__end muted">
              {list.data.nextCursor ? t('common.loadMore') : t('common.noMore')}
            </Text>
          ) : null}
        </View>
      ) : null}
    </Screen>
  )
}
