import type { Insertable, Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { ActivitiesTable, ActivitySignupsTable, Database } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { createKeyedQueue } from '../../shared/keyed-queue.js'
import { notFound } from '../../shared/not-found.js'
import { createRounds } from '../../shared/rounds.js'
import { createWaitlist } from '../../shared/waitlist.js'
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

/** Sign-ups of volunteer activities: the places and the waitlist on the activity row, under its lock. */
const waitlist = createWaitlist<ActivityRow>({
  parent: 'activities',
  places: 'activity_signups',
  parentColumn: 'activity_id',
  capacityOf: (activity) => Number(activity.volunteers_needed),
  notFound: notFound.activity,
  tellPromoted: (trx, promoted, activity, at) =>
    enqueueNotices(
      trx,
      promoted.map((p) => ({
        userId: p.user_id,
        kind: 'activity_promoted',
        dedupeKey: `activity_promoted:${p.id}:${at}`,
        payload: { activityId: activity.id, startsAt: activity.starts_at },
      })),
      at,
    ),
})

/**
 * Takes the activity row's lock for the rest of the transaction, as the lecture booking takes its session's: every
 * place decision for one activity is made one after another, whichever instance makes it.
 */
const lockActivity = waitlist.lock
/** Moves the head of the waitlist into free places, oldest ticket first, and tells each person. */
export const promoteWaitlisted = waitlist.promote
/** Who is signed up (confirmed or waiting): those told of a change or a cancellation. */
export const signedUpPeople = waitlist.holders

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
      const written: Insertable<ActivitySignupsTable>[] = []
      const answers = users.map((user): Answer => {
        const mine = held.get(user.id)
        if (mine && mine.status !== 'cancelled') return { id: mine.id, created: false }
        const decision = waitlist.take(activity)
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
      await waitlist.saveCounts(trx, activity)
      return answers
    })
  const joinRound = createRounds(inTurn, signUpRound)

  /** Signs up in the activity's next round; `created` false when the person was signed up already. */
  const signUp = (user: User, activityId: string): Promise<Answer> => joinRound(activityId, user)

  /** Gives the place (or waitlist ticket) back until the start; a freed place goes to the head of the waitlist. */
  async function withdraw(user: User, activityId: string): Promise<string> {
    return underActivityLock(activityId, async (trx, activity) => {
      const now = clock()
      const given = await waitlist.giveBack(trx, activity, user.id, now.toISOString(), () => assertOpen(activity, now))
      if (!given) throw notFound.signup()
      return given.id
    })
  }

  return { signUp, withdraw, underActivityLock }
}
