import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import type { WishFull, WishPublic } from '@contract'
import { useState } from 'react'
import { currentUser } from '../../../../shared/auth'
import type { MessageKey } from '../../../../shared/i18n'
import { pickAndUploadPhotos, type UploadedPhoto } from '../../../../shared/photos'
import { ApiError, assetUrl } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { PhotoStrip } from '../../../../shared/ui/PhotoStrip'
import { StateView } from '../../../../shared/ui/StateView'
import { actOnWish, getWish, type WishAction } from '../../api'
import '../../components/WishCard.scss'
import '../../wishes.scss'

type Wish = WishPublic | WishFull
const isFull = (w: Wish): w is WishFull => 'contactPhone' in w

/** A step the caller may take now: the button, and the text the server needs with it, if any. */
interface Step {
  id: string
  label: MessageKey
  action: WishAction
  body?: (text: string) => object
  needsText?: boolean
  primary?: boolean
}

/** What the member adds when marking a wish done: a photo of the help given and the hours it took. */
interface Proof {
  photo: UploadedPhoto | null
  hours: string
}

function stepsFor(wish: Wish, proof: Proof): Step[] {
  const user = currentUser()
  if (!user) return []
  const full = isFull(wish) ? wish : null
  const mine = full?.residentId === user.id
  const claimant = full?.claimedBy?.id === user.id
  const steps: Step[] = []
  if (user.role === 'staff' && wish.status === 'pending_review') {
    steps.push({ id: 'approve', label: 'wishes.approve', action: 'review', body: () => ({ decision: 'approve' }), primary: true })
    steps.push({ id: 'reject', label: 'wishes.reject', action: 'review', body: (reason) => ({ decision: 'reject', reason }), needsText: true })
  }
  if (user.role === 'member' && !mine && wish.status === 'published') steps.push({ id: 'claim', label: 'wishes.claim', action: 'claim', primary: true })
  if (claimant && wish.status === 'claimed') {
    const hours = Number(proof.hours)
    steps.push({
      id: 'fulfil',
      label: 'wishes.fulfil',
      action: 'fulfil',
      body: (note) => ({ note, ...(proof.photo && { photoId: proof.photo.id }), ...(proof.hours && hours > 0 && { hours }) }),
      needsText: true,
      primary: true,
    })
    steps.push({ id: 'release', label: 'wishes.release', action: 'release', body: (reason) => ({ reason }), needsText: true })
  }
  if (mine && wish.status === 'fulfilled') {
    steps.push({ id: 'confirm', label: 'wishes.confirm', action: 'confirm', body: (thanks) => (thanks ? { thanks } : {}), primary: true })
    steps.push({ id: 'dispute', label: 'wishes.dispute', action: 'dispute', body: (reason) => ({ reason }), needsText: true })
  }
  if (user.role === 'staff' && wish.status === 'disputed') {
    steps.push({ id: 'settle', label: 'wishes.settle', action: 'settle', body: (note) => ({ note }), needsText: true, primary: true })
    steps.push({ id: 'reopen', label: 'wishes.reopen', action: 'reopen', body: (note) => ({ note }), needsText: true })
  }
  if (mine && (wish.status === 'pending_review' || wish.status === 'published')) steps.push({ id: 'withdraw', label: 'wishes.withdraw', action: 'withdraw' })
  return steps
}

export default function WishDetail() {
  const { t } = useSettings()
  const [id, setId] = useState('')
  const [wish, setWish] = useState<Wish | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [proof, setProof] = useState<Proof>({ photo: null, hours: '' })

  const load = async (wishId: string) => {
    try {
      setWish((await getWish(wishId)).wish)
      setError(null)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error'))
    }
  }
  useLoad((query: Record<string, string | undefined>) => {
    setId(query.id ?? '')
    void load(query.id ?? '')
  })
  useShareAppMessage(() => ({ title: wish ? `${wish.title} · ${t('wishes.wall')}` : t('wishes.wall'), path: `/features/wishes/pages/detail/index?id=${id}` }))

  if (error) return <Screen><StateView state="error" message={error} onRetry={() => void load(id)} /></Screen>
  if (!wish) return <Screen><StateView state="loading" /></Screen>

  const steps = stepsFor(wish, proof)
  const fulfilling = steps.some((step) => step.id === 'fulfil')
  const take = async (step: Step) => {
    if (step.needsText && !text.trim()) {
      void Taro.showToast({ title: t('wishes.note'), icon: 'none' })
      return
    }
    setBusy(true)
    try {
      setWish((await actOnWish(wish.id, step.action, step.body?.(text.trim()) ?? {})).wish)
      setText('')
      setProof({ photo: null, hours: '' })
    } catch {
      await load(wish.id) // someone else may have claimed it first: show what is true now
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className="wish-detail">
      <View className="card">
        {wish.urgent ? <Text className="badge wish-card__urgent">{t('wishes.urgent')}</Text> : null}
        <Text className="wish-detail__title">{wish.title}</Text>
        <Text className="chip">{t(`wish.category.${wish.category}`)}</Text>
        <Text id="wish-status" className="chip chip--on">{t(`wish.status.${wish.status}`)}</Text>
        <Text className="wish-detail__text">{wish.description}</Text>
        <Text className="muted">{t('wishes.from', { name: wish.residentName, community: wish.communityName })}</Text>
        {wish.preferredTime ? <Text className="muted wish-detail__text">{wish.preferredTime}</Text> : null}
        {wish.photos.map((url) => (
          <Image key={url} className="wish-detail__photo" src={assetUrl(url)} mode="aspectFill" />
        ))}
      </View>

      {isFull(wish) && (wish.contactPhone || wish.claimedBy || wish.fulfilNote || wish.fulfilPhoto || wish.disputeReason) ? (
        <View className="card">
          {wish.contactPhone ? (
            <View className="form__row" onClick={() => void Taro.makePhoneCall({ phoneNumber: wish.contactPhone! })}>
              <Text>{t('wishes.contact')}</Text>
              <Text id="wish-phone" className="wish-detail__phone">{wish.contactPhone}</Text>
            </View>
          ) : null}
          {wish.claimedBy ? <Text className="wish-detail__text">{t('wishes.claimedBy', { name: wish.claimedBy.nickname })}</Text> : null}
          {wish.fulfilNote ? <Text className="wish-detail__text">{wish.fulfilNote}</Text> : null}
          {wish.fulfilPhoto ? <Image id="wish-fulfil-photo" className="wish-detail__photo" src={assetUrl(wish.fulfilPhoto)} mode="aspectFill" /> : null}
          {wish.disputeReason && wish.status === 'disputed' ? (
            <Text id="wish-dispute-reason" className="wish-detail__text">{t('wishes.disputeReason', { reason: wish.disputeReason })}</Text>
          ) : null}
          {wish.reviewReason ? <Text className="muted">{wish.reviewReason}</Text> : null}
        </View>
      ) : null}

      {steps.length ? (
        <View className="card wish-detail__actions">
          {steps.some((s) => s.needsText) ? (
            <Textarea id="wish-note" className="form__textarea" maxlength={300} placeholder={t('wishes.note')} value={text} onInput={(e) => setText(e.detail.value)} />
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
              <Input id="wish-hours" className="form__input" type="digit" value={proof.hours} onInput={(e) => setProof((p) => ({ ...p, hours: e.detail.value }))} />
            </View>
          ) : null}
          {steps.map((s) => (
            <Button key={s.id} id={`wish-${s.id}`} className={`btn ${s.primary ? 'btn--primary' : 'btn--ghost'}`} loading={busy} onClick={() => void take(s)}>
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
