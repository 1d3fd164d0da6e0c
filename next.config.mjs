/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds (CI, e2e, a developer's dev server) can live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@node-rs/argon2', 'pino', 'quickjs-emscripten'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  // Media uploads from the template designer go through a server action; lib/media enforces the
  // per-type limits (largest: documents, 100 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '101mb' } },
};
export default nextConfig;
