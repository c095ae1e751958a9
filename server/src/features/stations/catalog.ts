import { createHash } from 'node:crypto'
import type { Db } from '../../db/index.js'
import { findAllStations, type StationRecord } from './queries.js'

export interface CatalogSnapshot {
  records: StationRecord[]
  /** Changes exactly when the stations' data does: the base of their ETags. */
  version: string
}

export interface StationCatalog {
  all(): Promise<CatalogSnapshot>
  /** Called after a change on this instance so its next read sees it at once. */
  invalidate(): void
}

/**
 * The station list is read on every tourist's screen and changes a few times a day, so each instance keeps
 * it for `ttlMs`; another instance's change shows up here within that time.
 */
export function createStationCatalog(db: Db, ttlMs: number): StationCatalog {
  let cached: { at: number; snapshot: Promise<CatalogSnapshot> } | null = null
  const load = async (): Promise<CatalogSnapshot> => {
    const records = await findAllStations(db)
    return { records, version: createHash('sha1').update(JSON.stringify(records)).digest('base64url').slice(0, 16) }
  }
  return {
    all() {
      const now = performance.now()
      if (!cached || now - cached.at >= ttlMs) {
        const snapshot = load()
        cached = { at: now, snapshot }
        snapshot.catch(() => {
          if (cached?.snapshot === snapshot) cached = null
        })
      }
      return cached.snapshot
    },
    invalidate() {
      cached = null
    },
  }
}
