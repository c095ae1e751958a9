import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StationReport } from '@contract'
import { useState } from 'react'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { openReports, resolveReport } from '../../api'
import '../../staff.scss'

type Status = { kind: 'loading' } | { kind: 'ready'; items: StationReport[] } | { kind: 'error'; message: string }

export default function StaffReports() {
  const { t } = useSettings()
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const load = async () => {
    try {
      setStatus({ kind: 'ready', items: (await openReports()).items })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const resolve = async (id: string) => {
    try {
      await resolveReport(id)
      void Taro.showToast({ title: t('staff.resolved'), icon: 'success' })
      await load()
    } catch {
      // shown by the request client
    }
  }

  if (status.kind === 'loading') return <Screen><StateView state="loading" /></Screen>
  if (status.kind === 'error') return <Screen><StateView state="error" message={status.message} onRetry={() => void load()} /></Screen>
  if (status.items.length === 0) return <Screen><StateView state="empty" title={t('staff.noReports')} /></Screen>
  return (
    <Screen>
      {status.items.map((r) => (
        <View key={r.id} id={`report-${r.id}`} className="card">
          <Text className="staff-station__name">{r.stationName}</Text>
          <Text className="report-item__text">
            {t(`report.${r.category}`)}
            {r.text ? `：${r.text}` : ''}
          </Text>
          <Text className="muted">
            {r.reporterNickname} · {new Date(r.createdAt).toLocaleString()}
          </Text>
          <Button id={`resolve-${r.id}`} className="btn btn--ghost form__save" onClick={() => void resolve(r.id)}>
            {t('staff.resolve')}
          </Button>
        </View>
      ))}
    </Screen>
  )
}
