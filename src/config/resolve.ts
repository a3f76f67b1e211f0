/** Small helpers for reading a loaded config. */
import type { ConfigDialect } from './dialects.js';
import type { DatabaseConfig, SpifConfig } from './schema.js';

/** A database's dialect: its own, else the config's top-level dialect. */
export function databaseDialect(config: SpifConfig, database: DatabaseConfig): ConfigDialect {
  return database.dialect ?? config.dialect;
}
