import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { assetUrl, callWithOfflineCopy } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useSharing } from '../../../../shared/ui/useSharing'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { originQuery } from '../../api'
import { ReportForm } from '../../components/ReportForm'
import { ACCESS_FACTS } from '@values/orders'
import { formatDistance, serviceLabel } from '../../format'
import { locate } from '../../location'
import './index.scss'

export default function StationDetailPage() {
  const { t, inLanguage } = useSettings()
  const { params } = useRouter()
  // A link names the station in `id`; a scanned door code (小程序码) opens this page with it in `scene`.
  const id = params.id ?? decodeURIComponent(params.scene ?? '')
  const [reporting, setReporting] = useState(false)
  const { data, pending } = useScreenData(async () => {
    const result = await callWithOfflineCopy('GET /api/stations/{id}', {
      path: { id },
      query: originQuery(await locate()),
    })
    return { station: result.data.station, offlineAt: result.fromCache ? result.updatedAt : null }
  })
  usePageTitle(data ? inLanguage(data.station.name, data.station.nameEn) : t('stations.detailTitle'))

  // Shared by its id, also when it was opened from a door code's `scene`.
  useSharing(() => ({
    title: data ? t('stations.shareTitle', { name: data.station.name }) : t('app.name'),
    page: 'stations/detail',
    query: { id },
  }))

  if (!data) return pending

  const { station, offlineAt } = data
  const name = inLanguage(station.name, station.nameEn)
  const distance = formatDistance(t, station.distanceM)
  const navigate = () =>
    void Taro.openLocation({ latitude: station.lat, longitude: station.lng, name, address: station.address, scale: 18 })
  const call = () => station.phone && void Taro.makePhoneCall({ phoneNumber: station.phone })
  const copy = () =>
    void Taro.setClipboardData({ data: station.address }).then(() =>
      Taro.showToast({ title: t('stations.copied'), icon: 'none' }),
    )

  return (
    <Screen className="detail">
      {offlineAt ? (
        <View className="notice" role="status">
          <Text>{t('common.offlineAt', { time: new Date(offlineAt).toLocaleString() })}</Text>
        </View>
      ) : null}
      {station.photos.length ? (
        <Swiper className="detail__photos" indicatorDots autoplay circular>
          {station.photos.map((url) => (
            <SwiperItem key={url}>
              <Image className="detail__photo" src={assetUrl(url)} mode="aspectFill" ariaLabel={name} />
            </SwiperItem>
          ))}
        </Swiper>
      ) : null}
      <View className="card detail__head">
        <Text className="detail__name">{name}</Text>
        <View className="detail__meta">
          <Text className={`badge ${station.openNow ? 'badge--open' : 'badge--closed'}`}>
            {station.openNow ? t('stations.openNow') : t('stations.closedNow')}
          </Text>
          <Text className="muted detail__kind">{t(`kind.${station.kind}`)}</Text>
          {distance ? <Text className="detail__distance">{distance}</Text> : null}
        </View>
        <Text className="muted detail__address">{station.address}</Text>
        <Text className="detail__today">
          {t('stations.hoursToday')}：
          {station.todayHours.length
            ? station.todayHours.map(([from, to]) => `${from}–${to}`).join('，')
            : t('stations.closedToday')}
        </Text>
        <View className="detail__actions">
          <Button id="navigate" className="btn btn--primary" ariaLabel={t('stations.navigate')} onClick={navigate}>
            {t('stations.navigate')}
          </Button>
          {station.phone ? (
            <Button
              id="call"
              className="btn btn--ghost"
              ariaLabel={`${t('stations.call')} ${station.phone}`}
              onClick={call}
            >
              {t('stations.call')}
            </Button>
          ) : null}
          <Button id="copy-address" className="btn btn--ghost" ariaLabel={t('stations.copyAddress')} onClick={copy}>
            {t('stations.copyAddress')}
          </Button>
        </View>
      </View>

      <View className="card">
        <Text className="detail__section">{t('stations.services')}</Text>
        {station.services.map((s) => (
          <View key={s.key} className="detail__service">
            <Text>{t(serviceLabel(s.key))}</Text>
            <Text className={`badge ${s.available ? 'badge--open' : 'badge--closed'}`}>
              {s.available ? t('stations.openNow') : t('stations.paused')}
              {s.note ? ` · ${s.note}` : ''}
            </Text>
          </View>
        ))}
      </View>

      <View className="card" id="access">
        <Text className="detail__section">{t('access.title')}</Text>
        {ACCESS_FACTS.map((fact) => (
          <View key={fact} className="detail__service">
            <Text>{t(`access.${fact}`)}</Text>
            <Text className={`access access--${station.access[fact]}`}>{t(`access.${station.access[fact]}`)}</Text>
          </View>
        ))}
      </View>

      {station.pledges.length ? (
        <View className="card">
          <Text className="detail__section">{t('stations.pledges')}</Text>
          {station.pledges.map((p) => (
            <Text key={p} className="detail__pledge">
              · {p}
            </Text>
          ))}
        </View>
      ) : null}

      <View className="card">
        <Text className="detail__section">{t('stations.hoursWeek')}</Text>
        {station.hours.weekly.map((ranges, day) => (
          <View key={day} className="detail__service">
            <Text>{t(`weekday.${day as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}</Text>
            <Text className="muted">
              {ranges.length ? ranges.map(([from, to]) => `${from}–${to}`).join('，') : t('stations.closedToday')}
            </Text>
          </View>
        ))}
      </View>

      {reporting ? (
        <ReportForm stationId={station.id} onDone={() => setReporting(false)} />
      ) : (
        <Button id="report" className="btn btn--ghost" onClick={() => setReporting(true)}>
          {t('stations.report')}
        </Button>
      )}
    </Screen>
  )
}
