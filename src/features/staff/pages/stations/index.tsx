import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StationSummary } from '@contract'
import { useState } from 'react'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { serviceLabel } from '../../../stations/format'
import { allStations, toggleService } from '../../api'
import '../../staff.scss'

type Status = { kind: 'loading' } | { kind: 'ready'; items: StationSummary[] } | { kind: 'error'; message: string }

export default function StaffStations() {
  const { t } = useSettings()
  const [status, setStatus] = useState<Status>({ kind: 'loading' })

  const load = async () => {
    try {
      setStatus({ kind: 'ready', items: (await allStations()).items })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  /** One tap pauses or resumes a service; the list shows the server's answer. */
  const flip = async (station: StationSummary, key: StationSummary['services'][number]['key'], available: boolean) => {
    try {
      const { station: updated } = await toggleService(station.id, key, { available: !available })
      setStatus((s) =>
        s.kind === 'ready'
          ? { ...s, items: s.items.map((x) => (x.id === updated.id ? { ...x, services: updated.services.map(({ key: k, available: a }) => ({ key: k, available: a })) } : x)) }
          : s,
      )
    } catch {
      // The request client has shown why.
    }
  }
  const edit = (id?: string) => void Taro.navigateTo({ url: `/features/staff/pages/station-edit/index${id ? `?id=${id}` : ''}` })

  return (
    <Screen>
      <Button id="new-station" className="btn btn--primary" onClick={() => edit()}>
        {t('staff.newStation')}
      </Button>
      {status.kind === 'loading' ? <StateView state="loading" /> : null}
      {status.kind === 'error' ? <StateView state="error" message={status.message} onRetry={() => void load()} /> : null}
      {status.kind === 'ready'
        ? status.items.map((station) => (
            <View key={station.id} id={`staff-station-${station.id}`} className="card">
              <View className="staff-station__head">
                <Text className="staff-station__name">{station.name}</Text>
                <View id={`edit-${station.id}`} className="chip" ariaRole="button" onClick={() => edit(station.id)}>
                  {t('staff.edit')}
                </View>
              </View>
              <View>
                {station.services.map((s) => (
                  <View
                    key={s.key}
                    id={`toggle-${station.id}-${s.key}`}
                    className={`chip ${s.available ? 'chip--on' : 'chip--off'}`}
                    ariaRole="switch"
                    ariaLabel={`${t(serviceLabel(s.key))} ${s.available ? t('stations.openNow') : t('stations.paused')}`}
                    onClick={() => void flip(station, s.key, s.available)}
                  >
                    {t(serviceLabel(s.key))}
                  </View>
                ))}
              </View>
            </View>
          ))
        : null}
    </Screen>
  )
}
