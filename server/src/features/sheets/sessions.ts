import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { SheetRowError } from '../../shared/errors.js'
import { SHANGHAI_OFFSET_MS } from '../../shared/values/shanghai-clock.js'
import { changeSession, insertSession } from '../sessions/edits.js'
import { sessionTimeIssues } from '../sessions/schedule.js'
import { sessionCreateSchema } from '../sessions/schemas.js'
import { lockSession } from '../sessions/seat-changes.js'
import type { SheetColumn } from './files.js'
import type { SheetKindSpec } from './kinds.js'
import { planRows, type RowReading } from './plan.js'
import { rowError, type RowText } from './rows.js'

type SessionFields = z.output<typeof sessionCreateSchema>

/** A session as the sheet sees it; its community is its guesthouse's. */
interface SessionRecord {
  id: string
  communityId: string | null
  guesthouseId: string
  topicId: string
  startsAt: string
  endsAt: string
  capacity: number
  speaker: string | null
  status: 'scheduled' | 'cancelled'
  confirmedCount: number
}

const TIME_FORM = 'YYYY-MM-DD HH:mm'
const sessionColumns: SheetColumn[] = [
  { key: 'id', zh: '编号；新增的场次留空', en: 'Id; leave blank for a new session' },
  {
    key: 'guesthouseId',
    zh: '举办的客栈编号，如 gh_jiadi（见客栈表）',
    en: 'The hosting guesthouse, e.g. gh_jiadi (see the guesthouses sheet)',
  },
  {
    key: 'topicId',
    zh: '讲座菜单中的主题编号，如 tp_tea；已有场次不能改主题',
    en: 'The menu topic, e.g. tp_tea; a scheduled session keeps its topic',
  },
  {
    key: 'startsAt',
    zh: `开始时间，北京时间 ${TIME_FORM}，如 2026-12-05 19:30`,
    en: `Start, Beijing time ${TIME_FORM}, e.g. 2026-12-05 19:30`,
  },
  {
    key: 'endsAt',
    zh: `结束时间，北京时间 ${TIME_FORM}（最长 8 小时）`,
    en: `End, Beijing time ${TIME_FORM} (at most 8 hours)`,
  },
  {
    key: 'capacity',
    zh: '座位数（1–500；不能少于已确认人数）',
    en: 'Seats (1–500; not fewer than already confirmed)',
    numeric: true,
  },
  { key: 'speaker', zh: '主讲人（最多 40 字），可留空', en: 'Speaker (at most 40 characters); may be blank' },
  {
    key: 'status',
    zh: '导出时的状态：scheduled 已排期、cancelled 已取消；导入时不读取（取消请在运营台操作）',
    en: 'Status when exported: scheduled or cancelled; not read on import (cancel at the desk)',
    optional: true,
  },
]

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/

/** A moment as the sheet writes it: the Shanghai wall clock, `2026-12-05 19:30`. */
export const shanghaiMinute = (iso: string) =>
  new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')

/** `2026-12-05 19:30` (Shanghai) as an ISO moment; other text goes to the schema as it is, to be refused or taken. */
function momentOf(text: string): string {
  const local = LOCAL.exec(text)
  if (!local) return text
  const [, year, month, day, hour, minute] = local.map(Number)
  const at = new Date(Date.UTC(year!, month! - 1, day, hour, minute) - SHANGHAI_OFFSET_MS).toISOString()
  return shanghaiMinute(at) === text.replace('T', ' ') ? at : text
}

const sessionRow = (session: SessionRecord): (string | number)[] => [
  session.id,
  session.guesthouseId,
  session.topicId,
  shanghaiMinute(session.startsAt),
  shanghaiMinute(session.endsAt),
  session.capacity,
  session.speaker ?? '',
  session.status,
]

async function findSessionRecords(db: Db): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('lecture_sessions as s')
    .innerJoin('guesthouses as g', 'g.id', 's.guesthouse_id')
    .select([
      's.id',
      'g.community_id',
      's.guesthouse_id',
      's.topic_id',
      's.starts_at',
      's.ends_at',
      's.capacity',
      's.speaker',
      's.status',
      's.confirmed_count',
    ])
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    guesthouseId: r.guesthouse_id,
    topicId: r.topic_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: Number(r.capacity),
    speaker: r.speaker,
    status: r.status,
    confirmedCount: Number(r.confirmed_count),
  }))
}

/** What a row changes of a session, as the session's PATCH would send it: only the fields that differ. */
function patchOf(fields: SessionFields, current: SessionRecord) {
  const moved = (sent: string, stored: string) => Date.parse(sent) !== Date.parse(stored)
  return {
    ...(fields.guesthouseId !== current.guesthouseId && { guesthouseId: fields.guesthouseId }),
    ...(moved(fields.startsAt, current.startsAt) && { startsAt: fields.startsAt }),
    ...(moved(fields.endsAt, current.endsAt) && { endsAt: fields.endsAt }),
    ...(fields.capacity !== current.capacity && { capacity: fields.capacity }),
    ...((fields.speaker ?? null) !== current.speaker && { speaker: fields.speaker ?? null }),
  }
}

function readingOf(
  guesthouses: Map<string, string | null>,
  topics: Set<string>,
  now: Date,
): RowReading<SessionRecord, SessionFields> {
  return {
    columns: sessionColumns,
    noSuchId: { zh: '场次', en: 'session' },
    schema: sessionCreateSchema,
    input: (text: RowText) => ({
      guesthouseId: text.guesthouseId,
      topicId: text.topicId,
      startsAt: momentOf(text.startsAt!),
      endsAt: momentOf(text.endsAt!),
      capacity: text.capacity === '' ? undefined : Number(text.capacity),
      speaker: text.speaker || null,
    }),
    columnOf: (path) => String(path[0] ?? 'id'),
    exportRow: sessionRow,
    communityOf: (fields) => guesthouses.get(fields.guesthouseId),
    refusals(row, fields, current) {
      const errors: SheetRowError[] = []
      if (!guesthouses.has(fields.guesthouseId))
        errors.push(rowError(row, 'guesthouseId', 'NOT_FOUND', '没有这个编号的客栈', 'No guesthouse has this id'))
      if (!topics.has(fields.topicId))
        errors.push(rowError(row, 'topicId', 'NOT_FOUND', '讲座菜单中没有这个主题', 'No menu topic has this id'))
      if (!current) {
        const issues = sessionTimeIssues(fields, fields.startsAt, fields.endsAt, now)
        return [...errors, ...issues.map((i) => rowError(row, i.field, 'INVALID', i.message, i.messageEn))]
      }
      if (current.status === 'cancelled')
        return [
          rowError(
            row,
            'status',
            'CONFLICT',
            '该场次已取消，不能再修改',
            'This session was cancelled; it cannot change',
          ),
        ]
      if (fields.topicId !== current.topicId)
        errors.push(
          rowError(row, 'topicId', 'INVALID', '已排期的场次不能改主题', 'A scheduled session keeps its topic'),
        )
      if (fields.capacity < current.confirmedCount)
        errors.push(
          rowError(
            row,
            'capacity',
            'CAPACITY_BELOW_CONFIRMED',
            `已有 ${current.confirmedCount} 人确认，座位数不能少于此数`,
            `${current.confirmedCount} seats are already confirmed; capacity cannot go below that`,
          ),
        )
      const issues = sessionTimeIssues(patchOf(fields, current), fields.startsAt, fields.endsAt, now)
      return [...errors, ...issues.map((i) => rowError(row, i.field, 'INVALID', i.message, i.messageEn))]
    },
  }
}

/**
 * The lecture schedule. A new row schedules a session (its topic's orderers are told), a changed one reschedules it
 * (everyone booked is told, freed seats go to the waitlist), each exactly as the session form and its PATCH do.
 */
export const sessionSheet: SheetKindSpec = {
  title: '场次 sessions',
  columns: sessionColumns,
  exportRows: async (db, communities) =>
    (await findSessionRecords(db))
      .filter((s) => communities === null || (s.communityId !== null && communities.includes(s.communityId)))
      .map(sessionRow),
  plan: async (db, scope, rows, now) => {
    const [sessions, guesthouses, topics] = await Promise.all([
      findSessionRecords(db),
      db.selectFrom('guesthouses').select(['id', 'community_id']).execute(),
      db.selectFrom('lecture_topics').select('id').execute(),
    ])
    const existing = new Map(sessions.map((s) => [s.id, s]))
    const reading = readingOf(
      new Map(guesthouses.map((g) => [g.id, g.community_id])),
      new Set(topics.map((t) => t.id)),
      now,
    )
    const { changes, ...plan } = planRows(reading, existing, scope, rows)
    return {
      ...plan,
      async write(trx, actor, at) {
        for (const { id, fields } of changes) {
          if (id === null) await insertSession(trx, actor, fields, new Date(at))
          else
            await changeSession(
              trx,
              actor,
              await lockSession(trx, id),
              patchOf(fields, existing.get(id)!),
              new Date(at),
            )
        }
      },
    }
  },
}
