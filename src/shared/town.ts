import type { Town } from '@contract'
import { useEffect, useState } from 'react'
import { callWithOfflineCopy } from './client'
import { KEYS, readStorage } from './storage'

/** Where the offline copy of `GET /api/town` is kept: the client keys a copy by its address. */
const TOWN_PATH = '/api/town'

/** The last town this device was told about: from this run, else the offline copy the request layer keeps. */
let known: Town | null = null
let loading: Promise<Town | null> | null = null
const shown = new Set<(town: Town) => void>()

const offlineCopy = () => readStorage<{ data: Town }>(`${KEYS.cachePrefix}${TOWN_PATH}`)?.data ?? null

/**
 * Fetches the town once per run of the app (shared by every page that asks), kept offline like the station list;
 * `fresh` asks again, as Home does each time it is shown. Every page showing the town gets the answer; a failure
 * leaves the last known town.
 */
export function loadTown(fresh = false): Promise<Town | null> {
  if (!loading || fresh) {
    loading = callWithOfflineCopy('GET /api/town').then(
      ({ data }) => {
        known = data
        shown.forEach((show) => show(data))
        return data
      },
      () => known ?? offlineCopy(),
    )
  }
  return loading
}

/**
 * The town the app serves (name, intro, map centre), from the API: no town is written into the app. Null only on
 * the first start without network, before any answer.
 */
export function useTown(): Town | null {
  const [town, setTown] = useState<Town | null>(() => known ?? offlineCopy())
  useEffect(() => {
    shown.add(setTown)
    void loadTown().then((loaded) => {
      if (loaded) setTown(loaded)
    })
    return () => void shown.delete(setTown)
  }, [])
  return town
}
