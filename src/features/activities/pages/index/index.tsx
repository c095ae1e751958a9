import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { ActivityKind } from '@contract'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { callWithOfflineCopy } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { control } from '../../../../shared/ui/a11y'
import { PagedList } from '../../../../shared/ui/PagedList'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { originQuery, type Origin } from '../../../stations/api'
import { locate } from '../../../stations/location'
import { ActivityCard } from '../../components/ActivityCard'
import { ACTIVITY_KINDS } from '@values/orders'
import { kindLabel } from '../../kinds'
import '../../activities.scss'

const upcoming = (kind: ActivityKind | undefined, origin: Origin, cursor?: string) =>
  callWithOfflineCopy('GET /api/activities', { query: { kind, ...originQuery(origin), limit: 20, cursor } })

/** 志愿服务: activities not yet over, nearest first when the phone may say where it is, by kind. */
export default function ActivitiesPage() {
  const { t } = useSettings()
  usePageTitle(t('activities.title'))
  const [kind, setKind] = useState<ActivityKind | undefined>(undefined)
  const [origin, setOrigin] = useState<Origin>(null)
  const user = currentUser()
  const list = useScreenData(
    async () => {
      const here = await locate()
      setOrigin(here)
      const page = await upcoming(kind, here)
      return { ...page.data, offlineAt: page.fromCache ? page.updatedAt : null }
    },
    kind ?? '',
    { onNewKey: 'keep' },
  )
  useReachBottom(() => {
    const cursor = list.data?.nextCursor
    if (!cursor || list.stale) return
    void upcoming(kind, origin, cursor).then(({ data: more }) =>
      list.update((shown) => ({ ...shown, items: [...shown.items, ...more.items], nextCursor: more.nextCursor })),
    )
  })
  useShareAppMessage(() => ({
    title: `${t('activities.title')} · ${t('app.name')}`,
    path: pageUrl('activities/index'),
  }))
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <Screen className="activities">
      <Text className="notice">{t('activities.intro')}</Text>
      <View className="activities__links">
        {user?.role === 'staff' ? (
          <Button id="new-activity" className="btn btn--primary" onClick={() => go(pageUrl('activities/edit'))}>
            {t('activities.publish')}
          </Button>
        ) : user ? (
          <Button id="my-activities" className="btn btn--ghost" onClick={() => go(pageUrl('activities/mine'))}>
            {t('activities.mine')}
          </Button>
        ) : null}
      </View>
      <ScrollView scrollX className="activities__filters" enhanced showScrollbar={false}>
        {[undefined, ...ACTIVITY_KINDS].map((key) => (
          <View
            key={key ?? 'all'}
            id={`kind-${key ?? 'all'}`}
            className={`chip ${kind === key ? 'chip--on' : ''}`}
            {...control('radio', { checked: kind === key })}
            onClick={() => setKind(key)}
          >
            {key ? t(kindLabel(key)) : t('activities.allKinds')}
          </View>
        ))}
      </ScrollView>
      {list.placeholder}
      {list.data?.offlineAt ? (
        <View className="notice" role="status">
          <Text>{t('common.offlineAt', { time: new Date(list.data.offlineAt).toLocaleString() })}</Text>
        </View>
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <StateView state="empty" title={t('activities.none')} hint={t('activities.noneHint')} />
      ) : null}
      {list.data?.items.length ? (
        <>
          <PagedList items={list.data.items} className="activities__list">
            {(activity) => (
              <ActivityCard
                key={activity.id}
                activity={activity}
                onOpen={(id) => go(pageUrl('activities/detail', { id }))}
              />
            )}
          </PagedList>
          <Text className="muted activities__end">
            {list.data.nextCursor ? t('common.loadMore') : t('common.noMore')}
          </Text>
        </>
      ) : null}
    </Screen>
  )
}
