import { createHash } from 'node:crypto'
import type { Db } from '../../db/index.js'
import { listEncoderFor } from './browse.js'
import { findAllStations, type StationRecord } from './queries.js'
import type { StationListResponse } from './schemas.js'

export interface CatalogSnapshot {
  records: StationRecord[]
  /** Changes exactly when the stations' data does: the base of their ETags. */
  version: string
  /** Writes a list page of these records as JSON (see listEncoderFor). */
  encodeList: (page: StationListResponse) => string
}

export interface StationCatalog {
  all(): Promise<CatalogSnapshot>
  /** Called after a change on this instance so its next read sees it at once. */
  invalidate(): void
}

/**
 * The one cache of the station read path. Stations are read on every tourist's screen and change a few times a day,
 * so each instance keeps them decoded in memory for `ttlMs` (another instance's change shows up within that time, a
 * change on this instance at once). What depends on the visitor (distance, open now, the page) is computed per request
 * from this copy; its version names the data in the ETags, and it keeps each station's fixed list JSON.
 */
export function createStationCatalog(db: Db, ttlMs: number): StationCatalog {
  let cached: { at: number; snapshot: Promise<CatalogSnapshot> } | null = null
  let latest: CatalogSnapshot | null = null
  const load = async (): Promise<CatalogSnapshot> => {
    const records = await findAllStations(db)
    const version = createHash('sha1').update(JSON.stringify(records)).digest('base64url').slice(0, 16)
    // Unchanged since the last load (the usual case): keep that snapshot and the list JSON already written for it.
    if (latest?.version !== version) latest = { records, version, encodeList: listEncoderFor(records) }
    return latest
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
