import type { Insertable, Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { ActivitiesTable, ActivitySignupsTable, Database } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { createKeyedQueue } from '../../shared/keyed-queue.js'
import { notFound } from '../../shared/not-found.js'
import { createRounds } from '../../shared/rounds.js'
import { decideSeat, seatsToPromote, type SeatState } from '../../shared/seats.js'
import type { User } from '../auth/schemas.js'
import { enqueueNotices } from '../notices/notices.js'

export type Trx = Transaction<Database>
export type ActivityRow = Omit<ActivitiesTable, 'confirmed_count' | 'waitlist_seq'> & {
  confirmed_count: number
  waitlist_seq: number
}

export const activityCancelled = () =>
  errors.conflict('ACTIVITY_CANCELLED', '该活动已取消', 'This activity has been cancelled')
const signupClosed = () =>
  errors.conflict(
    'SIGNUP_CLOSED',
    '活动已开始，报名和取消报名均已截止',
    'The activity has started; signing up and cancelling are closed',
  )

/**
 * Takes the activity row's lock for the rest of the transaction, as the lecture booking takes its session's (an UPDATE
 * locks on PostgreSQL; SQLite runs one write transaction at a time): every place decision for one activity is made
 * one after another, whichever instance makes it.
 */
async function lockActivity(trx: Trx, activityId: string): Promise<ActivityRow> {
  const row = await trx
    .updateTable('activities')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', activityId)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw notFound.activity()
  return { ...row, confirmed_count: Number(row.confirmed_count), waitlist_seq: Number(row.waitlist_seq) }
}

const placeState = (a: ActivityRow): SeatState => ({
  capacity: Number(a.volunteers_needed),
  confirmedCount: a.confirmed_count,
  waitlistSeq: a.waitlist_seq,
})

/** Moves the head of the waitlist into free places, oldest ticket first, and tells each person. */
export async function promoteWaitlisted(trx: Trx, activity: ActivityRow, at: string): Promise<void> {
  const { n } = await trx
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow()
  const count = seatsToPromote(placeState(activity), Number(n))
  if (count === 0) return
  const promoted = await trx
    .selectFrom('activity_signups')
    .select(['id', 'user_id'])
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_ticket')
    .limit(count)
    .execute()
  await trx
    .updateTable('activity_signups')
    .set({ status: 'confirmed', waitlist_ticket: null, updated_at: at })
    .where(
      'id',
      'in',
      promoted.map((p) => p.id),
    )
    .execute()
  activity.confirmed_count += promoted.length
  await trx
    .updateTable('activities')
    .set({ confirmed_count: activity.confirmed_count })
    .where('id', '=', activity.id)
    .execute()
  await enqueueNotices(
    trx,
    promoted.map((p) => ({
      userId: p.user_id,
      kind: 'activity_promoted',
      dedupeKey: `activity_promoted:${p.id}:${at}`,
      payload: { activityId: activity.id, startsAt: activity.starts_at },
    })),
    at,
  )
}

/** Who is signed up (confirmed or waiting): those told of a change or a cancellation. */
export async function signedUpPeople(trx: Trx, activityId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('activity_signups')
    .select('user_id')
    .where('activity_id', '=', activityId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute()
  return rows.map((r) => r.user_id)
}

export function createSignupDesk(db: Db, clock: () => Date) {
  const inTurn = createKeyedQueue()
  /**
   * A transaction holding the activity's lock; within this process they also wait their turn here, so a rush does not
   * hold every pooled connection waiting for the same row.
   */
  const underActivityLock = <T>(activityId: string, work: (trx: Trx, activity: ActivityRow) => Promise<T>) =>
    inTurn(activityId, () => db.transaction().execute(async (trx) => work(trx, await lockActivity(trx, activityId))))

  const assertOpen = (activity: ActivityRow, now: Date) => {
    if (activity.status === 'cancelled') throw activityCancelled()
    if (now.getTime() >= Date.parse(activity.starts_at)) throw signupClosed()
  }

  type Answer = { id: string; created: boolean }
  /**
   * One round of sign-ups: a place while one is free, else a waitlist ticket, by the one seat rule, in arrival order.
   * The same person again (a double tap) gets the same sign-up back; one cancelled earlier is taken up again under its
   * own id.
   */
  const signUpRound = (activityId: string, users: User[]) =>
    db.transaction().execute(async (trx): Promise<Answer[]> => {
      const activity = await lockActivity(trx, activityId)
      const now = clock()
      assertOpen(activity, now)
      const at = now.toISOString()
      const held = new Map(
        (
          await trx
            .selectFrom('activity_signups')
            .select(['id', 'user_id', 'status', 'created_at'])
            .where('activity_id', '=', activityId)
            .where('user_id', 'in', [...new Set(users.map((u) => u.id))])
            .execute()
        ).map((row) => [row.user_id, row]),
      )
      let places = placeState(activity)
      const written: Insertable<ActivitySignupsTable>[] = []
      const answers = users.map((user): Answer => {
        const mine = held.get(user.id)
        if (mine && mine.status !== 'cancelled') return { id: mine.id, created: false }
        const decision = decideSeat(places)
        places =
          decision.status === 'confirmed'
            ? { ...places, confirmedCount: places.confirmedCount + 1 }
            : { ...places, waitlistSeq: decision.ticket }
        const row = {
          id: mine?.id ?? newId('su'),
          activity_id: activityId,
          user_id: user.id,
          status: decision.status,
          waitlist_ticket: decision.status === 'waitlisted' ? decision.ticket : null,
          checked_in_at: null,
          checked_out_at: null,
          checkin_verified: 0 as const,
          hours: null,
          hours_reason: null,
          hours_set_by: null,
          created_at: mine?.created_at ?? at,
          updated_at: at,
        }
        written.push(row)
        held.set(user.id, row)
        return { id: row.id, created: true }
      })
      if (written.length === 0) return answers
      await trx
        .insertInto('activity_signups')
        .values(written)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            waitlist_ticket: eb.ref('excluded.waitlist_ticket'),
            checked_in_at: null,
            checked_out_at: null,
            checkin_verified: 0,
            hours: null,
            hours_reason: null,
            hours_set_by: null,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute()
      await trx
        .updateTable('activities')
        .set({ confirmed_count: places.confirmedCount, waitlist_seq: places.waitlistSeq })
        .where('id', '=', activityId)
        .execute()
      return answers
    })
  const joinRound = createRounds(inTurn, signUpRound)

  /** Signs up in the activity's next round; `created` false when the person was signed up already. */
  const signUp = (user: User, activityId: string): Promise<Answer> => joinRound(activityId, user)

  /** Gives the place (or waitlist ticket) back until the start; a freed place goes to the head of the waitlist. */
  async function withdraw(user: User, activityId: string): Promise<string> {
    return underActivityLock(activityId, async (trx, activity) => {
      const signup = await trx
        .selectFrom('activity_signups')
        .select(['id', 'status'])
        .where('activity_id', '=', activityId)
        .where('user_id', '=', user.id)
        .where('status', '!=', 'cancelled')
        .executeTakeFirst()
      if (!signup) throw notFound.signup()
      const now = clock()
      assertOpen(activity, now)
      const at = now.toISOString()
      await trx
        .updateTable('activity_signups')
        .set({ status: 'cancelled', waitlist_ticket: null, updated_at: at })
        .where('id', '=', signup.id)
        .execute()
      if (signup.status === 'confirmed') {
        activity.confirmed_count -= 1
        await trx
          .updateTable('activities')
          .set({ confirmed_count: activity.confirmed_count })
          .where('id', '=', activityId)
          .execute()
        await promoteWaitlisted(trx, activity, at)
      }
      return signup.id
    })
  }

  return { signUp, withdraw, underActivityLock }
}
