/** spif.config.{yaml,yml,json}: schema, loading with located messages, starter config. */
export {
  configSchema,
  configObjectSchema,
  dialectSchema,
  DIALECTS,
  type SpifConfig,
  type ConfigDialect,
  type DatabaseConfig,
  type PrincipalConfig,
  type FileConfig,
  type SuppressionConfig,
} from './schema.js';
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  defaultConfig,
  loadConfigFile,
  parseConfigText,
  validateConfigText,
  type ConfigValidation,
  type LoadedConfig,
  type ConfigUsed,
} from './load.js';
export { loadConfigFor, locateConfig, type ConfigChoice, type ConfigLocation } from './find.js';
export { matchesRef, refProblem, RELATION_PARTS, COLUMN_PARTS } from './refs.js';
export { starterConfig } from './starter.js';
export { configJsonSchema, configJsonSchemaText } from './json-schema.js';
export { databaseDialect } from './resolve.js';
