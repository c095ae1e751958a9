import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityList, FeedbackSummary, Guesthouse, StaffScope, Topic } from '@contract'
import { GUESTHOUSE_LIMITS, textLimit, TOPIC_LIMITS } from '@values/limits'
import { useState } from 'react'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { useTown } from '../../../../shared/town'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { CommunityPicker } from '../../components/CommunityPicker'
import { PlacePhotos } from '../../components/PlacePhotos'
import { placeBody, placeDraft, topicBody, topicDraft, type PlaceDraft, type TopicDraft } from '../../place-forms'
import '../../staff.scss'

interface Data {
  places: Guesthouse[]
  topics: Topic[]
  feedback: FeedbackSummary
  scope: StaffScope
  /** Every community, for its name on the line under each guesthouse. */
  communities: Map<string, CommunityList['items'][number]>
}

export default function StaffPlaces() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('staff.placesTitle'))
  const town = useTown()
  const [place, setPlace] = useState<PlaceDraft | null>(null)
  const [topic, setTopic] = useState<TopicDraft | null>(null)
  const [busy, setBusy] = useState(false)

  const { data, pending, reload } = useScreenData(async (): Promise<Data> => {
    const [places, topics, feedback, scope, names] = await Promise.all([
      call('GET /api/guesthouses', { toast: false }),
      call('GET /api/lectures/topics', { toast: false }),
      call('GET /api/lectures/feedback/summary', { toast: false }),
      call('GET /api/communities/mine', { toast: false }),
      call('GET /api/communities', { toast: false }),
    ])
    return {
      places: places.items,
      topics: topics.items,
      feedback,
      scope,
      communities: new Map(names.items.map((c) => [c.id, c])),
    }
  })
  if (!data) return pending
  const communityName = (id: string) => {
    const community = data.communities.get(id)
    if (!community) return id
    return inLanguage(community.name, community.nameEn)
  }

  /** Saves a form, then shows the lists as the API now has them; a refusal was shown by the request client. */
  const save = async (write: () => Promise<unknown>, done: () => void) => {
    setBusy(true)
    try {
      await write()
      done()
      void Taro.showToast({ title: t('staff.saved'), icon: 'success' })
      await reload()
    } catch {
      // Shown already; the form keeps what was typed.
    } finally {
      setBusy(false)
    }
  }
  const savePlace = (d: PlaceDraft) => {
    const body = placeBody(d)
    return save(
      () =>
        d.id
          ? call('PATCH /api/guesthouses/{id}', { path: { id: d.id }, body })
          : call('POST /api/guesthouses', { body }),
      () => setPlace(null),
    )
  }
  const saveTopic = (d: TopicDraft) => {
    const body = topicBody(d)
    return save(
      () =>
        d.id
          ? call('PATCH /api/lectures/topics/{id}', { path: { id: d.id }, body })
          : call('POST /api/lectures/topics', { body }),
      () => setTopic(null),
    )
  }
  const pickOnMap = async (d: PlaceDraft) => {
    try {
      const spot = await Taro.chooseLocation({ latitude: Number(d.lat), longitude: Number(d.lng) })
      setPlace({
        ...d,
        lat: spot.latitude.toFixed(6),
        lng: spot.longitude.toFixed(6),
        address: d.address || spot.address,
      })
    } catch {
      // Cancelled: keep the typed coordinates.
    }
  }

  const placeForm = (d: PlaceDraft) => (
    <View className="plan" id="place-form">
      <CommunityPicker
        scope={data.scope}
        value={d.communityId}
        onChange={(communityId) => setPlace({ ...d, communityId })}
      />
      {(['name', 'address', 'lat', 'lng', 'roomsNote'] as const).map((key) => (
        <View key={key}>
          <Text className="form__label">{t(`staff.place.${key}`)}</Text>
          <Input
            id={`place-${key}`}
            className="form__input"
            type={key === 'lat' || key === 'lng' ? 'digit' : 'text'}
            maxlength={textLimit(GUESTHOUSE_LIMITS, key)}
            value={d[key]}
            onInput={(e) => setPlace({ ...d, [key]: e.detail.value })}
          />
        </View>
      ))}
      <Button className="btn btn--ghost form__save" onClick={() => void pickOnMap(d)}>
        {t('staff.pickOnMap')}
      </Button>
      <PlacePhotos
        urls={d.photos}
        onChange={(update) => setPlace((now) => (now ? { ...now, photos: update(now.photos) } : now))}
      />
      <Button id="place-save" className="btn btn--primary form__save" loading={busy} onClick={() => void savePlace(d)}>
        {t('staff.save')}
      </Button>
    </View>
  )
  const topicForm = (d: TopicDraft) => (
    <View className="plan" id="topic-form">
      {(['title', 'titleEn'] as const).map((key) => (
        <View key={key}>
          <Text className="form__label">{t(`staff.topic.${key}`)}</Text>
          <Input
            id={`topic-${key}`}
            className="form__input"
            maxlength={TOPIC_LIMITS[key]}
            value={d[key]}
            onInput={(e) => setTopic({ ...d, [key]: e.detail.value })}
          />
        </View>
      ))}
      {(['description', 'descriptionEn'] as const).map((key) => (
        <View key={key}>
          <Text className="form__label">{t(`staff.topic.${key}`)}</Text>
          <Textarea
            id={`topic-${key}`}
            className="form__textarea"
            maxlength={TOPIC_LIMITS[key]}
            value={d[key]}
            onInput={(e) => setTopic({ ...d, [key]: e.detail.value })}
          />
        </View>
      ))}
      <Button id="topic-save" className="btn btn--primary form__save" loading={busy} onClick={() => void saveTopic(d)}>
        {t('staff.save')}
      </Button>
    </View>
  )

  return (
    <Screen>
      <Text className="form__label">{t('staff.guesthouses')}</Text>
      {data.places.map((g) => (
        <View key={g.id} id={`place-${g.id}`} className="card">
          <View className="staff-station__head">
            <Text className="staff-station__name">{g.name}</Text>
            <View
              id={`edit-${g.id}`}
              className="muted"
              ariaRole="button"
              onClick={() => setPlace(place?.id === g.id ? null : placeDraft(data.scope, town, g))}
            >
              {t('staff.edit')}
            </View>
          </View>
          <Text className="muted">
            {g.communityId ? `${communityName(g.communityId)} · ` : ''}
            {g.address}
            {g.roomsNote ? ` · ${g.roomsNote}` : ''}
          </Text>
          {place?.id === g.id ? placeForm(place) : null}
        </View>
      ))}
      <View className="card">
        {place && place.id === null ? (
          placeForm(place)
        ) : (
          <Button id="add-place" className="btn btn--ghost" onClick={() => setPlace(placeDraft(data.scope, town))}>
            {t('staff.addGuesthouse')}
          </Button>
        )}
      </View>

      <Text className="form__label">{t('staff.topics')}</Text>
      {data.topics.map((x) => (
        <View key={x.id} id={`topic-${x.id}`} className="card">
          <View className="staff-station__head">
            <Text className="staff-station__name">{x.title}</Text>
            <View
              id={`edit-${x.id}`}
              className="muted"
              ariaRole="button"
              onClick={() => setTopic(topic?.id === x.id ? null : topicDraft(x))}
            >
              {t('staff.edit')}
            </View>
          </View>
          <Text className="muted">{x.description}</Text>
          {topic?.id === x.id ? topicForm(topic) : null}
        </View>
      ))}
      <View className="card">
        {topic && topic.id === null ? (
          topicForm(topic)
        ) : (
          <Button id="add-topic" className="btn btn--ghost" onClick={() => setTopic(topicDraft())}>
            {t('staff.addTopic')}
          </Button>
        )}
      </View>

      <Text className="form__label">{t('staff.feedback')}</Text>
      <View className="card" id="feedback-summary">
        {data.feedback.byTopic.length === 0 && data.feedback.bySpeaker.length === 0 ? (
          <Text className="muted">{t('staff.noFeedback')}</Text>
        ) : null}
        {[
          ...data.feedback.byTopic.map((f) => ({ key: f.topicId, name: f.title, ...f })),
          ...data.feedback.bySpeaker.map((f) => ({ key: `sp-${f.speaker}`, name: f.speaker, ...f })),
        ].map((f) => (
          <View key={f.key} className="menu__item">
            <Text>{f.name}</Text>
            <Text className="muted">{t('staff.average', { avg: f.average.toFixed(1), n: f.count })}</Text>
          </View>
        ))}
      </View>
    </Screen>
  )
}
