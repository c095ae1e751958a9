import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { formatMoment } from '../../../../shared/time'
import { PagedList } from '../../../../shared/ui/PagedList'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { CertificateRequest } from '../../components/CertificateRequest'
import '../../activities.scss'

const recordPage = (cursor?: string) =>
  call('GET /api/me/member/record', { query: { limit: 20, cursor }, toast: false })

/** 我的服务记录: confirmed hours only (as the API counts them), the activities and wishes behind them, newest first. */
export default function ServiceRecordPage() {
  const { t, language } = useSettings()
  usePageTitle(t('activities.record'))
  const record = useScreenData(() => recordPage())
  useReachBottom(() => {
    const cursor = record.data?.nextCursor
    if (!cursor) return
    void recordPage(cursor).then((more) =>
      record.update((shown) => ({ ...shown, items: [...shown.items, ...more.items], nextCursor: more.nextCursor })),
    )
  })
  if (!record.data) return record.pending
  const { hoursServed, activities, wishesFulfilled, items, nextCursor } = record.data
  const figures = [
    ['record-hours', hoursServed, t('members.hoursServed')],
    ['record-activities', activities, t('activities.count')],
    ['record-wishes', wishesFulfilled, t('members.wishesFulfilled')],
  ] as const

  return (
    <Screen className="record">
      <View className="card record__figures">
        {figures.map(([key, n, label]) => (
          <View key={key} id={key}>
            <Text className="record__n">{n}</Text>
            <Text className="muted">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="muted activity__text">{t('activities.recordHint')}</Text>
      <CertificateRequest />
      {items.length === 0 ? (
        <StateView state="empty" title={t('activities.recordEmpty')} />
      ) : (
        <PagedList items={items} className="card">
          {(item) => (
            <View
              key={`${item.kind}-${item.id}`}
              className="menu__item"
              ariaRole="link"
              onClick={() =>
                void Taro.navigateTo({
                  url: pageUrl(item.kind === 'activity' ? 'activities/detail' : 'wishes/detail', { id: item.id }),
                })
              }
            >
              <View>
                <Text className="activity__row">{item.title}</Text>
                <Text className="muted">
                  {t(item.kind === 'activity' ? 'activities.title' : 'tab.wishes')} · {formatMoment(item.at, language)}
                </Text>
              </View>
              <Text>{t('activities.hours', { n: item.hours })}</Text>
            </View>
          )}
        </PagedList>
      )}
      {items.length ? (
        <Text className="muted activities__end">{nextCursor ? t('common.loadMore') : t('common.noMore')}</Text>
      ) : null}
    </Screen>
  )
}
