import net from 'node:net'

/**
 * A TCP relay in front of a real service (PostgreSQL, Redis, a coboard instance) that a test can
 * cut, restore and point elsewhere: what an instance sees when the network to a backend fails,
 * and what a client sees behind a load balancer whose instance died. Closed by `close()`.
 */
export interface TcpProxy {
  port: number
  /** Drops every open connection and refuses new ones until `restore()`. */
  cut(): void
  restore(): void
  /** Sends new connections to another target (as a load balancer does when an instance is down). */
  retarget(target: { host: string; port: number }): void
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let cut = false
  let current = target
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy()
      return
    }
    const upstream = net.connect(current)
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from)
      from.on('error', () => to.destroy())
      from.on('close', () => {
        sockets.delete(from)
        to.destroy()
      })
      from.pipe(to)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      cut = false
    },
    retarget(next) {
      current = next
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
