import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { MessageKey } from '../../../shared/i18n'
import { useSettings } from '../../../shared/settings'
import { CHART_WEEKS, type ChartData } from '../api'
import { ChartCanvas } from './ChartCanvas'
import type { ChartSpec } from './chart'
import './FiguresCharts.scss'

const RED = '#B71C1C'
const GOLD = '#C79A3A'
const GREEN = '#1B7F4B'
const BLUE = '#2F5D8A'

/** `2026-03-02` → `3/2`: short enough for twelve weeks along a phone's width. */
const shortDate = (weekStart: string) => `${Number(weekStart.slice(5, 7))}/${Number(weekStart.slice(8, 10))}`

/**
 * The figures' four charts (week by week, volunteering week by week, wishes by category, by community), each with a sentence that says what
 * it shows (read out by screen readers, the canvas's label) and a table to read the same numbers instead.
 */
export function FiguresCharts({ data, idPrefix }: { data: ChartData; idPrefix: string }) {
  const { t, inLanguage, largeFont } = useSettings()
  const fontSize = largeFont ? 15 : 11
  const charts = useMemo(() => {
    const weeks = data.trends.items
    const solved = weeks.map((w) => w.wishesSolved)
    const held = weeks.map((w) => w.lecturesHeld)
    const busiest = weeks.reduce((best, w) => (w.wishesSolved > best.wishesSolved ? w : best), weeks[0]!)
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    const activities = weeks.map((w) => w.activitiesHeld)
    const hours = weeks.map((w) => w.volunteerHours)
    const mostHours = weeks.reduce((best, w) => (w.volunteerHours > best.volunteerHours ? w : best), weeks[0]!)
    /** Two figures side by side for each of the weeks. */
    const byWeek = (series: ChartSpec['series']): ChartSpec => ({
      kind: 'columns',
      categories: weeks.map((w) => shortDate(w.weekStart)),
      series,
      fontSize,
    })
    const weekly = byWeek([
      { label: t('figures.series.wishesSolved'), color: RED, values: solved },
      { label: t('figures.series.lecturesHeld'), color: GOLD, values: held },
    ])
    const volunteering = byWeek([
      { label: t('figures.series.activitiesHeld'), color: GREEN, values: activities },
      { label: t('figures.series.volunteerHours'), color: BLUE, values: hours },
    ])
    const breakdown = (rows: { label: string; total: number; solved: number }[]) => {
      const spec: ChartSpec = {
        kind: 'bars',
        categories: rows.map((r) => r.label),
        series: [
          { label: t('figures.series.total'), color: RED, values: rows.map((r) => r.total) },
          { label: t('figures.series.solved'), color: GREEN, values: rows.map((r) => r.solved) },
        ],
        fontSize,
      }
      const top = rows.reduce(
        (best, r) => (r.total > best.total ? r : best),
        rows[0] ?? { label: '', total: 0, solved: 0 },
      )
      const summary =
        top.total === 0
          ? t('figures.summary.none')
          : t('figures.summary.breakdown', {
              total: sum(rows.map((r) => r.total)),
              solved: sum(rows.map((r) => r.solved)),
              top: top.label,
              topTotal: top.total,
              topSolved: top.solved,
            })
      return { spec, summary }
    }
    return [
      {
        key: 'weekly',
        title: t('figures.chart.weekly', { weeks: CHART_WEEKS }),
        column: t('figures.column.week'),
        spec: weekly,
        summary:
          sum(solved) + sum(held) === 0
            ? t('figures.summary.none')
            : t('figures.summary.weekly', {
                weeks: weeks.length,
                wishes: sum(solved),
                lectures: sum(held),
                busiest: shortDate(busiest.weekStart),
                most: busiest.wishesSolved,
              }),
      },
      {
        key: 'volunteering',
        title: t('figures.chart.volunteering', { weeks: CHART_WEEKS }),
        column: t('figures.column.week'),
        spec: volunteering,
        summary:
          sum(activities) + sum(hours) === 0
            ? t('figures.summary.none')
            : t('figures.summary.volunteering', {
                weeks: weeks.length,
                activities: sum(activities),
                hours: Math.round(sum(hours) * 10) / 10,
                busiest: shortDate(mostHours.weekStart),
                most: mostHours.volunteerHours,
              }),
      },
      {
        key: 'category',
        title: t('figures.chart.byCategory'),
        column: t('figures.column.category'),
        ...breakdown(
          data.wishes.byCategory.map((c) => ({ ...c, label: t(`wish.category.${c.category}` as MessageKey) })),
        ),
      },
      {
        key: 'community',
        title: t('figures.chart.byCommunity'),
        column: t('figures.column.community'),
        ...breakdown(data.wishes.byCommunity.map((c) => ({ ...c, label: inLanguage(c.name, c.nameEn) }))),
      },
    ]
  }, [data, t, inLanguage, fontSize])

  return (
    <>
      {charts.map(({ key, ...chart }) => (
        <ChartCard key={key} id={`${idPrefix}-${key}`} {...chart} />
      ))}
    </>
  )
}

function ChartCard({
  id,
  title,
  column,
  spec,
  summary,
}: {
  id: string
  title: string
  column: string
  spec: ChartSpec
  summary: string
}) {
  const { t } = useSettings()
  const [asTable, setAsTable] = useState(false)
  return (
    <View id={id} className="card chart">
      <Text className="chart__title">{title}</Text>
      <Text className="chart__summary">{summary}</Text>
      {asTable ? (
        <View className="chart__table" ariaRole="table">
          <View className="chart__row chart__row--head" ariaRole="row">
            {[column, ...spec.series.map((s) => s.label)].map((heading) => (
              <View key={heading} className="chart__cell" ariaRole="columnheader">
                {heading}
              </View>
            ))}
          </View>
          {spec.categories.map((category, i) => (
            <View key={category} className="chart__row" ariaRole="row">
              <View className="chart__cell" ariaRole="rowheader">
                {category}
              </View>
              {spec.series.map((s) => (
                <View key={s.label} className="chart__cell" ariaRole="cell">
                  {s.values[i]}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : (
        <ChartCanvas id={`${id}-canvas`} spec={spec} label={`${title}：${summary}`} />
      )}
      <View
        id={`${id}-toggle`}
        className="btn btn--ghost chart__toggle"
        ariaRole="button"
        onClick={() => setAsTable(!asTable)}
      >
        {asTable ? t('figures.asChart') : t('figures.asTable')}
      </View>
    </View>
  )
}
