import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { VERIFY_REASON_LENGTH } from '@values/limits'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { call } from '../../../../shared/client'
import { memberQueue } from '../../../members/queue'
import '../../staff.scss'

export default function StaffMembers() {
  const { t } = useSettings()
  usePageTitle(t('members.queue'))
  const { data: members, pending, update } = useScreenData(async () => (await memberQueue()).items)

  const [reason, setReason] = useState('')
  const decide = async (id: string, decision: 'verify' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      void Taro.showToast({ title: t('wishes.note'), icon: 'none' })
      return
    }
    try {
      await call('POST /api/members/{id}/verify', {
        path: { id },
        body: { decision, reason: decision === 'reject' ? reason.trim() : undefined },
      })
      // Decided: no longer waiting.
      update((queue) => queue.filter((m) => m.id !== id))
      setReason('')
    } catch {
      // The request client has shown why.
    }
  }

  if (!members) return pending
  if (members.length === 0)
    return (
      <Screen>
        <StateView state="empty" title={t('members.queueEmpty')} />
      </Screen>
    )
  return (
    <Screen>
      <Textarea
        className="card form__textarea"
        maxlength={VERIFY_REASON_LENGTH}
        placeholder={t('wishes.note')}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      {members.map((m) => (
        <View key={m.id} id={`member-${m.id}`} className="card">
          <Text className="staff-station__name">{m.realName}</Text>
          <Text className="report-item__text">
            {m.phone} · {m.workUnit} · {m.branch}
          </Text>
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
