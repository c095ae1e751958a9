import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro'
import type { LectureSession, ServiceKey, Stats, StationSummary, WishPublic } from '@contract'
import { useState, type ReactNode } from 'react'
import { pageUrl, type Tab } from '@values/pages'
import { call, callWithOfflineCopy } from '../../shared/client'
import { useSettings } from '../../shared/settings'
import { KEYS, writeStorage } from '../../shared/storage'
import { loadTown, useTown } from '../../shared/town'
import { spokenLabel } from '../../shared/ui/a11y'
import { Screen } from '../../shared/ui/Screen'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { HOME_HEADLINES } from '../figures/headline'
import { SessionCard } from '../lectures/components/SessionCard'
import { refreshUnreadBadge } from '../me/inbox'
import { listStations, originQuery } from '../stations/api'
import { StationCard } from '../stations/components/StationCard'
import { locate } from '../stations/location'
import { wishWall } from '../wishes/api'
import { WishCard } from '../wishes/components/WishCard'
import './index.scss'

/** The four needs a tourist asks for most, as big buttons. */
type Need = Extract<ServiceKey, 'hot_water' | 'charging' | 'travel_info' | 'restroom'>
const NEEDS: { key: Need; icon: string }[] = [
  { key: 'hot_water', icon: '♨' },
  { key: 'charging', icon: '⚡' },
  { key: 'travel_info', icon: '?' },
  { key: 'restroom', icon: 'WC' },
]

export default function HomePage() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('app.name'))
  const town = useTown()
  const townName = town ? inLanguage(town.name, town.nameEn) : ''
  const [need, setNeed] = useState<Need>('hot_water')
  const [nearest, setNearest] = useState<StationSummary | null>(null)
  const [nextSession, setNextSession] = useState<LectureSession | null>(null)
  const [topWish, setTopWish] = useState<WishPublic | null>(null)
  const [stats, setStats] = useState<Stats | null>(null)

  /** One look at each tab's best item; a part that fails just stays hidden, the tabs say why. */
  const refresh = async (service: Need) => {
    const origin = await locate()
    const [stations, sessions, wishes, figures] = await Promise.allSettled([
      listStations({ service, openNow: true }, origin),
      callWithOfflineCopy('GET /api/lectures/sessions', { query: originQuery(origin) }),
      wishWall({}),
      call('GET /api/stats', { toast: false }),
    ])
    setNearest(stations.status === 'fulfilled' ? (stations.value.data.items[0] ?? null) : null)
    setNextSession(sessions.status === 'fulfilled' ? (sessions.value.data.items[0] ?? null) : null)
    setTopWish(wishes.status === 'fulfilled' ? (wishes.value.data.items[0] ?? null) : null)
    setStats(figures.status === 'fulfilled' ? figures.value : null)
  }

  useDidShow(() => {
    void refresh(need)
    void refreshUnreadBadge()
    void loadTown(true)
  })
  useShareAppMessage(() => ({
    title: [t('app.name'), townName].filter(Boolean).join(' · '),
    path: pageUrl('home'),
  }))

  const openStations = (service: Need) => {
    writeStorage(KEYS.stationsNeed, service)
    void Taro.switchTab({ url: pageUrl('stations') })
  }

  return (
    <Screen className="home">
      <View className="home__hero">
        <Text className="home__title">{t('app.name')}</Text>
        <Text id="home-town" className="home__tagline">
          {[townName, t('app.tagline')].filter(Boolean).join(' · ')}
        </Text>
        {town ? <Text className="home__intro">{inLanguage(town.intro, town.introEn)}</Text> : null}
      </View>

      <Text className="home__section">{t('home.quick')}</Text>
      <View className="home__needs">
        {NEEDS.map(({ key, icon }) => (
          <View
            key={key}
            id={`need-${key}`}
            className={`home__need ${need === key ? 'home__need--on' : ''}`}
            ariaRole="button"
            {...spokenLabel(t(`home.need.${key}`))}
            onClick={() => {
              setNeed(key)
              openStations(key)
            }}
          >
            <Text className="home__need-icon" aria-hidden>
              {icon}
            </Text>
            <Text className="home__need-label">{t(`home.need.${key}`)}</Text>
          </View>
        ))}
      </View>

      {nearest ? (
        <View className="home__nearest">
          <Text className="home__section">{t('home.nearest')}</Text>
          <StationCard
            station={nearest}
            onOpen={(id) => void Taro.navigateTo({ url: pageUrl('stations/detail', { id }) })}
          />
        </View>
      ) : null}
      <View
        id="all-stations"
        className="btn btn--ghost home__all"
        ariaRole="button"
        onClick={() => void Taro.switchTab({ url: pageUrl('stations') })}
      >
        {t('home.allStations')}
      </View>

      <View
        id="home-activities"
        className="btn btn--ghost home__all"
        ariaRole="button"
        onClick={() => void Taro.navigateTo({ url: pageUrl('activities/index') })}
      >
        {t('home.activities')}
      </View>

      {stats ? (
        <View
          id="home-figures"
          className="home__more"
          ariaRole="button"
          {...spokenLabel(t('figures.more'))}
          onClick={() => void Taro.navigateTo({ url: pageUrl('figures/index') })}
        >
          <Text className="home__section">{t('figures.title')}</Text>
          <View className="card home__figures">
            {HOME_HEADLINES.map((h) => (
              <View key={h.key} className="home__figure">
                <Text className="home__figure-n">{h.value(stats)}</Text>
                <Text className="home__figure-label">{t(h.label)}</Text>
              </View>
            ))}
            <Text className="muted home__figure-more">›</Text>
          </View>
        </View>
      ) : null}

      {nextSession ? (
        <Teaser id="home-next-lecture" title={t('home.nextLecture')} more={t('home.allLectures')} tab="lectures">
          <SessionCard
            session={nextSession}
            onOpen={(id) => void Taro.navigateTo({ url: pageUrl('lectures/session', { id }) })}
          />
        </Teaser>
      ) : null}
      {topWish ? (
        <Teaser id="home-top-wish" title={t('home.wishes')} more={t('home.allWishes')} tab="wishes">
          <WishCard wish={topWish} onOpen={(id) => void Taro.navigateTo({ url: pageUrl('wishes/detail', { id }) })} />
        </Teaser>
      ) : null}
    </Screen>
  )
}

/** Another tab's best item on Home, with the way to the rest of them. */
function Teaser({
  id,
  title,
  more,
  tab,
  children,
}: {
  id: string
  title: string
  more: string
  tab: Tab
  children: ReactNode
}) {
  return (
    <View id={id} className="home__more">
      <Text className="home__section">{title}</Text>
      {children}
      <View
        className="btn btn--ghost home__all"
        ariaRole="button"
        onClick={() => void Taro.switchTab({ url: pageUrl(tab) })}
      >
        {more}
      </View>
    </View>
  )
}
