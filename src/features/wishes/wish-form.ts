import type { Body } from '../../shared/client'
import type { MessageKey } from '../../shared/i18n'
import type { UploadedPhoto } from '../../shared/photos'

type WishCreate = Body<'POST /api/wishes'>

type Consent = NonNullable<WishCreate['consent']>
/** The ways a resident may agree to staff posting for them, in the order the form offers them. */
export const CONSENTS: Consent[] = ['in_person', 'phone', 'family']

/** 代办: the resident staff post for, and how they agreed (none chosen yet: ''). */
export interface OnBehalfDraft {
  name: string
  phone: string
  consent: Consent | ''
}

/** A wish as its form edits it: blank optional fields are empty text until the body is built. */
export type WishDraft = Required<Pick<WishCreate, 'category' | 'title' | 'description' | 'communityId'>> & {
  contactPhone: string
  urgent: boolean
  preferredTime: string
  photos: UploadedPhoto[]
  /** Filled in by staff posting for a resident without an account; null for a resident's own wish. */
  onBehalf: OnBehalfDraft | null
}

export const NEW_WISH: WishDraft = {
  category: 'life_help',
  title: '',
  description: '',
  communityId: '',
  contactPhone: '',
  urgent: false,
  preferredTime: '',
  photos: [],
  onBehalf: null,
}

/** The form staff start from: the same wish, with the resident's name, phone and consent to fill in. */
export const NEW_ON_BEHALF_WISH: WishDraft = { ...NEW_WISH, onBehalf: { name: '', phone: '', consent: '' } }

export type WishField =
  'title' | 'description' | 'communityId' | 'contactPhone' | 'residentName' | 'residentPhone' | 'consent'

const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/

/** The same limits the server enforces, checked here first so a person sees what to fix before sending. */
export function wishProblems(d: WishDraft): Partial<Record<WishField, MessageKey>> {
  const resident = d.onBehalf
  return {
    ...(d.title.trim().length < 2 && { title: 'wishes.needTitle' as const }),
    ...(!d.description.trim() && { description: 'wishes.needDescription' as const }),
    ...(!d.communityId && { communityId: 'wishes.needCommunity' as const }),
    ...(d.contactPhone && !PHONE.test(d.contactPhone) && { contactPhone: 'wishes.badPhone' as const }),
    ...(resident && !d.contactPhone && { contactPhone: 'wishes.needStaffPhone' as const }),
    ...(resident && !resident.name.trim() && { residentName: 'wishes.needResidentName' as const }),
    ...(resident && !PHONE.test(resident.phone) && { residentPhone: 'wishes.badPhone' as const }),
    ...(resident && !resident.consent && { consent: 'wishes.needConsent' as const }),
  }
}

/** What is posted: text trimmed, blank optional fields left out, photos by their upload ids. */
export const wishBody = (d: WishDraft): WishCreate => ({
  category: d.category,
  title: d.title.trim(),
  description: d.description.trim(),
  communityId: d.communityId,
  contactPhone: d.contactPhone || undefined,
  urgent: d.urgent,
  preferredTime: d.preferredTime || undefined,
  photoIds: d.photos.map((p) => p.id),
  ...(d.onBehalf?.consent && {
    onBehalfOf: { name: d.onBehalf.name.trim(), phone: d.onBehalf.phone },
    consent: d.onBehalf.consent,
  }),
})
