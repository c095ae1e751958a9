import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { encode } from 'uqr'
import { useMemo } from 'react'

/** A QR code drawn with plain views: works the same in the mini-program and in H5, no canvas needed. */
export function QrCode({ text, size = 480 }: { text: string; size?: number }) {
  const rows = useMemo(() => encode(text, { ecc: 'M', border: 2 }).data, [text])
  const cell = size / rows.length
  return (
    <View
      className="qr"
      style={{ width: Taro.pxTransform(size), height: Taro.pxTransform(size) }}
      ariaRole="img"
      ariaLabel="QR"
    >
      {rows.map((row, y) => (
        <View key={y} className="qr__row" style={{ display: 'flex', height: Taro.pxTransform(cell) }}>
          {row.map((dark, x) => (
            <View
              key={x}
              className="qr__cell"
              style={{
                width: Taro.pxTransform(cell),
                height: Taro.pxTransform(cell),
                background: dark ? '#000' : '#fff',
              }}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
