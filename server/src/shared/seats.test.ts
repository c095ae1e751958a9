import { decideSeat, seatsToPromote } from './seats'

describe('the seat rule', () => {
  it('confirms while a seat is free and waitlists with the next ticket once all are taken', () => {
    expect(decideSeat({ capacity: 2, confirmedCount: 1, waitlistSeq: 0 })).toEqual({ status: 'confirmed' })
    expect(decideSeat({ capacity: 2, confirmedCount: 2, waitlistSeq: 0 })).toEqual({ status: 'waitlisted', ticket: 1 })
    expect(decideSeat({ capacity: 2, confirmedCount: 2, waitlistSeq: 7 })).toEqual({ status: 'waitlisted', ticket: 8 })
  })

  it('waitlists when a session was shrunk below the seats already taken', () => {
    expect(decideSeat({ capacity: 3, confirmedCount: 5, waitlistSeq: 2 })).toEqual({ status: 'waitlisted', ticket: 3 })
  })

  it('promotes as many as there are free seats and people waiting, never a negative number', () => {
    expect(seatsToPromote({ capacity: 10, confirmedCount: 7, waitlistSeq: 9 }, 5)).toBe(3)
    expect(seatsToPromote({ capacity: 10, confirmedCount: 7, waitlistSeq: 9 }, 2)).toBe(2)
    expect(seatsToPromote({ capacity: 10, confirmedCount: 10, waitlistSeq: 9 }, 4)).toBe(0)
    expect(seatsToPromote({ capacity: 3, confirmedCount: 5, waitlistSeq: 9 }, 4)).toBe(0)
  })
})
