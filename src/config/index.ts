/** spif.config.{yaml,yml,json}: schema, loading with located messages, starter config. */
export {
  configSchema,
  type SpifConfig,
  type PrincipalConfig,
  type FileConfig,
  type SuppressionConfig,
} from './schema.js';
export {
  ConfigError,
  defaultConfig,
  loadConfigFile,
  parseConfigText,
  validateConfigText,
  type LoadedConfig,
} from './load.js';
export { loadConfigFor, locateConfig, type ConfigChoice } from './find.js';
export { matchesRef, refProblem } from './refs.js';
export { starterConfig } from './starter.js';
export { configJsonSchema, configJsonSchemaText } from './json-schema.js';
