/**
 * The one rule for a place: a lecture session (seats) or a volunteer activity (volunteers needed) has `capacity`
 * places; a booking or sign-up takes a free one or joins the waitlist with the next ticket. Everything that books,
 * signs up, cancels, resizes or promotes goes through here, under the session's or activity's row lock.
 */
export interface SeatState {
  capacity: number
  confirmedCount: number
  waitlistSeq: number
}

export type SeatDecision = { status: 'confirmed' } | { status: 'waitlisted'; ticket: number }

export function decideSeat(state: SeatState): SeatDecision {
  return state.confirmedCount < state.capacity
    ? { status: 'confirmed' }
    : { status: 'waitlisted', ticket: state.waitlistSeq + 1 }
}

/** How many waitlisted people can move up now (never a free seat while someone waits). */
export function seatsToPromote(state: SeatState, waitlisted: number): number {
  return Math.max(0, Math.min(state.capacity - state.confirmedCount, waitlisted))
}
