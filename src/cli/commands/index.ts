/** Every command of the CLI; to add one, register it here. */
import type { Command } from 'commander';
import { registerInit } from './init.js';
import { registerScan } from './scan.js';

export const COMMANDS: ((program: Command) => void)[] = [registerScan, registerInit];
