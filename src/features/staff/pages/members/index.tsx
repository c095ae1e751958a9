import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Member } from '@contract'
import { useState } from 'react'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { memberQueue, verifyMember } from '../../../members/api'
import '../../staff.scss'

export default function StaffMembers() {
  const { t } = useSettings()
  const [items, setItems] = useState<Member[] | null>(null)
  const load = async () => setItems((await memberQueue().catch(() => ({ items: [] }))).items)
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const [reason, setReason] = useState('')
  const decide = async (id: string, decision: 'verify' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      void Taro.showToast({ title: t('wishes.note'), icon: 'none' })
      return
    }
    await verifyMember(id, decision, decision === 'reject' ? reason.trim() : undefined).catch(() => undefined)
    setReason('')
    await load()
  }

  if (!items) return <Screen><StateView state="loading" /></Screen>
  if (items.length === 0) return <Screen><StateView state="empty" title={t('members.queueEmpty')} /></Screen>
  return (
    <Screen>
      <Textarea className="card form__textarea" maxlength={200} placeholder={t('wishes.note')} value={reason} onInput={(e) => setReason(e.detail.value)} />
      {items.map((m) => (
        <View key={m.id} id={`member-${m.id}`} className="card">
          <Text className="staff-station__name">{m.realName}</Text>
          <Text className="report-item__text">{m.phone} · {m.workUnit} · {m.branch}</Text>
          <View className="staff-station__head">
            <Button id={`verify-${m.id}`} className="btn btn--primary" onClick={() => void decide(m.id, 'verify')}>
              {t('members.verify')}
            </Button>
            <Button className="btn btn--ghost" onClick={() => void decide(m.id, 'reject')}>
              {t('wishes.reject')}
            </Button>
          </View>
        </View>
      ))}
    </Screen>
  )
}
