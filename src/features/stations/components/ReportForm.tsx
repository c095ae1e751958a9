import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { call, type Body } from '../../../shared/client'
import { useState } from 'react'
import { REPORT_LIMITS } from '@values/limits'
import { REPORT_CATEGORIES } from '@values/orders'
import { currentUser } from '../../../shared/auth'
import { useSettings } from '../../../shared/settings'
import { control } from '../../../shared/ui/a11y'

type ReportCreate = Body<'POST /api/stations/{id}/reports'>

type Category = ReportCreate['category']

/** "Something is wrong here": a category, an optional note, sent to staff. Needs a logged-in user. */
export function ReportForm({ stationId, onDone }: { stationId: string; onDone(): void }) {
  const { t } = useSettings()
  const [category, setCategory] = useState<Category>('no_hot_water')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!currentUser()) {
      void Taro.navigateTo({ url: pageUrl('me/login') })
      return
    }
    setBusy(true)
    try {
      await call('POST /api/stations/{id}/reports', { path: { id: stationId }, body: { category, text } })
      void Taro.showToast({ title: t('stations.reportSent'), icon: 'none' })
      onDone()
    } catch {
      // The request client has shown why (content check, rate limit…).
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card report">
      <Text className="detail__section">{t('stations.reportTitle')}</Text>
      <View>
        {REPORT_CATEGORIES.map((c) => (
          <View
            key={c}
            id={`report-${c}`}
            className={`chip ${category === c ? 'chip--on' : ''}`}
            {...control('radio', { checked: category === c })}
            onClick={() => setCategory(c)}
          >
            {t(`report.${c}`)}
          </View>
        ))}
      </View>
      <Textarea
        id="report-text"
        className="report__text"
        maxlength={REPORT_LIMITS.text}
        placeholder={t('stations.reportText')}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <View className="report__actions">
        <Button className="btn btn--ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button id="report-submit" className="btn btn--primary" loading={busy} onClick={() => void submit()}>
          {t('common.submit')}
        </Button>
      </View>
    </View>
  )
}
