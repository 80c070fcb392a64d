// Prisma CLI configuration. Only `prisma generate` runs here (migrations are SQL files applied
// by scripts/migrate.ts, see README), so no datasource URL is needed.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
