import type { Db } from '../../db/index.js'

/**
 * The one rule for confirmed service hours, shared by a member's record and the weekly figures: an activity's hours
 * count once the sign-up is confirmed and has hours (checked in and out, or set by staff); a wish's once it is
 * confirmed fulfilled (by the resident, or settled by staff — a disputed one is not confirmed).
 */
export const activityHours = (db: Db) =>
  db
    .selectFrom('activity_signups as s')
    .innerJoin('activities as a', 'a.id', 's.activity_id')
    .where('s.status', '=', 'confirmed')
    .where('s.hours', 'is not', null)

export const wishHours = (db: Db) => db.selectFrom('wishes').where('wishes.status', '=', 'confirmed')
