import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { callWithOfflineCopy } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { PagedList } from '../../../../shared/ui/PagedList'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { ActivityCard } from '../../components/ActivityCard'
import '../../activities.scss'

/** 我的志愿服务: the activities I signed up for that are not over yet; the ones served are in the record. */
export default function MyActivitiesPage() {
  const { t } = useSettings()
  usePageTitle(t('activities.mine'))
  const { data, pending } = useScreenData(
    async () => (await callWithOfflineCopy('GET /api/activities', { query: { mine: 'true', limit: 100 } })).data.items,
  )
  const go = (url: string) => void Taro.navigateTo({ url })
  if (!data) return pending
  return (
    <Screen className="activities">
      {data.length === 0 ? (
        <StateView state="empty" title={t('activities.noneMine')} hint={t('activities.noneMineHint')} />
      ) : (
        <PagedList items={data}>
          {(activity) => (
            <ActivityCard
              key={activity.id}
              activity={activity}
              onOpen={(id) => go(pageUrl('activities/detail', { id }))}
            />
          )}
        </PagedList>
      )}
      <Button id="browse" className="btn btn--ghost" onClick={() => go(pageUrl('activities/index'))}>
        {t('activities.browse')}
      </Button>
      <Button id="my-record" className="btn btn--ghost" onClick={() => go(pageUrl('activities/record'))}>
        {t('activities.record')}
      </Button>
    </Screen>
  )
}
