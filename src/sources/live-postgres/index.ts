/** Reading a live PostgreSQL server: the same catalog ops a DDL reader produces, from the catalogs. */
export { readLivePostgres, readCatalogRows, type LiveReadOptions, type LiveReadResult } from './read.js';
export { isLiveUrl, redactUrl } from './url.js';
export { definitionKey, type SqlDefinitions } from './definitions.js';
