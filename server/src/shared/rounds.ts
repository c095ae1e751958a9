import type { createKeyedQueue } from './keyed-queue.js'

type InTurn = ReturnType<typeof createKeyedQueue>

/**
 * Requests for one key (a lecture session, an activity) that arrive while its previous round is being written join
 * the next round; `write` takes a whole round at once, in arrival order — one transaction under the key's row lock —
 * and answers each request in it. A rush of a thousand takes a handful of lock turns instead of a thousand, and the
 * answers are what one-by-one would have given. A round that fails fails for everyone in it, and nothing of it is
 * written. `inTurn` is the key's queue, shared with whatever else takes the same lock.
 */
export function createRounds<Item, Answer>(inTurn: InTurn, write: (key: string, items: Item[]) => Promise<Answer[]>) {
  const open = new Map<string, { items: Item[]; done: Promise<Answer[]> }>()
  return function joinRound(key: string, item: Item): Promise<Answer> {
    const waiting = open.get(key)
    if (waiting) {
      const index = waiting.items.push(item) - 1
      return waiting.done.then((answers) => answers[index]!)
    }
    const round = { items: [item], done: Promise.resolve<Answer[]>([]) }
    round.done = inTurn(key, () => {
      open.delete(key) // later arrivals start the next round
      return write(key, round.items)
    })
    open.set(key, round)
    return round.done.then((answers) => answers[0]!)
  }
}
