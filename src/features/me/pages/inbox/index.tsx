import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import type { InboxNotice } from '@contract'
import { useState } from 'react'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { formatMoment } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import './index.scss'

/** Opening the page is reading what it shows; the marks stay on screen until the next visit. */
function markShownRead(items: InboxNotice[]) {
  const unread = items.filter((notice) => notice.readAt === null).map((notice) => notice.id)
  if (unread.length > 0)
    void call('POST /api/me/notices/read', { body: { ids: unread }, toast: false }).catch(() => undefined)
}

export default function InboxPage() {
  const { t, language, inLanguage } = useSettings()
  usePageTitle(t('inbox.title'))
  const [loadingMore, setLoadingMore] = useState(false)
  const { data, pending, update } = useScreenData(async () => {
    const page = await call('GET /api/me/notices', { toast: false })
    markShownRead(page.items)
    return page
  })

  useReachBottom(() => {
    if (!data?.nextCursor || loadingMore) return
    setLoadingMore(true)
    call('GET /api/me/notices', { query: { cursor: data.nextCursor }, toast: false })
      .then((page) => {
        markShownRead(page.items)
        update((shown) => ({ ...page, items: [...shown.items, ...page.items] }))
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false))
  })

  if (!data) return pending
  const open = (notice: InboxNotice) => {
    if (notice.link) void Taro.navigateTo({ url: notice.link })
  }
  return (
    <Screen className="inbox">
      {data.items.length === 0 ? (
        <StateView state="empty" title={t('inbox.empty')} hint={t('inbox.emptyHint')} />
      ) : null}
      {data.items.map((notice) => {
        const title = inLanguage(notice.title, notice.titleEn)
        const body = inLanguage(notice.body, notice.bodyEn)
        const unread = notice.readAt === null
        return (
          <View
            key={notice.id}
            id={`notice-${notice.id}`}
            className={`card inbox__item ${unread ? 'inbox__item--new' : ''}`}
            ariaRole={notice.link ? 'button' : undefined}
            ariaLabel={`${unread ? `${t('inbox.new')} ` : ''}${title}。${body}`}
            onClick={() => open(notice)}
          >
            <View className="inbox__head">
              {unread ? <Text className="inbox__dot">{t('inbox.new')}</Text> : null}
              <Text className="inbox__title">{title}</Text>
              <Text className="muted inbox__time">{formatMoment(notice.createdAt, language)}</Text>
            </View>
            <Text className="inbox__body">{body}</Text>
            {notice.link ? <Text className="muted inbox__open">{t('inbox.open')} ›</Text> : null}
          </View>
        )
      })}
      {data.items.length > 0 ? (
        <Text className="muted inbox__end">{data.nextCursor ? t('common.loadMore') : t('common.noMore')}</Text>
      ) : null}
    </Screen>
  )
}
