import { toDataURL } from 'qrcode'
import { useEffect, useState } from 'react'

/** A QR code for a link, rendered in the browser (no QR service is called). */
export function LinkQrCode(props: { link: string; alt: string }) {
  const [dataUrl, setDataUrl] = useState<string>()
  useEffect(() => {
    let current = true
    toDataURL(props.link, { errorCorrectionLevel: 'M', margin: 2, width: 176 })
      .then((url) => current && setDataUrl(url))
      .catch(() => current && setDataUrl(undefined))
    return () => {
      current = false
    }
  }, [props.link])
  return dataUrl ? (
    <img className="qr" src={dataUrl} alt={props.alt} width={176} height={176} />
  ) : (
    <span className="qr qr--pending" aria-hidden="true" />
  )
}
