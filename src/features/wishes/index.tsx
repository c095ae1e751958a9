import { Button, Picker, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { CommunityList, WishPublic } from '@contract'
import { useState } from 'react'
import { currentUser } from '../../shared/auth'
import { ApiError } from '../../shared/request'
import { useSettings } from '../../shared/settings'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { locate } from '../stations/location'
import { communities, wishWall, type WishFilter } from './api'
import { CATEGORIES } from './categories'
import { WishCard } from './components/WishCard'
import './index.scss'

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

export default function WishesPage() {
  const { t } = useSettings()
  const [filter, setFilter] = useState<WishFilter>({})
  const [items, setItems] = useState<WishPublic[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const [places, setPlaces] = useState<CommunityList['items']>([])

  const load = async (next: WishFilter) => {
    try {
      const page = await wishWall(next)
      setItems(page.data.items)
      setNextCursor(page.data.nextCursor)
      setStatus({ kind: 'ready' })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }
  useDidShow(() => {
    void load(filter)
    if (places.length === 0) void communities().then((list) => setPlaces(list.items), () => undefined)
  })
  usePullDownRefresh(() => void load(filter).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (!nextCursor) return
    void wishWall(filter, nextCursor).then((page) => {
      setItems((list) => [...list, ...page.data.items])
      setNextCursor(page.data.nextCursor)
    })
  })
  useShareAppMessage(() => ({ title: `${t('wishes.wall')} · ${t('app.name')}`, path: '/features/wishes/index' }))

  const choose = (category?: string) => {
    const next = { ...filter, category }
    setFilter(next)
    void load(next)
  }
  const refine = (change: Partial<WishFilter>) => {
    const next = { ...filter, ...change }
    setFilter(next)
    void load(next)
  }
  const sortBy = async (nearest: boolean) => {
    const near = nearest ? await locate() : null
    if (nearest && !near) void Taro.showToast({ title: t('wishes.needLocation'), icon: 'none' })
    const next = { ...filter, near: near ?? undefined }
    setFilter(next)
    void load(next)
  }
  const go = (url: string) => void Taro.navigateTo({ url: currentUser() ? url : '/features/me/pages/login/index' })

  return (
    <Screen className="wishes">
      <View className="wishes__actions">
        <Button id="new-wish" className="btn btn--primary" onClick={() => go('/features/wishes/pages/new/index')}>
          {t('wishes.new')}
        </Button>
        <Button id="my-wishes" className="btn btn--ghost" onClick={() => go('/features/wishes/pages/mine/index')}>
          {t('wishes.mine')}
        </Button>
      </View>
      <View className="wishes__sort" role="tablist">
        <View id="sort-newest" className={`chip ${filter.near ? '' : 'chip--on'}`} ariaRole="tab" onClick={() => void sortBy(false)}>
          {t('wishes.sortNewest')}
        </View>
        <View id="sort-nearest" className={`chip ${filter.near ? 'chip--on' : ''}`} ariaRole="tab" onClick={() => void sortBy(true)}>
          {t('wishes.sortNearest')}
        </View>
        <View id="urgent-only" className={`chip ${filter.urgentOnly ? 'chip--on' : ''}`} ariaRole="checkbox" onClick={() => refine({ urgentOnly: !filter.urgentOnly })}>
          {t('wishes.urgentOnly')}
        </View>
        <Picker
          mode="selector"
          range={[t('wishes.allCommunities'), ...places.map((c) => c.name)]}
          onChange={(e) => refine({ communityId: places[Number(e.detail.value) - 1]?.id })}
        >
          <View id="community-filter" className={`chip ${filter.communityId ? 'chip--on' : ''}`} ariaRole="button">
            {places.find((c) => c.id === filter.communityId)?.name ?? t('wishes.allCommunities')} ▾
          </View>
        </Picker>
      </View>
      <ScrollView scrollX className="wishes__filters" enhanced showScrollbar={false}>
        <View id="category-all" className={`chip ${filter.category ? '' : 'chip--on'}`} ariaRole="button" onClick={() => choose(undefined)}>
          {t('wishes.allCategories')}
        </View>
        {CATEGORIES.map((c) => (
          <View key={c} id={`category-${c}`} className={`chip ${filter.category === c ? 'chip--on' : ''}`} ariaRole="button" onClick={() => choose(c)}>
            {t(`wish.category.${c}`)}
          </View>
        ))}
      </ScrollView>
      {status.kind === 'loading' ? <StateView state="loading" /> : null}
      {status.kind === 'error' ? <StateView state="error" message={status.message} onRetry={() => void load(filter)} /> : null}
      {status.kind === 'ready' && items.length === 0 ? <StateView state="empty" title={t('wishes.empty')} hint={t('wishes.emptyHint')} /> : null}
      {status.kind === 'ready'
        ? items.map((wish) => <WishCard key={wish.id} wish={wish} onOpen={(id) => void Taro.navigateTo({ url: `/features/wishes/pages/detail/index?id=${id}` })} />)
        : null}
      {status.kind === 'ready' && items.length > 0 ? <Text className="muted wishes__end">{nextCursor ? t('common.loadMore') : t('common.noMore')}</Text> : null}
    </Screen>
  )
}
