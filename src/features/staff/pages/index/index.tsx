import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { currentUser } from '../../../../shared/auth'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import '../../staff.scss'

export default function StaffHome() {
  const { t } = useSettings()
  if (currentUser()?.role !== 'staff') return <Screen><StateView state="empty" title={t('staff.onlyStaff')} /></Screen>
  const go = (path: string) => () => void Taro.navigateTo({ url: `/features/staff/pages/${path}/index` })
  return (
    <Screen>
      <View className="card menu">
        <View id="staff-stations" className="menu__item" ariaRole="button" onClick={go('stations')}>
          <Text>{t('staff.stations')}</Text>
          <Text className="muted">›</Text>
        </View>
        <View id="staff-lectures" className="menu__item" ariaRole="button" onClick={go('lectures')}>
          <Text>{t('staff.lectures')}</Text>
          <Text className="muted">›</Text>
        </View>
        <View id="staff-wishes" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/wishes/pages/mine/index' })}>
          <Text>{t('wishes.reviewQueue')}</Text>
          <Text className="muted">›</Text>
        </View>
        <View id="staff-members" className="menu__item" ariaRole="button" onClick={go('members')}>
          <Text>{t('members.queue')}</Text>
          <Text className="muted">›</Text>
        </View>
        <View id="staff-reports" className="menu__item" ariaRole="button" onClick={go('reports')}>
          <Text>{t('staff.reports')}</Text>
          <Text className="muted">›</Text>
        </View>
      </View>
    </Screen>
  )
}
