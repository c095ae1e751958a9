import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { StaffScope, StationChanges, StationDetail } from '@contract'
import { CLOCK_TIME_LENGTH, STATION_LIMITS, textLimit } from '@values/limits'
import { useState } from 'react'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { useTown } from '../../../../shared/town'
import { Screen } from '../../../../shared/ui/Screen'
import { control } from '../../../../shared/ui/a11y'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { SERVICE_KEYS, STATION_KINDS } from '@values/orders'
import { serviceLabel } from '../../../stations/format'
import { CommunityPicker } from '../../components/CommunityPicker'
import { PlacePhotos } from '../../components/PlacePhotos'
import { fitPledges, stationBody, stationDraft, type Day, type StationDraft } from '../../station-form'
import '../../staff.scss'

interface Data {
  scope: StaffScope
  /** Null for a new station until it is first saved. */
  station: StationDetail | null
  changes: StationChanges['items']
}

export default function StationEdit() {
  const { t } = useSettings()
  usePageTitle(t('staff.editStation'))
  const town = useTown()
  const stationId = useRouter().params.id
  // Fetched the first time only: coming back from the photo picker or the map shows the page again, and it must go on
  // showing the station as saved here (a new one included), not fetch it afresh.
  const { data, pending, update } = useScreenData(
    async (): Promise<Data> => {
      const myScope = () => call('GET /api/communities/mine', { toast: false })
      if (!stationId) return { scope: await myScope(), station: null, changes: [] }
      const path = { id: stationId }
      const [scope, { station }, log] = await Promise.all([
        myScope(),
        call('GET /api/stations/{id}', { path, toast: false }),
        call('GET /api/stations/{id}/changes', { path, toast: false }),
      ])
      return { scope, station, changes: log.items }
    },
    '',
    { onShow: 'first' },
  )
  /** What staff have typed since the station was loaded or saved; null while the form shows it unchanged. */
  const [edited, setEdited] = useState<StationDraft | null>(null)
  const [busy, setBusy] = useState(false)

  if (!data) return pending

  const draft = edited ?? stationDraft(data.scope, data.station, town)
  /** Given the latest draft: photos arrive one by one after their upload, when the form may have changed. */
  const edit = (change: (current: StationDraft) => Partial<StationDraft>) =>
    setEdited((d) => {
      const current = d ?? draft
      return { ...current, ...change(current) }
    })
  const set = (fields: Partial<StationDraft>) => edit(() => fields)
  const pickOnMap = async () => {
    try {
      const place = await Taro.chooseLocation({ latitude: Number(draft.lat), longitude: Number(draft.lng) })
      set({ lat: place.latitude.toFixed(6), lng: place.longitude.toFixed(6), address: draft.address || place.address })
    } catch {
      // Cancelled: keep the typed coordinates.
    }
  }
  const setDay = (index: number, change: Partial<Day>) =>
    set({ days: draft.days.map((d, i) => (i === index ? { ...d, ...change } : d)) })
  const save = async () => {
    // A second tap while a new station is being created would create it twice.
    if (busy) return
    setBusy(true)
    try {
      const { station } = data.station
        ? await call('PATCH /api/stations/{id}', { path: { id: data.station.id }, body: stationBody(draft) })
        : await call('POST /api/stations', { body: stationBody(draft) })
      void Taro.showToast({ title: t('staff.saved'), icon: 'success' })
      update((shown) => ({ ...shown, station }))
      // The form now shows the station as the API keeps it, unless staff typed on while it was saving.
      setEdited((d) => (d === edited ? null : d))
      // The log's new line (who, when) is the server's, and not in the write's answer.
      const { items: changes } = await call('GET /api/stations/{id}/changes', {
        path: { id: station.id },
        toast: false,
      })
      update((shown) => ({ ...shown, changes }))
    } catch {
      // The request client has shown which field is wrong.
    } finally {
      setBusy(false)
    }
  }
  const field = (
    label: string,
    key: 'name' | 'nameEn' | 'address' | 'lat' | 'lng' | 'phone',
    type: 'text' | 'digit' = 'text',
  ) => (
    <View>
      <Text className="form__label">{label}</Text>
      <Input
        id={`field-${key}`}
        className="form__input"
        type={type}
        maxlength={textLimit(STATION_LIMITS, key)}
        value={draft[key]}
        onInput={(e) => set({ [key]: e.detail.value })}
      />
    </View>
  )

  return (
    <Screen>
      <View className="card">
        <CommunityPicker
          scope={data.scope}
          value={draft.communityId}
          onChange={(communityId) => set({ communityId })}
        />
        {field(t('staff.name'), 'name')}
        {field(t('staff.nameEn'), 'nameEn')}
        <Text className="form__label">{t('staff.kind')}</Text>
        <View>
          {STATION_KINDS.map((k) => (
            <View
              key={k}
              id={`kind-${k}`}
              className={`chip ${draft.kind === k ? 'chip--on' : ''}`}
              {...control('radio', { checked: draft.kind === k })}
              onClick={() => set({ kind: k })}
            >
              {t(`kind.${k}`)}
            </View>
          ))}
        </View>
        {field(t('staff.address'), 'address')}
        {field(t('staff.lat'), 'lat', 'digit')}
        {field(t('staff.lng'), 'lng', 'digit')}
        <Button className="btn btn--ghost form__save" onClick={() => void pickOnMap()}>
          {t('staff.pickOnMap')}
        </Button>
        {field(t('staff.phone'), 'phone')}
      </View>

      <View className="card">
        <Text className="form__label">{t('staff.hours')}</Text>
        {draft.days.map((day, index) => (
          <View key={index} className="form__day">
            <Text className="form__day-name">{t(`weekday.${index as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}</Text>
            {day.closed ? (
              <Text className="muted">{t('staff.closed')}</Text>
            ) : (
              <>
                <Input
                  className="form__input"
                  value={day.open}
                  maxlength={CLOCK_TIME_LENGTH}
                  onInput={(e) => setDay(index, { open: e.detail.value })}
                />
                <Text>–</Text>
                <Input
                  className="form__input"
                  value={day.close}
                  maxlength={CLOCK_TIME_LENGTH}
                  onInput={(e) => setDay(index, { close: e.detail.value })}
                />
              </>
            )}
            <Switch
              checked={!day.closed}
              color="#B71C1C"
              ariaLabel={t('staff.closed')}
              onChange={(e) => setDay(index, { closed: !e.detail.value })}
            />
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="form__label">{t('staff.services')}</Text>
        {SERVICE_KEYS.map((key) => (
          <View
            key={key}
            id={`service-${key}`}
            className={`chip ${draft.services[key] ? 'chip--on' : ''}`}
            {...control('checkbox', { checked: Boolean(draft.services[key]) })}
            onClick={() =>
              set({ services: { ...draft.services, [key]: draft.services[key] ? undefined : { available: true } } })
            }
          >
            {t(serviceLabel(key))}
          </View>
        ))}
        <Text className="form__label">{t('staff.pledges')}</Text>
        <Textarea
          className="form__textarea"
          value={draft.pledges}
          maxlength={STATION_LIMITS.pledges.items * (STATION_LIMITS.pledges.length + 1) - 1}
          onInput={(e) => set({ pledges: fitPledges(e.detail.value) })}
        />
      </View>

      <View className="card">
        <PlacePhotos urls={draft.photos} onChange={(change) => edit((d) => ({ photos: change(d.photos) }))} />
      </View>

      <Button id="save-station" className="btn btn--primary form__save" loading={busy} onClick={() => void save()}>
        {t('staff.save')}
      </Button>

      {data.changes.length ? (
        <View className="card form__save">
          <Text className="form__label">{t('staff.changes')}</Text>
          {data.changes.map((c) => (
            <Text key={c.id} className="muted report-item__text">
              {new Date(c.createdAt).toLocaleString()} · {c.actorNickname ?? '—'} · {c.action}
            </Text>
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
