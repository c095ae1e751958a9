import { Axis, Canvas, Chart, Interval, Legend, jsx, type CanvasProps } from '@antv/f2'

/** F2's element factory; its generic chart components do not fit its own `ElementType` under strict TypeScript. */
const element = jsx as unknown as (type: unknown, props: object, ...children: unknown[]) => { props: CanvasProps }

/** What one chart shows: a value per category for each series, as grouped columns (over time) or bars. */
export interface ChartSpec {
  kind: 'columns' | 'bars'
  categories: string[]
  series: { label: string; color: string; values: number[] }[]
  /** Axis and legend text in CSS pixels: larger in 长辈模式. */
  fontSize: number
}

/** A 2D drawing context of a known size in CSS pixels, on either platform's canvas. */
export interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  /** What a mini-program lacks and F2 otherwise takes from the browser: frames, images, a canvas to measure text. */
  runtime?: Pick<CanvasProps, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'createImage' | 'offscreenCanvas'>
}

/** Draws the chart with AntV F2 and returns how to let it go when the canvas leaves the page. */
export function drawChart(surface: Surface, spec: ChartSpec): () => void {
  // Bars run top-down in reading order; F2 lays a transposed axis out bottom-up.
  const order = spec.categories.map((_, i) => i)
  if (spec.kind === 'bars') order.reverse()
  const rows = order.flatMap((i) =>
    spec.series.map((s) => ({ x: spec.categories[i]!, series: s.label, value: s.values[i] ?? 0 })),
  )
  const color = { field: 'series', range: spec.series.map((s) => s.color) }
  const label = { fontSize: spec.fontSize, fill: '#2B2118' }
  // Whole numbers on the value axis, four steps at least, however small the counts.
  const most = Math.max(4, ...rows.map((r) => r.value))
  const step = Math.ceil(most / 4)
  const { props } = element(
    Canvas,
    {
      context: surface.context,
      width: surface.width,
      height: surface.height,
      pixelRatio: surface.pixelRatio,
      ...surface.runtime,
      animate: false,
    },
    element(
      Chart,
      {
        data: rows,
        coord: { transposed: spec.kind === 'bars' },
        scale: { value: { min: 0, max: step * 4, tickInterval: step }, x: { tickCount: 6 } },
      },
      element(Axis, { field: 'x', style: { label } }),
      element(Axis, { field: 'value', style: { label } }),
      element(Interval, { x: 'x', y: 'value', color, adjust: 'dodge' }),
      element(Legend, { position: 'top', nameStyle: label }),
    ),
  )
  const canvas = new Canvas(props)
  void canvas.render()
  return () => canvas.destroy()
}
