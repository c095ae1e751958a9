import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { assetUrl, call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { formatDistance } from '../../../stations/format'
import { originQuery } from '../../../stations/api'
import { locate } from '../../../stations/location'
import { SessionCard } from '../../components/SessionCard'
import '../session/index.scss'

export default function GuesthousePage() {
  const { t } = useSettings()
  usePageTitle(t('staff.guesthouse'))
  const id = useRouter().params.id ?? ''
  const { data, pending } = useScreenData(async () =>
    call('GET /api/guesthouses/{id}', { path: { id }, query: originQuery(await locate()), toast: false }),
  )

  if (!data) return pending
  const { guesthouse, sessions } = data
  const distance = formatDistance(t, guesthouse.distanceM)
  return (
    <Screen>
      {guesthouse.photos.length ? (
        <Swiper className="session__photos" indicatorDots circular>
          {guesthouse.photos.map((url) => (
            <SwiperItem key={url}>
              <Image src={assetUrl(url)} mode="aspectFill" className="session__photo" />
            </SwiperItem>
          ))}
        </Swiper>
      ) : null}
      <View className="card">
        <Text className="session__topic">{guesthouse.name}</Text>
        <Text className="muted session__address">
          {guesthouse.address}
          {distance ? ` · ${distance}` : ''}
        </Text>
        {guesthouse.roomsNote ? <Text className="session__row">{guesthouse.roomsNote}</Text> : null}
        <Button
          id="navigate"
          className="btn btn--ghost session__nav"
          onClick={() =>
            void Taro.openLocation({
              latitude: guesthouse.lat,
              longitude: guesthouse.lng,
              name: guesthouse.name,
              address: guesthouse.address,
            })
          }
        >
          {t('stations.navigate')}
        </Button>
      </View>
      <Text className="form__label">{t('lectures.guesthouseSessions')}</Text>
      {sessions.length === 0 ? <StateView state="empty" title={t('lectures.noSessions')} /> : null}
      {sessions.map((s) => (
        <SessionCard
          key={s.id}
          session={s}
          onOpen={(sessionId) => void Taro.navigateTo({ url: pageUrl('lectures/session', { id: sessionId }) })}
        />
      ))}
    </Screen>
  )
}
