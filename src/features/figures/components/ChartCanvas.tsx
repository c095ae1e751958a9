import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { drawChart, type ChartSpec, type Surface } from './chart'

type OffscreenCanvasLike = NonNullable<Surface['runtime']>['offscreenCanvas']

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D
  requestAnimationFrame(callback: () => void): number
  cancelAnimationFrame(id: number): void
  createImage(): HTMLImageElement
}

/** The WeChat renderer: a `type="2d"` canvas found by its id once it is on the page. */
export function ChartCanvas({ id, spec, label }: { id: string; spec: ChartSpec; label: string }) {
  useEffect(() => {
    let release: (() => void) | undefined
    let gone = false
    Taro.nextTick(() =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: ({ node?: CanvasNode; width: number; height: number } | null)[]) => {
          const found = res[0]
          // No node where the canvas is not drawn (a simulator, a page already left): the summary and table remain.
          if (gone || !found?.node) return
          const pixelRatio = Taro.getWindowInfo().pixelRatio
          found.node.width = found.width * pixelRatio
          found.node.height = found.height * pixelRatio
          const node = found.node
          release = drawChart(
            {
              context: node.getContext('2d'),
              width: found.width,
              height: found.height,
              pixelRatio,
              runtime: {
                requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame(callback),
                cancelAnimationFrame: (id: number) => node.cancelAnimationFrame(id),
                createImage: () => node.createImage(),
                // The mini-program has no document to make a canvas for measuring text: F2 gets one here.
                offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }) as unknown as OffscreenCanvasLike,
              },
            },
            spec,
          )
        }),
    )
    return () => {
      gone = true
      release?.()
    }
  }, [id, spec])
  return (
    <View ariaRole="img" ariaLabel={label}>
      <Canvas type="2d" id={id} className="chart__canvas" />
    </View>
  )
}
