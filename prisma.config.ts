import { defineConfig } from 'prisma/config';

// `env('DATABASE_URL')` would throw when unset, even for `prisma generate`: read process.env.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
