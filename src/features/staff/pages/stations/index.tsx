import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StationSummary } from '@contract'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { control } from '../../../../shared/ui/a11y'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { serviceLabel } from '../../../stations/format'
import { downloadPosters, posterUrl } from '../../api'
import '../../staff.scss'

export default function StaffStations() {
  const { t } = useSettings()
  usePageTitle(t('staff.stations'))
  // Only the stations of the communities this staff user acts for: the others' they may not change.
  const {
    data: stations,
    pending,
    update,
  } = useScreenData(async () => {
    const [list, scope] = await Promise.all([
      call('GET /api/stations', { query: { limit: 100 }, toast: false }),
      call('GET /api/communities/mine', { toast: false }),
    ])
    return scope.district ? list.items : list.items.filter((s) => scope.items.some((c) => c.id === s.communityId))
  })

  /** One tap pauses or resumes a service; the list shows the server's answer. */
  const flip = async (station: StationSummary, key: StationSummary['services'][number]['key'], available: boolean) => {
    try {
      const { station: updated } = await call('PATCH /api/stations/{id}/services/{key}', {
        path: { id: station.id, key },
        body: { available: !available },
      })
      update((items) =>
        items.map((x) =>
          x.id === updated.id
            ? { ...x, services: updated.services.map(({ key: k, available: a }) => ({ key: k, available: a })) }
            : x,
        ),
      )
    } catch {
      // The request client has shown why.
    }
  }
  if (!stations) return pending
  const edit = (id?: string) => void Taro.navigateTo({ url: pageUrl('staff/station-edit', { id }) })
  /** The poster opens in WeChat's image viewer, where a long press saves or prints it. */
  const showPoster = (id: string) => void Taro.previewImage({ urls: [posterUrl(id)], current: posterUrl(id) })
  const printAll = async () => {
    try {
      const file = await downloadPosters()
      if (process.env.TARO_ENV === 'h5') window.open(file, '_blank')
      else await Taro.openDocument({ filePath: file, fileType: 'pdf', showMenu: true })
    } catch {
      void Taro.showToast({ title: t('common.error'), icon: 'none' })
    }
  }

  return (
    <Screen>
      <Button id="new-station" className="btn btn--primary" onClick={() => edit()}>
        {t('staff.newStation')}
      </Button>
      <Button id="print-posters" className="btn btn--ghost" onClick={() => void printAll()}>
        {t('stations.printPosters')}
      </Button>
      {stations.map((station) => (
        <View key={station.id} id={`staff-station-${station.id}`} className="card">
          <View className="staff-station__head">
            <Text className="staff-station__name">{station.name}</Text>
            <View id={`edit-${station.id}`} className="chip" ariaRole="button" onClick={() => edit(station.id)}>
              {t('staff.edit')}
            </View>
            <View
              id={`poster-${station.id}`}
              className="chip"
              ariaRole="button"
              ariaLabel={`${t('stations.printPoster')} ${station.name}`}
              onClick={() => showPoster(station.id)}
            >
              {t('stations.printPoster')}
            </View>
          </View>
          <View>
            {station.services.map((s) => (
              <View
                key={s.key}
                id={`toggle-${station.id}-${s.key}`}
                className={`chip ${s.available ? 'chip--on' : 'chip--off'}`}
                {...control('switch', { checked: s.available })}
                ariaLabel={t(serviceLabel(s.key))}
                onClick={() => void flip(station, s.key, s.available)}
              >
                {t(serviceLabel(s.key))}
              </View>
            ))}
          </View>
        </View>
      ))}
    </Screen>
  )
}
