import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityFigures } from '@contract'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import type { MessageKey } from '../../../../shared/i18n'
import { useSettings } from '../../../../shared/settings'
import { Menu } from '../../../../shared/ui/Menu'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { RESPONSE_FIGURES } from '../../../figures/response'
import '../../staff.scss'

const OVERDUE_PAGE = pageUrl('staff/overdue')
const STAFF_MENU: { id: string; label: MessageKey; url: string }[] = [
  { id: 'overdue', label: 'staff.overdue.open', url: OVERDUE_PAGE },
  { id: 'stations', label: 'staff.stations', url: pageUrl('staff/stations') },
  { id: 'lectures', label: 'staff.lectures', url: pageUrl('staff/lectures') },
  { id: 'places', label: 'staff.places', url: pageUrl('staff/places') },
  { id: 'activities', label: 'activities.title', url: pageUrl('activities/index') },
  { id: 'wishes', label: 'wishes.reviewQueue', url: pageUrl('wishes/mine') },
  { id: 'on-behalf', label: 'wishes.onBehalfNew', url: pageUrl('wishes/new') },
  { id: 'members', label: 'members.queue', url: pageUrl('staff/members') },
  { id: 'reports', label: 'staff.reports', url: pageUrl('staff/reports') },
]

/** Each community this staff user acts for, in the figures the district asks about. */
function FiguresCard({ items }: { items: CommunityFigures['items'] }) {
  const { t, inLanguage } = useSettings()
  return (
    <>
      {items.map((c) => (
        <View key={c.communityId} id={`figures-${c.communityId}`} className="card figures">
          <Text className="staff-station__name">{inLanguage(c.name, c.nameEn)}</Text>
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
                ['staff.fig.overdue', c.overdue],
              ] as const
            ).map(([label, n]) => (
              <View key={label} className="figures__cell">
                <Text className="figures__n">{n}</Text>
                <Text className="muted">{t(label)}</Text>
              </View>
            ))}
          </View>
          <View className="figures__times">
            {RESPONSE_FIGURES(t).map((f) => (
              <View key={f.key} id={`figures-${c.communityId}-${f.key}`} className="figures__time">
                <Text className="muted">{t(f.label)}</Text>
                <Text>{f.value(c.responseTimes)}</Text>
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
  usePageTitle(t('staff.title'))
  // Asked at each fetch: the person may have logged in as staff since the page was drawn.
  const isStaff = () => currentUser()?.role === 'staff'
  const figures = useScreenData(async () =>
    isStaff() ? (await call('GET /api/stats/communities', { toast: false })).items : [],
  )
  const overdue = figures.data?.reduce((n, c) => n + c.overdue, 0)
  if (!isStaff())
    return (
      <Screen>
        <StateView state="empty" title={t('staff.onlyStaff')} />
      </Screen>
    )
  return (
    <Screen>
      <Menu
        entries={STAFF_MENU.map(({ id, label, url }) => ({
          id: `staff-${id}`,
          label: t(label),
          open: () => void Taro.navigateTo({ url }),
          badge: url === OVERDUE_PAGE ? overdue : undefined,
        }))}
      />
      <Text className="form__label">{t('staff.figures')}</Text>
      {figures.placeholder}
      {figures.data ? <FiguresCard items={figures.data} /> : null}
      {/* The charts open on the figures page, so the chart library stays in that subpackage alone. */}
      <Menu
        entries={[
          {
            id: 'staff-charts',
            label: t('figures.mine.open'),
            open: () => void Taro.navigateTo({ url: pageUrl('figures/index', { scope: 'mine' }) }),
          },
        ]}
      />
    </Screen>
  )
}
