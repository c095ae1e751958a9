import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ACTIVITY_LIMITS } from '@values/limits'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { useTown } from '../../../../shared/town'
import { control } from '../../../../shared/ui/a11y'
import { DayAndTimes } from '../../../../shared/ui/DayAndTimes'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { CommunityPicker } from '../../../staff/components/CommunityPicker'
import { activityBody, changedFields, draftOf, newDraft, type ActivityDraft } from '../../activity-form'
import { ACTIVITY_KINDS } from '@values/orders'
import { kindLabel } from '../../kinds'
import '../../../staff/staff.scss'
import '../../activities.scss'

const TEXT_FIELDS = [
  ['title', 'activities.field.title', ACTIVITY_LIMITS.title],
  ['address', 'staff.address', ACTIVITY_LIMITS.address],
  ['lat', 'staff.lat', 12],
  ['lng', 'staff.lng', 12],
  ['volunteersNeeded', 'activities.field.needed', 3],
] as const

/** Staff publish an activity, or change one (`?id=`); the API's refusals (times, places, words) show as they come. */
export default function ActivityEditor() {
  const { t } = useSettings()
  const id = useRouter().params.id
  usePageTitle(t(id ? 'activities.edit' : 'activities.publish'))
  const town = useTown()
  // Fetched once: coming back from the map picker must keep what was typed.
  const { data, pending } = useScreenData(
    async () => {
      const [scope, shown] = await Promise.all([
        call('GET /api/communities/mine', { toast: false }),
        id ? call('GET /api/activities/{id}', { path: { id }, toast: false }) : null,
      ])
      return { scope, activity: shown?.activity ?? null }
    },
    '',
    { onShow: 'first' },
  )
  const [edited, setEdited] = useState<ActivityDraft | null>(null)
  const [busy, setBusy] = useState(false)
  if (!data) return pending

  const saved = data.activity ? draftOf(data.activity) : newDraft(data.scope.items[0]?.id ?? '', town)
  const draft = edited ?? saved
  const set = (change: Partial<ActivityDraft>) => setEdited({ ...draft, ...change })
  const pickOnMap = async () => {
    try {
      const place = await Taro.chooseLocation({ latitude: Number(draft.lat), longitude: Number(draft.lng) })
      set({ lat: place.latitude.toFixed(6), lng: place.longitude.toFixed(6), address: draft.address || place.address })
    } catch {
      // Cancelled: keep the typed coordinates.
    }
  }
  const save = async () => {
    if (busy) return
    setBusy(true)
    try {
      const { activity } = id
        ? await call('PATCH /api/activities/{id}', { path: { id }, body: changedFields(saved, draft) })
        : await call('POST /api/activities', { body: activityBody(draft) })
      void Taro.showToast({ title: t(id ? 'activities.changed' : 'activities.published'), icon: 'none' })
      await Taro.redirectTo({ url: pageUrl('activities/manage', { id: activity.id }) })
    } catch {
      // The request client has shown the API's reason.
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className="activity-editor">
      <View className="card">
        {id ? null : (
          <CommunityPicker
            scope={data.scope}
            value={draft.communityId}
            onChange={(communityId) => set({ communityId })}
          />
        )}
        <Text className="form__label">{t('staff.kind')}</Text>
        <View>
          {ACTIVITY_KINDS.map((kind) => (
            <View
              key={kind}
              id={`field-kind-${kind}`}
              className={`chip ${draft.kind === kind ? 'chip--on' : ''}`}
              {...control('radio', { checked: draft.kind === kind })}
              onClick={() => set({ kind })}
            >
              {t(kindLabel(kind))}
            </View>
          ))}
        </View>
        {TEXT_FIELDS.map(([key, label, maxlength]) => (
          <View key={key}>
            <Text className="form__label">{t(label)}</Text>
            <Input
              id={`field-${key}`}
              className="form__input"
              type={key === 'volunteersNeeded' ? 'number' : key === 'lat' || key === 'lng' ? 'digit' : 'text'}
              maxlength={maxlength}
              value={draft[key]}
              ariaLabel={t(label)}
              onInput={(e) => set({ [key]: e.detail.value })}
            />
          </View>
        ))}
        <Button id="pick-on-map" className="btn btn--ghost" onClick={() => void pickOnMap()}>
          {t('staff.pickOnMap')}
        </Button>
        <Text className="form__label">{t('activities.field.when')}</Text>
        <DayAndTimes value={draft} onChange={set} />
        <Text className="form__label">{t('activities.field.description')}</Text>
        <Textarea
          id="field-description"
          className="form__textarea"
          maxlength={ACTIVITY_LIMITS.description}
          value={draft.description}
          ariaLabel={t('activities.field.description')}
          onInput={(e) => set({ description: e.detail.value })}
        />
        <Button id="save-activity" className="btn btn--primary form__save" loading={busy} onClick={() => void save()}>
          {t(id ? 'activities.saveChanges' : 'activities.publish')}
        </Button>
      </View>
    </Screen>
  )
}
