import net from 'node:net';

/** A TCP port free on 127.0.0.1 right now: the machine is shared, so fixed ports may be taken by someone else's run. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
