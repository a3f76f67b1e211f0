/** Reading a git ref without touching the working tree: its files, its config, a scan of it. */
export { GitTree, repositoryRoot } from './tree.js';
export { configAtRef, type ConfigAtRef } from './config-at-ref.js';
export { GitSourceTree } from './source-tree.js';
export { scanAtRef, type ScanAtRef, type ScanAtRefOptions } from './scan-at-ref.js';
