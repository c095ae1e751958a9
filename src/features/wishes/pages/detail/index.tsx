import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { WishFull, WishResponse, WishStep } from '@contract'
import { useState } from 'react'
import { WISH_STEP_TEXT } from '@values/limits'
import { currentUser } from '../../../../shared/auth'
import { call, type Body, type Route } from '../../../../shared/client'
import type { MessageKey } from '../../../../shared/i18n'
import { pickAndUploadPhotos, type UploadedPhoto } from '../../../../shared/photos'
import { useSettings } from '../../../../shared/settings'
import { ApiPhoto } from '../../../../shared/ui/ApiPhoto'
import { Screen } from '../../../../shared/ui/Screen'
import { PhotoStrip } from '../../../../shared/ui/PhotoStrip'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useSharing } from '../../../../shared/ui/useSharing'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { OnBehalfTag, WishFrom } from '../../components/WishCard'
import '../../components/WishCard.scss'
import '../../wishes.scss'

type Wish = WishResponse['wish']
/** A step on a wish is a route of its own, `POST /api/wishes/{id}/<action>`. */
type ActionOf<R extends Route> = R extends `POST /api/wishes/{id}/${infer Action}` ? Action : never
type WishAction = ActionOf<Route>
type WishStepRoute = `POST /api/wishes/{id}/${WishAction}`
const isFull = (w: Wish): w is Extract<Wish, WishFull> => 'contactPhone' in w

/** What the member adds when marking a wish done: a photo of the help given and the hours it took. */
interface Proof {
  photo: UploadedPhoto | null
  hours: string
}

/** How the page offers a step the server allows: its button, the route it takes and what it sends with it. */
interface StepButton {
  label: MessageKey
  action: WishAction
  body?: (text: string, proof: Proof) => Body<WishStepRoute>
  needsText?: boolean
  primary?: boolean
}

const BUTTONS: Record<WishStep, StepButton> = {
  approve: { label: 'wishes.approve', action: 'review', body: () => ({ decision: 'approve' }), primary: true },
  reject: {
    label: 'wishes.reject',
    action: 'review',
    body: (reason) => ({ decision: 'reject', reason }),
    needsText: true,
  },
  claim: { label: 'wishes.claim', action: 'claim', primary: true },
  fulfil: {
    label: 'wishes.fulfil',
    action: 'fulfil',
    body: (note, proof) => {
      const hours = Number(proof.hours)
      return { note, ...(proof.photo && { photoId: proof.photo.id }), ...(proof.hours && hours > 0 && { hours }) }
    },
    needsText: true,
    primary: true,
  },
  release: { label: 'wishes.release', action: 'release', body: (reason) => ({ reason }), needsText: true },
  confirm: { label: 'wishes.confirm', action: 'confirm', body: (thanks) => (thanks ? { thanks } : {}), primary: true },
  dispute: { label: 'wishes.dispute', action: 'dispute', body: (reason) => ({ reason }), needsText: true },
  withdraw: { label: 'wishes.withdraw', action: 'withdraw' },
  settle: { label: 'wishes.settle', action: 'settle', body: (note) => ({ note }), needsText: true, primary: true },
  reopen: { label: 'wishes.reopen', action: 'reopen', body: (note) => ({ note }), needsText: true },
}

export default function WishDetail() {
  const { t } = useSettings()
  usePageTitle(t('wishes.detailTitle'))
  const id = useRouter().params.id ?? ''
  const {
    data: wish,
    pending,
    reload,
    update,
  } = useScreenData(async () => (await call('GET /api/wishes/{id}', { path: { id }, toast: false })).wish)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [proof, setProof] = useState<Proof>({ photo: null, hours: '' })
  useSharing(() => ({
    title: wish ? `${wish.title} · ${t('wishes.wall')}` : t('wishes.wall'),
    page: 'wishes/detail',
    query: { id },
  }))

  if (!wish) return pending

  const steps = wish.actions.map((step) => ({ id: step, ...BUTTONS[step] }))
  const fulfilling = wish.actions.includes('fulfil')
  // One note box serves every step offered, so it stops at the shortest text among them: any of them may be tapped.
  const noteLength = Math.min(
    ...steps.flatMap(({ id: step }) =>
      step in WISH_STEP_TEXT ? [WISH_STEP_TEXT[step as keyof typeof WISH_STEP_TEXT]] : [],
    ),
  )
  const take = async (step: (typeof steps)[number]) => {
    if (step.needsText && !text.trim()) {
      void Taro.showToast({ title: t('wishes.note'), icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const { wish: changed } = await call(`POST /api/wishes/{id}/${step.action}`, {
        path: { id: wish.id },
        body: step.body?.(text.trim(), proof) ?? {},
      })
      update(() => changed)
      setText('')
      setProof({ photo: null, hours: '' })
    } catch {
      await reload() // someone else may have claimed it first: show what is true now
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className="wish-detail">
      <View className="card">
        {wish.urgent ? <Text className="badge wish-card__urgent">{t('wishes.urgent')}</Text> : null}
        <OnBehalfTag wish={wish} />
        <Text className="wish-detail__title">{wish.title}</Text>
        <Text className="chip">{t(`wish.category.${wish.category}`)}</Text>
        <Text id="wish-status" className="chip chip--on">
          {t(`wish.status.${wish.status}`)}
        </Text>
        <Text className="wish-detail__text">{wish.description}</Text>
        <WishFrom wish={wish} />
        {wish.preferredTime ? <Text className="muted wish-detail__text">{wish.preferredTime}</Text> : null}
        {wish.photos.map((url) => (
          <ApiPhoto key={url} className="wish-detail__photo" url={url} />
        ))}
      </View>

      {isFull(wish) &&
      (wish.contactPhone || wish.claimedBy || wish.fulfilNote || wish.fulfilPhoto || wish.disputeReason) ? (
        <View className="card">
          {wish.onBehalfOf ? (
            <Text id="wish-resident" className="wish-detail__text">
              {t('wishes.onBehalfOf', {
                name: wish.onBehalfOf.name,
                phone: wish.onBehalfOf.phone,
                consent: t(`wishes.consent.${wish.onBehalfOf.consent}`),
              })}
            </Text>
          ) : null}
          {wish.postedBy ? (
            <Text id="wish-posted-by" className="wish-detail__text">
              {t('wishes.postedBy', { name: wish.postedBy.nickname })}
            </Text>
          ) : null}
          {wish.contactPhone ? (
            <View className="form__row" onClick={() => void Taro.makePhoneCall({ phoneNumber: wish.contactPhone! })}>
              <Text>{t('wishes.contact')}</Text>
              <Text id="wish-phone" className="wish-detail__phone">
                {wish.contactPhone}
              </Text>
            </View>
          ) : null}
          {wish.claimedBy ? (
            <Text className="wish-detail__text">{t('wishes.claimedBy', { name: wish.claimedBy.nickname })}</Text>
          ) : null}
          {wish.fulfilNote ? <Text className="wish-detail__text">{wish.fulfilNote}</Text> : null}
          {wish.fulfilPhoto ? (
            <ApiPhoto
              key={wish.fulfilPhoto}
              id="wish-fulfil-photo"
              className="wish-detail__photo"
              url={wish.fulfilPhoto}
            />
          ) : null}
          {wish.disputeReason && wish.status === 'disputed' ? (
            <Text id="wish-dispute-reason" className="wish-detail__text">
              {t('wishes.disputeReason', { reason: wish.disputeReason })}
            </Text>
          ) : null}
          {wish.reviewReason ? <Text className="muted">{wish.reviewReason}</Text> : null}
        </View>
      ) : null}

      {steps.length ? (
        <View className="card wish-detail__actions">
          {steps.some((s) => s.needsText) ? (
            <Textarea
              id="wish-note"
              className="form__textarea"
              maxlength={noteLength}
              placeholder={t('wishes.note')}
              value={text}
              onInput={(e) => setText(e.detail.value)}
            />
          ) : null}
          {fulfilling ? (
            <View>
              <Text className="form__label">{t('wishes.proofPhoto')}</Text>
              <PhotoStrip
                photos={proof.photo ? [{ key: proof.photo.id, src: proof.photo.preview }] : []}
                max={1}
                onAdd={() => void pickAndUploadPhotos(1, (photo) => setProof((p) => ({ ...p, photo })))}
                onRemove={() => setProof((p) => ({ ...p, photo: null }))}
              />
              <Text className="form__label">{t('wishes.hours')}</Text>
              <Input
                id="wish-hours"
                className="form__input"
                type="digit"
                value={proof.hours}
                onInput={(e) => setProof((p) => ({ ...p, hours: e.detail.value }))}
              />
            </View>
          ) : null}
          {steps.map((s) => (
            <Button
              key={s.id}
              id={`wish-${s.id}`}
              className={`btn ${s.primary ? 'btn--primary' : 'btn--ghost'}`}
              loading={busy}
              onClick={() => void take(s)}
            >
              {t(s.label)}
            </Button>
          ))}
        </View>
      ) : currentUser()?.role !== 'member' && wish.status === 'published' ? (
        <Text className="notice">{t('wishes.memberOnly')}</Text>
      ) : null}
    </Screen>
  )
}
