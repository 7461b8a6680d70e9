// Opens TCP connections through a SOCKS5 proxy (RFC 1928, no authentication), passing the host
// name to the proxy so that .onion names are resolved inside Tor, never by local DNS.
import { connect, type Socket } from 'node:net';

export interface Socks5Proxy { host: string; port: number }

export function socks5Connect(proxy: Socks5Proxy, host: string, port: number, timeoutMs = 30_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, proxy.host);
    const fail = (message: string) => { socket.destroy(); reject(new Error(`SOCKS5 ${proxy.host}:${proxy.port}: ${message}`)); };
    socket.setTimeout(timeoutMs, () => fail('timeout'));
    socket.once('error', (e) => fail(e.message));
    let stage: 'greeting' | 'connect' = 'greeting';
    let buffer = Buffer.alloc(0);
    socket.on('data', function onData(chunk: Buffer) {
      buffer = Buffer.concat([buffer, chunk]);
      if (stage === 'greeting') {
        if (buffer.length < 2) return;
        if (buffer[0] !== 5 || buffer[1] !== 0) return fail('proxy refused no-auth method');
        buffer = buffer.subarray(2);
        stage = 'connect';
        const name = Buffer.from(host, 'utf8');
        if (name.length > 255) return fail('host name too long');
        socket.write(Buffer.concat([Buffer.from([5, 1, 0, 3, name.length]), name, Buffer.from([port >> 8, port & 0xff])]));
        return;
      }
      if (buffer.length < 5) return;
      if (buffer[1] !== 0) return fail(`connect refused (reply ${buffer[1]})`);
      const atyp = buffer[3];
      const addrLen = atyp === 1 ? 4 : atyp === 4 ? 16 : 1 + buffer[4]!;
      if (buffer.length < 4 + addrLen + 2) return;
      socket.removeListener('data', onData);
      socket.setTimeout(0);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('connect', () => socket.write(Buffer.from([5, 1, 0])));
  });
}
