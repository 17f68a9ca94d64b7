import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Gives the calling test file its own migrated database in the harness cluster, dropped afterwards. */
export function withTestDatabase(label: string): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), label);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('the test database is only ready inside tests and hooks');
    return database;
  };
}
