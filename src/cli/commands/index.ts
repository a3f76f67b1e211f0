/** Every command of the CLI; to add one, register it here. */
import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerScan } from './scan.js';
import { registerSnapshot } from './snapshot.js';

export const COMMANDS: ((program: Command) => void)[] = [
  registerScan,
  registerCheck,
  registerDiff,
  registerExplain,
  registerSnapshot,
  registerInit,
];
