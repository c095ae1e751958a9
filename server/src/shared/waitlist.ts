import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ApiError } from './errors.js'
import { decideSeat, seatsToPromote, type SeatDecision, type SeatState } from './seats.js'

type Trx = Transaction<Database>

/** A row whose places are handed out (a lecture session, a volunteer activity), as locked: its counters as numbers. */
export interface PlacesRow {
  id: string
  status: string
  confirmed_count: number
  waitlist_seq: number
}

/**
 * Where one waitlist lives: the parent row holding the places, whose lock every place decision takes, and the people's
 * rows (bookings, sign-ups) with the column naming their parent.
 */
export interface WaitlistTables<Parent extends PlacesRow> {
  parent: 'lecture_sessions' | 'activities'
  places: 'bookings' | 'activity_signups'
  parentColumn: 'session_id' | 'activity_id'
  capacityOf: (parent: Parent) => number
  notFound: () => ApiError
  /** Tells those moved up from the waitlist, in the same transaction (notices are a feature, above shared/). */
  tellPromoted: (trx: Trx, promoted: { id: string; user_id: string }[], parent: Parent, at: string) => Promise<void>
}

/**
 * The waitlist of lecture sessions and volunteer activities alike, each step inside a transaction that holds the
 * parent's lock (`lock`): the places taken and the waitlist counter live on the parent row, the seat rule is
 * shared/seats.ts, and a freed place goes to the oldest ticket.
 */
export function createWaitlist<Parent extends PlacesRow>(tables: WaitlistTables<Parent>) {
  const ofParent = (id: string) => sql<boolean>`${sql.ref(tables.parentColumn)} = ${id}`

  /**
   * Takes the parent row's lock for the rest of the transaction (an UPDATE locks on PostgreSQL; SQLite runs one write
   * transaction at a time), so every place decision for it is made one after another, whichever instance makes it.
   */
  async function lock(trx: Trx, id: string): Promise<Parent> {
    const row = await trx
      .updateTable(tables.parent)
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw tables.notFound()
    const counted = { ...row, confirmed_count: Number(row.confirmed_count), waitlist_seq: Number(row.waitlist_seq) }
    return counted as unknown as Parent
  }

  const state = (row: Parent): SeatState => ({
    capacity: tables.capacityOf(row),
    confirmedCount: row.confirmed_count,
    waitlistSeq: row.waitlist_seq,
  })

  /** A place (or the next ticket) for one more person by the seat rule, counted on `row` until saveCounts writes it. */
  function take(row: Parent): SeatDecision {
    const decision = decideSeat(state(row))
    if (decision.status === 'confirmed') row.confirmed_count += 1
    else row.waitlist_seq = decision.ticket
    return decision
  }

  /** Writes the parent's counters as `row` holds them now. */
  async function saveCounts(trx: Trx, row: Parent): Promise<void> {
    await trx
      .updateTable(tables.parent)
      .set({ confirmed_count: row.confirmed_count, waitlist_seq: row.waitlist_seq })
      .where('id', '=', row.id)
      .execute()
  }

  /** Moves the head of the waitlist into free places, oldest ticket first, and tells each person. */
  async function promote(trx: Trx, row: Parent, at: string): Promise<void> {
    const { n } = await trx
      .selectFrom(tables.places)
      .select((eb) => eb.fn.countAll().as('n'))
      .where(ofParent(row.id))
      .where('status', '=', 'waitlisted')
      .executeTakeFirstOrThrow()
    const count = seatsToPromote(state(row), Number(n))
    if (count === 0) return
    const promoted = await trx
      .selectFrom(tables.places)
      .select(['id', 'user_id'])
      .where(ofParent(row.id))
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_ticket')
      .limit(count)
      .execute()
    await trx
      .updateTable(tables.places)
      .set({ status: 'confirmed', waitlist_ticket: null, updated_at: at })
      .where(
        'id',
        'in',
        promoted.map((p) => p.id),
      )
      .execute()
    row.confirmed_count += promoted.length
    await saveCounts(trx, row)
    await tables.tellPromoted(trx, promoted, row, at)
  }

  /**
   * Gives back the place or ticket a person holds (null when they hold none); `allowed` may still refuse once it is
   * found. A freed place goes to the head of the waitlist while the parent is still scheduled.
   */
  async function giveBack(
    trx: Trx,
    row: Parent,
    userId: string,
    at: string,
    allowed: () => void,
  ): Promise<{ id: string } | null> {
    const held = await trx
      .selectFrom(tables.places)
      .select(['id', 'status'])
      .where(ofParent(row.id))
      .where('user_id', '=', userId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst()
    if (!held) return null
    allowed()
    await trx
      .updateTable(tables.places)
      .set({ status: 'cancelled', waitlist_ticket: null, updated_at: at })
      .where('id', '=', held.id)
      .execute()
    if (held.status === 'confirmed') {
      row.confirmed_count -= 1
      await saveCounts(trx, row)
      if (row.status === 'scheduled') await promote(trx, row, at)
    }
    return { id: held.id }
  }

  /** Who holds a place or a ticket: those told of a change or a cancellation. */
  async function holders(trx: Trx, id: string): Promise<string[]> {
    const rows = await trx
      .selectFrom(tables.places)
      .select('user_id')
      .where(ofParent(id))
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .execute()
    return rows.map((r) => r.user_id)
  }

  return { lock, take, saveCounts, promote, giveBack, holders }
}
