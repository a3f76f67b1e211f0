/** Reading a live PostgreSQL server: the same catalog ops a DDL reader produces, from the catalogs. */
export { readLivePostgres } from './read.js';
export { isLiveUrl, redactUrl } from './url.js';
