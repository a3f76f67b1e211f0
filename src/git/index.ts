/** Reading a git ref without touching the working tree: its files, its config, a scan of it. */
export { GitTree } from './tree.js';
export { scanAtRef, type ScanAtRef, type ScanAtRefOptions } from './scan-at-ref.js';
