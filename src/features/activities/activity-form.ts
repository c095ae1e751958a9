import type { Activity, ActivityKind, Town } from '@contract'
import type { Body } from '../../shared/client'
import { shanghaiDateTime, shanghaiInstant } from '../../shared/time'

type ActivityCreate = Body<'POST /api/activities'>
type ActivityPatch = Body<'PATCH /api/activities/{id}'>

/** The editor's fields as staff type them: the old town's wall-clock day and times; numbers stay text until sent. */
export interface ActivityDraft {
  title: string
  kind: ActivityKind
  description: string
  communityId: string
  address: string
  lat: string
  lng: string
  date: string
  start: string
  end: string
  volunteersNeeded: string
}

/** A new activity: tomorrow morning at the town's centre, for the first community the staff member acts for. */
export const newDraft = (communityId: string, town: Town | null): ActivityDraft => ({
  title: '',
  kind: 'cleanup',
  description: '',
  communityId,
  address: '',
  lat: String(town?.center.lat ?? ''),
  lng: String(town?.center.lng ?? ''),
  date: shanghaiDateTime(new Date(Date.now() + 86_400_000).toISOString()).date,
  start: '09:00',
  end: '11:00',
  volunteersNeeded: '10',
})

export const draftOf = (a: Activity): ActivityDraft => ({
  title: a.title,
  kind: a.kind,
  description: a.description,
  communityId: a.communityId,
  address: a.address,
  lat: String(a.lat),
  lng: String(a.lng),
  date: shanghaiDateTime(a.startsAt).date,
  start: shanghaiDateTime(a.startsAt).time,
  end: shanghaiDateTime(a.endsAt).time,
  volunteersNeeded: String(a.volunteersNeeded),
})

/** The body the API checks: it, not the form, says what is wrong (its message names the field). */
export const activityBody = (d: ActivityDraft): ActivityCreate => ({
  title: d.title.trim(),
  kind: d.kind,
  description: d.description.trim(),
  communityId: d.communityId,
  address: d.address.trim(),
  lat: Number(d.lat),
  lng: Number(d.lng),
  startsAt: shanghaiInstant(d.date, d.start),
  endsAt: shanghaiInstant(d.date, d.end),
  volunteersNeeded: Number(d.volunteersNeeded),
})

/** Only what staff changed goes to the API: a change of time or place is announced to those signed up. */
export function changedFields(before: ActivityDraft, after: ActivityDraft): ActivityPatch {
  const { communityId: _was, ...was } = activityBody(before)
  const { communityId: _now, ...now } = activityBody(after)
  return Object.fromEntries(Object.entries(now).filter(([key, value]) => was[key as keyof typeof was] !== value))
}
