import { Button, Picker, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { CommunityList } from '@contract'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../shared/auth'
import { call } from '../../shared/client'
import { useSettings } from '../../shared/settings'
import { control } from '../../shared/ui/a11y'
import { PagedList } from '../../shared/ui/PagedList'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { useScreenData } from '../../shared/ui/useScreenData'
import { locate } from '../stations/location'
import { wishWall, type WishFilter } from './api'
import { WISH_CATEGORIES } from '@values/orders'
import { WishCard } from './components/WishCard'
import './index.scss'

export default function WishesPage() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('tab.wishes'))
  const [filter, setFilter] = useState<WishFilter>({})
  const wall = useScreenData(async () => (await wishWall(filter)).data, JSON.stringify(filter), { onNewKey: 'keep' })
  const [places, setPlaces] = useState<CommunityList['items']>([])
  const nameOf = (c: CommunityList['items'][number]) => inLanguage(c.name, c.nameEn)

  useDidShow(() => {
    if (places.length === 0)
      void call('GET /api/communities', { toast: false }).then(
        (list) => setPlaces(list.items),
        () => undefined,
      )
  })
  useReachBottom(() => {
    const cursor = wall.data?.nextCursor
    if (!cursor || wall.stale) return
    void wishWall(filter, cursor).then(({ data: more }) =>
      wall.update((shown) => ({ items: [...shown.items, ...more.items], nextCursor: more.nextCursor })),
    )
  })
  useShareAppMessage(() => ({ title: `${t('wishes.wall')} · ${t('app.name')}`, path: pageUrl('wishes') }))

  const choose = (category?: WishFilter['category']) => setFilter({ ...filter, category })
  const refine = (change: Partial<WishFilter>) => setFilter({ ...filter, ...change })
  const filtered = places.find((c) => c.id === filter.communityId)
  const sortBy = async (nearest: boolean) => {
    const near = nearest ? await locate() : null
    if (nearest && !near) void Taro.showToast({ title: t('wishes.needLocation'), icon: 'none' })
    setFilter({ ...filter, near: near ?? undefined })
  }
  const go = (url: string) => void Taro.navigateTo({ url: currentUser() ? url : pageUrl('me/login') })

  return (
    <Screen className="wishes">
      <View className="wishes__actions">
        <Button id="new-wish" className="btn btn--primary" onClick={() => go(pageUrl('wishes/new'))}>
          {t(currentUser()?.role === 'staff' ? 'wishes.onBehalfNew' : 'wishes.new')}
        </Button>
        <Button id="my-wishes" className="btn btn--ghost" onClick={() => go(pageUrl('wishes/mine'))}>
          {t('wishes.mine')}
        </Button>
      </View>
      <View className="wishes__sort">
        <View className="wishes__sort-tabs" role="tablist">
          <View
            id="sort-newest"
            className={`chip ${filter.near ? '' : 'chip--on'}`}
            {...control('tab', { selected: !filter.near })}
            onClick={() => void sortBy(false)}
          >
            {t('wishes.sortNewest')}
          </View>
          <View
            id="sort-nearest"
            className={`chip ${filter.near ? 'chip--on' : ''}`}
            {...control('tab', { selected: Boolean(filter.near) })}
            onClick={() => void sortBy(true)}
          >
            {t('wishes.sortNearest')}
          </View>
        </View>
        <View
          id="urgent-only"
          className={`chip ${filter.urgentOnly ? 'chip--on' : ''}`}
          {...control('checkbox', { checked: filter.urgentOnly === true })}
          onClick={() => refine({ urgentOnly: !filter.urgentOnly })}
        >
          {t('wishes.urgentOnly')}
        </View>
        <Picker
          mode="selector"
          range={[t('wishes.allCommunities'), ...places.map(nameOf)]}
          onChange={(e) => refine({ communityId: places[Number(e.detail.value) - 1]?.id })}
        >
          <View id="community-filter" className={`chip ${filter.communityId ? 'chip--on' : ''}`} ariaRole="button">
            {filtered ? nameOf(filtered) : t('wishes.allCommunities')} ▾
          </View>
        </Picker>
      </View>
      <ScrollView scrollX className="wishes__filters" enhanced showScrollbar={false}>
        <View
          id="category-all"
          className={`chip ${filter.category ? '' : 'chip--on'}`}
          {...control('radio', { checked: !filter.category })}
          onClick={() => choose(undefined)}
        >
          {t('wishes.allCategories')}
        </View>
        {WISH_CATEGORIES.map((c) => (
          <View
            key={c}
            id={`category-${c}`}
            className={`chip ${filter.category === c ? 'chip--on' : ''}`}
            {...control('radio', { checked: filter.category === c })}
            onClick={() => choose(c)}
          >
            {t(`wish.category.${c}`)}
          </View>
        ))}
      </ScrollView>
      {/* One container for what changes, so the filters above are not sent again; while a new filter loads, the
          wall shown stays (dimmed) until its answer replaces it. */}
      <View className={`wishes__content ${wall.stale ? 'wishes__content--stale' : ''}`} aria-busy={wall.stale}>
        {wall.placeholder}
        {wall.data?.items.length === 0 ? (
          <StateView state="empty" title={t('wishes.empty')} hint={t('wishes.emptyHint')} />
        ) : null}
        {wall.data?.items.length ? (
          <PagedList items={wall.data.items} className="wishes__list">
            {(wish) => (
              <WishCard
                key={wish.id}
                wish={wish}
                onOpen={(id) => void Taro.navigateTo({ url: pageUrl('wishes/detail', { id }) })}
              />
            )}
          </PagedList>
        ) : null}
        {wall.data?.items.length ? (
          <Text className="muted wishes__end">{wall.data.nextCursor ? t('common.loadMore') : t('common.noMore')}</Text>
        ) : null}
      </View>
    </Screen>
  )
}
