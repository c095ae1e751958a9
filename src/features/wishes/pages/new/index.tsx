import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PHONE_LENGTH, WISH_LIMITS } from '@values/limits'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import { useNoticePrompt } from '../../../../shared/notices'
import { pickAndUploadPhotos } from '../../../../shared/photos'
import { useSettings } from '../../../../shared/settings'
import { PhotoStrip } from '../../../../shared/ui/PhotoStrip'
import { Screen } from '../../../../shared/ui/Screen'
import { control } from '../../../../shared/ui/a11y'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { WISH_CATEGORIES } from '@values/orders'
import { OnBehalfFields } from '../../components/OnBehalfFields'
import { NEW_ON_BEHALF_WISH, NEW_WISH, wishBody, wishProblems, type WishDraft } from '../../wish-form'
import '../../wishes.scss'

/**
 * A resident's wish, sent for review; or, for staff, a wish posted for a resident without an account (代办): the
 * resident's name, phone and consent, in the communities the staff member acts for, published at once.
 */
export default function NewWish() {
  const { t, inLanguage } = useSettings()
  const forResident = currentUser()?.role === 'staff'
  usePageTitle(t(forResident ? 'wishes.onBehalfNew' : 'wishes.new'))
  // Without the communities a wish cannot be placed, so a failed load is the error with a retry, not an empty picker.
  // Fetched the first time only: coming back from the photo picker shows the page again and must keep the form.
  const { data: places, pending } = useScreenData(
    async () =>
      (await call(forResident ? 'GET /api/communities/mine' : 'GET /api/communities', { toast: false })).items,
    '',
    { onShow: 'first' },
  )
  const [draft, setDraft] = useState<WishDraft>(forResident ? NEW_ON_BEHALF_WISH : NEW_WISH)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const set = (change: Partial<WishDraft>) => setDraft((d) => ({ ...d, ...change }))
  const askForNotices = useNoticePrompt(['wish_published', 'wish_claimed', 'wish_fulfilled'])
  if (!places) return pending

  const found = wishProblems(draft)
  const error = (field: keyof typeof found) =>
    tried && found[field] ? (
      <View className="form__error" role="alert">
        {t(found[field])}
      </View>
    ) : null

  const addPhoto = () =>
    pickAndUploadPhotos(3 - draft.photos.length, (photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] })))
  const submit = async () => {
    // A second tap while the wish is being sent would post it twice.
    if (busy) return
    setTried(true)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await askForNotices()
      const { wish } = await call('POST /api/wishes', { body: wishBody(draft) })
      void Taro.showToast({ title: t(forResident ? 'wishes.postedOnBehalf' : 'wishes.submitted'), icon: 'none' })
      // Staff see the wish they posted, on the wall now; a resident their wishes, this one waiting for review.
      const next = forResident ? pageUrl('wishes/detail', { id: wish.id }) : pageUrl('wishes/mine')
      // Still busy until the page is left: the form stays on screen under the toast, and a tap must not post it again.
      setTimeout(() => void Taro.redirectTo({ url: next }), 600)
    } catch {
      // The request client has shown the server's reason (e.g. the content check).
      setBusy(false)
    }
  }

  const resident = draft.onBehalf
  return (
    <Screen className="wish-form">
      {resident ? (
        <OnBehalfFields
          resident={resident}
          onChange={(change) => set({ onBehalf: { ...resident, ...change } })}
          error={error}
        />
      ) : null}
      <View className="card">
        <Text className="form__label">{t('wishes.category')}</Text>
        <View>
          {WISH_CATEGORIES.map((c) => (
            <View
              key={c}
              id={`pick-${c}`}
              className={`chip ${draft.category === c ? 'chip--on' : ''}`}
              {...control('radio', { checked: draft.category === c })}
              onClick={() => set({ category: c })}
            >
              {t(`wish.category.${c}`)}
            </View>
          ))}
        </View>
        <Text className="form__label">{t('wishes.titleField')}</Text>
        <Input
          id="wish-title"
          className="form__input"
          maxlength={WISH_LIMITS.title}
          value={draft.title}
          onInput={(e) => set({ title: e.detail.value })}
        />
        {error('title')}
        <Text className="form__label">{t('wishes.description')}</Text>
        <Textarea
          id="wish-description"
          className="form__textarea"
          maxlength={WISH_LIMITS.description}
          value={draft.description}
          onInput={(e) => set({ description: e.detail.value })}
        />
        <Text className="muted form__count">
          {draft.description.length}/{WISH_LIMITS.description}
        </Text>
        {error('description')}
        <Text className="form__label">{t('wishes.community')}</Text>
        <View>
          {places.map((c) => (
            <View
              key={c.id}
              id={`community-${c.id}`}
              className={`chip ${draft.communityId === c.id ? 'chip--on' : ''}`}
              {...control('radio', { checked: draft.communityId === c.id })}
              onClick={() => set({ communityId: c.id })}
            >
              {inLanguage(c.name, c.nameEn)}
            </View>
          ))}
        </View>
        {error('communityId')}
      </View>
      <View className="card">
        <Text className="form__label">{t(resident ? 'wishes.staffPhone' : 'wishes.phone')}</Text>
        <Input
          id="wish-phone"
          className="form__input"
          type="number"
          maxlength={PHONE_LENGTH}
          value={draft.contactPhone}
          onInput={(e) => set({ contactPhone: e.detail.value })}
        />
        {resident ? null : <Text className="muted form__why">{t('wishes.phoneWhy')}</Text>}
        {error('contactPhone')}
        <Text className="form__label">{t('wishes.preferredTime')}</Text>
        <Input
          className="form__input"
          maxlength={WISH_LIMITS.preferredTime}
          value={draft.preferredTime}
          onInput={(e) => set({ preferredTime: e.detail.value })}
        />
        <View className="form__row">
          <Text>{t('wishes.urgent')}</Text>
          <Switch
            id="wish-urgent"
            checked={draft.urgent}
            color="#B71C1C"
            onChange={(e) => set({ urgent: e.detail.value })}
          />
        </View>
        <Text className="form__label">{t('wishes.photos')}</Text>
        <PhotoStrip
          photos={draft.photos.map((p) => ({ key: p.id, src: p.preview }))}
          max={3}
          onAdd={() => void addPhoto()}
          onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
        />
      </View>
      <Button id="wish-submit" className="btn btn--primary" loading={busy} onClick={() => void submit()}>
        {t(resident ? 'wishes.postOnBehalf' : 'wishes.submit')}
      </Button>
    </Screen>
  )
}
