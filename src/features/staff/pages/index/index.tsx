import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { CommunityFigures } from '@contract'
import { useState } from 'react'
import { currentUser } from '../../../../shared/auth'
import type { MessageKey } from '../../../../shared/i18n'
import { useSettings } from '../../../../shared/settings'
import { Menu } from '../../../../shared/ui/Menu'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { chartData, type ChartData } from '../../../figures/api'
import { FiguresCharts } from '../../../figures/components/FiguresCharts'
import { communityFigures } from '../../api'
import '../../staff.scss'

const STAFF_MENU: { id: string; label: MessageKey; url: string }[] = [
  { id: 'stations', label: 'staff.stations', url: '/features/staff/pages/stations/index' },
  { id: 'lectures', label: 'staff.lectures', url: '/features/staff/pages/lectures/index' },
  { id: 'places', label: 'staff.places', url: '/features/staff/pages/places/index' },
  { id: 'wishes', label: 'wishes.reviewQueue', url: '/features/wishes/pages/mine/index' },
  { id: 'members', label: 'members.queue', url: '/features/staff/pages/members/index' },
  { id: 'reports', label: 'staff.reports', url: '/features/staff/pages/reports/index' },
]

type Figures = { kind: 'loading' } | { kind: 'ready'; items: CommunityFigures['items'] } | { kind: 'error' }

/** Each community this staff user acts for, in the figures the district asks about. */
function FiguresCard({ figures, onRetry }: { figures: Figures; onRetry(): void }) {
  const { t } = useSettings()
  if (figures.kind === 'loading') return <StateView state="loading" />
  if (figures.kind === 'error') return <StateView state="error" message={t('common.error')} onRetry={onRetry} />
  return (
    <>
      {figures.items.map((c) => (
        <View key={c.communityId} id={`figures-${c.communityId}`} className="card figures">
          <Text className="staff-station__name">{c.name}</Text>
          <View className="figures__grid">
            {(
              [
                ['staff.fig.pendingReview', c.wishes.pendingReview],
                ['staff.fig.published', c.wishes.published],
                ['staff.fig.claimed', c.wishes.claimed],
                ['staff.fig.done', c.wishes.fulfilled + c.wishes.confirmed],
                ['staff.fig.urgentSolved', c.wishes.urgentSolved],
                ['staff.fig.disputed', c.wishes.disputed],
                ['staff.fig.members', c.members.verified],
                ['staff.fig.membersPending', c.members.pending],
              ] as const
            ).map(([label, n]) => (
              <View key={label} className="figures__cell">
                <Text className="figures__n">{n}</Text>
                <Text className="muted">{t(label)}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  )
}

export default function StaffHome() {
  const { t } = useSettings()
  const [figures, setFigures] = useState<Figures>({ kind: 'loading' })
  const [charts, setCharts] = useState<ChartData | null>(null)
  const loadFigures = () => {
    void communityFigures().then(
      ({ items }) => setFigures({ kind: 'ready', items }),
      () => setFigures({ kind: 'error' }),
    )
    // The charts add to the table of figures; without them the page still has its numbers.
    void chartData('mine').then(setCharts, () => setCharts(null))
  }
  useDidShow(() => {
    if (currentUser()?.role === 'staff') loadFigures()
  })
  if (currentUser()?.role !== 'staff') return <Screen><StateView state="empty" title={t('staff.onlyStaff')} /></Screen>
  return (
    <Screen>
      <Menu entries={STAFF_MENU.map(({ id, label, url }) => ({ id: `staff-${id}`, label: t(label), open: () => void Taro.navigateTo({ url }) }))} />
      <Text className="form__label">{t('staff.figures')}</Text>
      <FiguresCard figures={figures} onRetry={loadFigures} />
      {charts ? (
        <>
          <Text className="form__label">{t('figures.mine')}</Text>
          <FiguresCharts data={charts} idPrefix="staff-chart" />
        </>
      ) : null}
    </Screen>
  )
}
