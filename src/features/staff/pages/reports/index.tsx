import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import '../../staff.scss'

export default function StaffReports() {
  const { t } = useSettings()
  usePageTitle(t('staff.reports'))
  const {
    data: reports,
    pending,
    reload,
  } = useScreenData(
    async () => (await call('GET /api/stations/reports', { query: { status: 'open' }, toast: false })).items,
  )

  const resolve = async (id: string) => {
    try {
      await call('POST /api/stations/reports/{id}/resolve', { path: { id }, body: {} })
      void Taro.showToast({ title: t('staff.resolved'), icon: 'success' })
      await reload()
    } catch {
      // shown by the request client
    }
  }

  if (!reports) return pending
  if (reports.length === 0)
    return (
      <Screen>
        <StateView state="empty" title={t('staff.noReports')} />
      </Screen>
    )
  return (
    <Screen>
      {reports.map((r) => (
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
