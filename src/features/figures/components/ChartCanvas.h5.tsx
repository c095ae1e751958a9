import { useEffect, useRef } from 'react'
import { drawChart, type ChartSpec } from './chart'

/** The browser renderer: a plain <canvas>, sized by its CSS box and the screen's pixel ratio. */
export function ChartCanvas({ id, spec, label }: { id: string; spec: ChartSpec; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    const context = canvas?.getContext('2d')
    if (!canvas || !context) return
    const { width, height } = canvas.getBoundingClientRect()
    const pixelRatio = window.devicePixelRatio || 1
    canvas.width = width * pixelRatio
    canvas.height = height * pixelRatio
    return drawChart({ context, width, height, pixelRatio }, spec)
  }, [spec])
  return <canvas ref={ref} id={id} className="chart__canvas" role="img" aria-label={label} />
}
