import type { Migration } from 'kysely'
import { foundation } from './0001_foundation.js'
import { stationOperations } from './0002_station_operations.js'
import { lectures } from './0003_lectures.js'
import { wishes } from './0004_wishes.js'
import { noticeConsents } from './0005_notice_consents.js'
import { communityPlaces } from './0006_community_places.js'
import { communityScope } from './0007_community_scope.js'
import { cleanPhotos } from './0008_clean_photos.js'
import { inbox } from './0009_inbox.js'
import { communityNamesEn } from './0010_community_names_en.js'
import { deskAndTown } from './0011_desk_and_town.js'
import { photoUses } from './0012_photo_uses.js'
import { wishTargets } from './0013_wish_targets.js'
import { stationAccess } from './0014_station_access.js'
import { volunteerActivities } from './0015_volunteer_activities.js'
import { demoPlacesBackfill } from './0016_demo_places_backfill.js'
import { wishesOnBehalf } from './0017_wishes_on_behalf.js'
import { memberRoster } from './0018_member_roster.js'
import { demoWishTimes } from './0019_demo_wish_times.js'

/**
 * Ordered by name and numbered without a gap (`migrations.test.ts` checks both): a new migration takes the next number
 * when it lands. The same list runs on SQLite and PostgreSQL. A migration renumbered after it ran somewhere is listed
 * in `renumbered.ts`, so databases that recorded its old name keep working.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_station_operations': stationOperations,
  '0003_lectures': lectures,
  '0004_wishes': wishes,
  '0005_notice_consents': noticeConsents,
  '0006_community_places': communityPlaces,
  '0007_community_scope': communityScope,
  '0008_clean_photos': cleanPhotos,
  '0009_inbox': inbox,
  '0010_community_names_en': communityNamesEn,
  '0011_desk_and_town': deskAndTown,
  '0012_photo_uses': photoUses,
  '0013_wish_targets': wishTargets,
  '0014_station_access': stationAccess,
  '0015_volunteer_activities': volunteerActivities,
  '0016_demo_places_backfill': demoPlacesBackfill,
  '0017_wishes_on_behalf': wishesOnBehalf,
  '0018_member_roster': memberRoster,
  '0019_demo_wish_times': demoWishTimes,
}
