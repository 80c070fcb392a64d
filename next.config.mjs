const isDev = process.env.NODE_ENV !== 'production';

// Content Security Policy, sent with every response. Scripts: 'self' plus 'unsafe-inline',
// because Next streams its flight data in inline <script> tags; the strict alternative (a nonce
// per request from proxy.ts) would force every page to render dynamically. No 'unsafe-eval' in
// production (only `next dev` needs it for React's debugging). Styles: ECharts and React set
// style attributes. Images: ECharts' "save as image" makes data: URLs.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships its Postgres as WASM + data files; let Node load it from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg'],
  experimental: {
    // Issue uploads (admin import): up to 10 MB of text or PDF plus the form fields; the import
    // action refuses anything larger with its own message before reading it. (Declared once:
    // a second `experimental` key silently dropped this limit; ESLint's no-dupe-keys now guards.)
    serverActions: { bodySizeLimit: '11mb' },
    // forbidden() in lib/auth requireUser renders app/forbidden.tsx with status 403.
    authInterrupts: true,
  },
};

export default nextConfig;
