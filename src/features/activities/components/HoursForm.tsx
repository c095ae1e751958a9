import { Button, Input, Text, View } from '@tarojs/components'
import type { ActivityAttendance } from '@contract'
import { HOURS_REASON_LENGTH } from '@values/limits'
import { useState } from 'react'
import { call } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'

type Person = ActivityAttendance['items'][number]

/** Staff set a volunteer's hours by hand with the reason the API audits (it checks the range and the words). */
export function HoursForm({
  activityId,
  person,
  onSaved,
}: {
  activityId: string
  person: Person & { memberId: string }
  onSaved(changed: Person): void
}) {
  const { t } = useSettings()
  const [hours, setHours] = useState(person.hours === null ? '' : String(person.hours))
  const [reason, setReason] = useState(person.hoursReason ?? '')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      const body = { hours: Number(hours), ...(reason.trim() && { reason: reason.trim() }) }
      onSaved(
        await call('PATCH /api/activities/{id}/signups/{memberId}', {
          path: { id: activityId, memberId: person.memberId },
          body,
        }),
      )
    } catch {
      // The request client has shown the API's reason (a reason is needed, 0–24 hours).
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="hours-form">
      <Text className="form__label">{t('activities.setHoursFor', { name: person.realName ?? person.nickname })}</Text>
      <Input
        id="hours-value"
        className="form__input"
        type="digit"
        value={hours}
        ariaLabel={t('activities.hoursLabel')}
        placeholder={t('activities.hoursLabel')}
        onInput={(e) => setHours(e.detail.value)}
      />
      <Input
        id="hours-reason"
        className="form__input"
        maxlength={HOURS_REASON_LENGTH}
        value={reason}
        ariaLabel={t('activities.hoursReason')}
        placeholder={t('activities.hoursReason')}
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button id="hours-save" className="btn btn--primary" loading={busy} onClick={() => void save()}>
        {t('staff.save')}
      </Button>
    </View>
  )
}
