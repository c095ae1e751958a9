import { Image } from '@tarojs/components'
import { useState } from 'react'
import { assetUrl, downloadWithToken } from '../client'

interface Props {
  /** As the API gives it: `/api/uploads/…`, or an https URL. */
  url: string
  id?: string
  className?: string
  ariaLabel?: string
}

/**
 * A photo from the API, loaded like any image. A wish photo off the wall (waiting for review, withdrawn, disputed)
 * is refused to an image request, which carries no token; for the people who may see it (the resident, the
 * claimant, the community's staff) it is fetched once more with their token.
 */
export function ApiPhoto({ url, id, className, ariaLabel }: Props) {
  const [src, setSrc] = useState(assetUrl(url))
  const [retried, setRetried] = useState(false)
  const withToken = () => {
    if (retried || !url.startsWith('/api/uploads/')) return
    setRetried(true)
    void downloadWithToken(url)
      .then(setSrc)
      .catch(() => undefined)
  }
  return <Image id={id} className={className} src={src} mode="aspectFill" ariaLabel={ariaLabel} onError={withToken} />
}
