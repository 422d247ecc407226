import type { ReactNode } from 'react'

/** A full-page explanation of why something cannot be shown, with an optional way forward. */
export function ErrorPanel(props: { title?: string; message: string; children?: ReactNode }) {
  return (
    <main className="page page--narrow">
      <div className="panel" role="alert">
        {props.title ? <h1>{props.title}</h1> : null}
        <p>{props.message}</p>
        {props.children}
      </div>
    </main>
  )
}
