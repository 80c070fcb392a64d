// Runs once when the server starts. Next.js 16 tells the app a request's address only through
// X-Forwarded-For, which it fills from the socket only when the client sent none: a client can
// choose its own address. So every incoming request is stamped here with the socket's address
// (overwriting a client-sent header of that name) before Next sees it; lib/auth.ts requestMeta
// then trusts X-Forwarded-For only as far as TRUSTED_PROXY_HOPS says.
import { PEER_ADDRESS_HEADER } from '@/lib/auth/peer';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const http = await import('node:http');
  const proto = http.Server.prototype as { emit: (event: string, ...args: unknown[]) => boolean; __xtPeerStamp?: boolean };
  if (proto.__xtPeerStamp) return;
  proto.__xtPeerStamp = true;
  const emit = proto.emit;
  proto.emit = function stampPeer(this: unknown, event: string, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as import('node:http').IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? 'unknown';
    }
    return emit.call(this, event, ...args);
  };
}
