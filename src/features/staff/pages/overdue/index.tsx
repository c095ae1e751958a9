import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import type { MessageKey } from '../../../../shared/i18n'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { formatHours } from '../../../figures/response'
import '../../staff.scss'

/** Wishes past their response target in the staff user's communities, most overdue first; each opens the wish. */
export default function StaffOverdue() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('staff.overdue.title'))
  const { data: items, pending } = useScreenData(
    async () => (await call('GET /api/staff/overdue', { toast: false })).items,
  )
  if (!items) return pending
  return (
    <Screen>
      <Text className="overdue__intro">{t('staff.overdue.intro')}</Text>
      {items.length === 0 ? (
        <StateView state="empty" title={t('staff.overdue.empty')} hint={t('staff.overdue.emptyHint')} />
      ) : (
        items.map(({ wish, stage, overdueHours }) => (
          <View
            key={`${wish.id}-${stage}`}
            id={`overdue-${wish.id}`}
            className="card overdue"
            ariaRole="button"
            onClick={() => void Taro.navigateTo({ url: pageUrl('wishes/detail', { id: wish.id }) })}
          >
            <View className="staff-station__head">
              <Text className="staff-station__name">{wish.title}</Text>
              <Text className={`badge overdue__stage overdue__stage--${stage}`}>
                {t(`staff.overdue.stage.${stage}` as MessageKey)}
              </Text>
            </View>
            <Text className="overdue__by">{t('staff.overdue.by', { time: formatHours(t, overdueHours) })}</Text>
            <Text className="muted">
              {t(`wish.category.${wish.category}` as MessageKey)} · {wish.residentName} ·{' '}
              {inLanguage(wish.communityName, wish.communityNameEn)}
            </Text>
          </View>
        ))
      )}
    </Screen>
  )
}
