// Runs once when the server starts, and hooks Node's HTTP server ahead of Next.js for two things:
//  1. Next.js 16 tells the app a request's address only through X-Forwarded-For, which it fills
//     from the socket only when the client sent none: a client can choose its own address. So every
//     incoming request is stamped here with the socket's address (overwriting a client-sent header
//     of that name) before Next sees it; lib/auth.ts requestMeta then trusts X-Forwarded-For only as
//     far as TRUSTED_PROXY_HOPS says.
//  2. The page cache (lib/page-cache/http.ts): a dashboard page asked by a signed-in user is
//     answered from memory when the same page was rendered for the same role and language since
//     the data last changed; otherwise Next renders it and the answer is kept.
import { PEER_ADDRESS_HEADER } from '@/lib/auth/peer';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const http = await import('node:http');
  const { pageCacheEnabled, servePage, wantsPageCache } = await import('@/lib/page-cache/http');
  const cacheOn = pageCacheEnabled();
  const proto = http.Server.prototype as { emit: (event: string, ...args: unknown[]) => boolean; __xtPeerStamp?: boolean };
  if (proto.__xtPeerStamp) return;
  proto.__xtPeerStamp = true;
  const emit = proto.emit;
  proto.emit = function stampPeer(this: unknown, event: string, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as import('node:http').IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? 'unknown';
      if (cacheOn && wantsPageCache(req)) {
        void servePage(req, args[1] as import('node:http').ServerResponse, () => emit.call(this, event, ...args));
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
