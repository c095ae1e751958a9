import type { Db } from '../../db/index.js'
import { findAllStations, type StationRecord } from './queries.js'

export interface StationCatalog {
  all(): Promise<StationRecord[]>
  /** Called after a change on this instance so its next read sees it at once. */
  invalidate(): void
}

/**
 * The station list is read on every tourist's screen and changes a few times a day, so each instance keeps
 * it for `ttlMs`; another instance's change shows up here within that time.
 */
export function createStationCatalog(db: Db, ttlMs: number): StationCatalog {
  let cached: { at: number; records: Promise<StationRecord[]> } | null = null
  return {
    all() {
      const now = performance.now()
      if (!cached || now - cached.at >= ttlMs) {
        const records = findAllStations(db)
        cached = { at: now, records }
        records.catch(() => {
          if (cached?.records === records) cached = null
        })
      }
      return cached.records
    },
    invalidate() {
      cached = null
    },
  }
}
