import { toDataURL } from 'qrcode'
import { useEffect, useState } from 'react'

/** A QR code for a link, rendered in the browser (no QR service is called). */
export function LinkQrCode(props: { link: string; alt: string; size?: number }) {
  const size = props.size ?? 176
  const [dataUrl, setDataUrl] = useState<string>()
  useEffect(() => {
    let current = true
    toDataURL(props.link, { errorCorrectionLevel: 'M', margin: 2, width: size })
      .then((url) => current && setDataUrl(url))
      .catch(() => current && setDataUrl(undefined))
    return () => {
      current = false
    }
  }, [props.link, size])
  return dataUrl ? (
    <img className="qr" src={dataUrl} alt={props.alt} width={size} height={size} />
  ) : (
    <span className="qr qr--pending" aria-hidden="true" style={{ width: size, height: size }} />
  )
}
