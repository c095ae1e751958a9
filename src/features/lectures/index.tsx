import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import type { Topic } from '@contract'
import { pageUrl } from '@values/pages'
import { call, callWithOfflineCopy, type Body } from '../../shared/client'
import { useState } from 'react'
import { currentUser } from '../../shared/auth'
import { useNoticePrompt } from '../../shared/notices'
import { useSettings } from '../../shared/settings'
import { Screen } from '../../shared/ui/Screen'
import { StateView } from '../../shared/ui/StateView'
import { control } from '../../shared/ui/a11y'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { useScreenData } from '../../shared/ui/useScreenData'
import { originQuery } from '../stations/api'
import { locate } from '../stations/location'
import { SessionCard } from './components/SessionCard'
import './index.scss'

type TopicOrderInput = NonNullable<Body<'POST /api/lectures/topics/{id}/orders'>>

type Tab = 'menu' | 'sessions'
const PREFERRED_TIMES: NonNullable<TopicOrderInput['preferredTime']>[] = ['morning', 'afternoon', 'evening']

export default function LecturesPage() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('lectures.title'))
  const [tab, setTab] = useState<Tab>('sessions')
  const [topicFilter, setTopicFilter] = useState<string | undefined>(undefined)
  const menu = useScreenData(async () => (await callWithOfflineCopy('GET /api/lectures/topics')).data.items)
  const upcoming = useScreenData(async () => {
    const query = { topicId: topicFilter, ...originQuery(await locate()) }
    return (await callWithOfflineCopy('GET /api/lectures/sessions', { query })).data.items
  }, topicFilter)
  const topics = menu.data ?? []

  useShareAppMessage(() => ({ title: `${t('lectures.title')} · ${t('app.name')}`, path: pageUrl('lectures') }))

  const askForNotices = useNoticePrompt(['topic_scheduled'])
  const order = async (topic: Topic) => {
    if (!currentUser()) {
      void Taro.showToast({ title: t('lectures.loginFirst'), icon: 'none' })
      void Taro.navigateTo({ url: pageUrl('me/login') })
      return
    }
    try {
      await askForNotices()
      // When suits them best helps staff pick the evening or the morning; "any time" sends nothing.
      const { tapIndex } = await Taro.showActionSheet({
        itemList: [...PREFERRED_TIMES.map((time) => t(`lectures.time.${time}`)), t('lectures.time.any')],
      })
      const preferredTime = PREFERRED_TIMES[tapIndex]
      const { topic: updated } = await call('POST /api/lectures/topics/{id}/orders', {
        path: { id: topic.id },
        body: preferredTime ? { preferredTime } : {},
      })
      menu.update((list) => list.map((x) => (x.id === updated.id ? updated : x)))
    } catch {
      // The request client has shown the reason.
    }
  }
  const open = (id: string) => void Taro.navigateTo({ url: pageUrl('lectures/session', { id }) })

  return (
    <Screen className="lectures">
      <View className="lectures__tabs" role="tablist">
        {(['sessions', 'menu'] as const).map((key) => (
          <View
            key={key}
            id={`tab-${key}`}
            className={`lectures__tab ${tab === key ? 'lectures__tab--on' : ''}`}
            {...control('tab', { selected: tab === key })}
            ariaLabel={t(`lectures.${key}`)}
            onClick={() => setTab(key)}
          >
            {t(`lectures.${key}`)}
          </View>
        ))}
      </View>

      {tab === 'sessions' && topics.length ? (
        <ScrollView scrollX className="lectures__filters" enhanced showScrollbar={false}>
          {[
            { id: undefined, label: t('lectures.allTopics') },
            ...topics.map((x) => ({ id: x.id, label: inLanguage(x.title, x.titleEn) })),
          ].map(({ id, label }) => (
            <View
              key={id ?? 'all'}
              id={`filter-${id ?? 'all'}`}
              className={`chip ${topicFilter === id ? 'chip--on' : ''}`}
              ariaRole="button"
              onClick={() => setTopicFilter(id)}
            >
              {label}
            </View>
          ))}
        </ScrollView>
      ) : null}

      {tab === 'sessions' ? upcoming.placeholder : null}
      {tab === 'sessions' && upcoming.data ? (
        upcoming.data.length === 0 ? (
          <StateView state="empty" title={t('lectures.noSessions')} hint={t('lectures.noSessionsHint')} />
        ) : (
          <View className="lectures__list">
            {upcoming.data.map((s) => (
              <SessionCard key={s.id} session={s} onOpen={open} />
            ))}
          </View>
        )
      ) : null}

      {tab === 'menu' ? menu.placeholder : null}
      {tab === 'menu' && menu.data ? (
        <View className="lectures__menu">
          <Text className="notice">{t('lectures.menuHint')}</Text>
          {topics.map((topic) => (
            <View key={topic.id} id={`topic-${topic.id}`} className="card topic-card">
              <Text className="topic-card__title">{inLanguage(topic.title, topic.titleEn)}</Text>
              <Text className="muted topic-card__desc">{inLanguage(topic.description, topic.descriptionEn)}</Text>
              <View className="topic-card__foot">
                <Text className="topic-card__count">{t('lectures.orders', { n: topic.orderCount })}</Text>
                <Button
                  id={`order-${topic.id}`}
                  className={`btn ${topic.orderedByMe ? 'btn--ghost' : 'btn--primary'} topic-card__btn`}
                  disabled={topic.orderedByMe}
                  ariaLabel={`${t('lectures.order')} ${topic.title}`}
                  onClick={() => void order(topic)}
                >
                  {topic.orderedByMe ? t('lectures.ordered') : t('lectures.order')}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
