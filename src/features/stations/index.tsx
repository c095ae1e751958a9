import { ScrollView, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { ServiceKey, StationAccess, StationKind } from '@contract'
import { useRef, useState } from 'react'
import { pageUrl } from '@values/pages'
import { useSettings } from '../../shared/settings'
import { useTown } from '../../shared/town'
import { KEYS, readStorage, writeStorage } from '../../shared/storage'
import { control } from '../../shared/ui/a11y'
import { PagedList } from '../../shared/ui/PagedList'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { useScreenData } from '../../shared/ui/useScreenData'
import { listStations, type Origin, type StationFilter } from './api'
import { StationCard } from './components/StationCard'
import { StationMap } from './components/StationMap'
import { ACCESS_FACTS, SERVICE_KEYS, STATION_KINDS } from '@values/orders'
import { serviceLabel } from './format'
import { locate } from './location'
import './index.scss'

/** Home's quick actions leave the chosen need in storage (tab pages cannot take query parameters); taken once. */
function takeChosenNeed(): ServiceKey | undefined {
  const need = readStorage<ServiceKey>(KEYS.stationsNeed)
  if (need) writeStorage(KEYS.stationsNeed, undefined)
  return need
}

export default function StationsPage() {
  const { t, inLanguage } = useSettings()
  const town = useTown()
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
    { onShow: 'first', onNewKey: 'keep' },
  )

  /** Changes the filter; the list reloads its first page with it. */
  const refine = (change: Partial<StationFilter>) => setFilter({ ...filter, ...change })

  useDidShow(() => {
    const need = takeChosenNeed()
    if (need) setFilter((current) => ({ ...current, service: need }))
  })

  useReachBottom(() => {
    const cursor = list.data?.nextCursor
    // The list shown may still be the one before a new filter: its cursor belongs to that one.
    if (!cursor || list.stale || loadingMore.current) return
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

  useShareAppMessage(() => ({
    title: [t('stations.title'), town && inLanguage(town.name, town.nameEn)].filter(Boolean).join(' · '),
    path: pageUrl('stations'),
  }))

  const open = (id: string) => void Taro.navigateTo({ url: pageUrl('stations/detail', { id }) })
  const chip = (on: boolean) => `chip ${on ? 'chip--on' : ''}`
  /** Access chips add up: each one ticked is one more fact a station must have. */
  const toggleAccess = (fact: keyof StationAccess) => {
    const chosen = filter.access ?? []
    refine({ access: chosen.includes(fact) ? chosen.filter((f) => f !== fact) : [...chosen, fact] })
  }
  const items = list.data?.items

  // The bar, the filters and the two containers below stay put: what changes (a chip, the notes, the list or the
  // map) is all that reaches the view, never the whole screen.
  return (
    <Screen className="stations">
      <View className="stations__bar">
        <View className="stations__views" role="tablist">
          {(['list', 'map'] as const).map((key) => (
            <View
              key={key}
              id={`view-${key}`}
              className={`stations__view ${view === key ? 'stations__view--on' : ''}`}
              {...control('tab', { selected: view === key })}
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
            ariaLabel={t('stations.onlyOpen')}
            onChange={(e) => refine({ openNow: e.detail.value })}
          />
        </View>
      </View>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <View
          id="filter-all"
          className={chip(!filter.service)}
          {...control('radio', { checked: !filter.service })}
          onClick={() => refine({ service: undefined })}
        >
          {t('stations.filterAll')}
        </View>
        {SERVICE_KEYS.map((key) => (
          <View
            key={key}
            id={`filter-${key}`}
            className={chip(filter.service === key)}
            {...control('radio', { checked: filter.service === key })}
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
          {...control('radio', { checked: !filter.kind })}
          onClick={() => refine({ kind: undefined })}
        >
          {t('stations.kindAll')}
        </View>
        {STATION_KINDS.map((key: StationKind) => (
          <View
            key={key}
            id={`kind-${key}`}
            className={chip(filter.kind === key)}
            {...control('radio', { checked: filter.kind === key })}
            onClick={() => refine({ kind: key })}
          >
            {t(`kind.${key}`)}
          </View>
        ))}
      </ScrollView>
      <ScrollView scrollX className="stations__filters" enhanced showScrollbar={false}>
        <Text className="stations__filters-label">{t('stations.accessFilter')}</Text>
        {ACCESS_FACTS.map((fact) => {
          const on = filter.access?.includes(fact) === true
          return (
            <View
              key={fact}
              id={`access-${fact}`}
              className={chip(on)}
              {...control('checkbox', { checked: on })}
              onClick={() => toggleAccess(fact)}
            >
              {t(`access.${fact}`)}
            </View>
          )
        })}
      </ScrollView>

      <View className="stations__notes">
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
      </View>

      {/* While a new filter loads, the list shown stays (dimmed) until the answer replaces it. */}
      <View className={`stations__content ${list.stale ? 'stations__content--stale' : ''}`} aria-busy={list.stale}>
        {list.placeholder}
        {items?.length === 0 ? (
          <StateView state="empty" title={t('stations.empty')} hint={t('stations.emptyHint')} />
        ) : null}
        {items?.length && view === 'map' ? <StationMap stations={items} origin={origin ?? null} onOpen={open} /> : null}
        {items?.length && view === 'list' ? (
          <PagedList items={items} className="stations__list">
            {(station) => <StationCard key={station.id} station={station} onOpen={open} />}
          </PagedList>
        ) : null}
        {items?.length && view === 'list' ? (
          <Text className="stations__end muted">
            {list.data?.nextCursor ? t('common.loadMore') : t('common.noMore')}
          </Text>
        ) : null}
      </View>
    </Screen>
  )
}
