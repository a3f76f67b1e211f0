/**
 * `npm run test:mariadb -- [--cases N] [--seed S]`: the MariaDB differential test at any size.
 * Starts its own mariadbd (Debian's mariadb-server) in a temp folder, runs N generated cases
 * (test/mariadb/cases.ts) and prints cases, comparisons, disagreements and time. Exit 1 on any
 * disagreement or spif error, 2 when MariaDB cannot start.
 */
import { MariaDb } from '../test/mariadb/server.js';
import { formatDisagreement, generateCase, runCase } from '../test/mariadb/cases.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const cases = arg('cases', 1000);
  const seed = arg('seed', 7);
  const started = Date.now();
  const server = await MariaDb.start();
  if (!(server instanceof MariaDb)) {
    console.error(server.skipped);
    return 2;
  }
  let comparisons = 0;
  let readable = 0;
  let tolerated = 0;
  let failures = 0;
  try {
    for (let i = 0; i < cases; i++) {
      const c = generateCase(seed, i);
      const r = await runCase(server, c);
      comparisons += r.comparisons;
      readable += r.readable;
      tolerated += r.tolerated;
      if (r.disagreements.length || r.errors.length) {
        failures++;
        if (failures <= 10) {
          console.log(`--- ${c.name}\n${c.sql}`);
          for (const e of r.errors) console.log(`  spif error: ${e}`);
          for (const d of r.disagreements) console.log(`  ${formatDisagreement(d)}`);
        }
      }
    }
  } finally {
    await server.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${server.version}: ${cases} cases (seed ${seed}), ${comparisons} comparisons (${readable} readable, ${tolerated} PUBLIC-EXECUTE database-access refusals tolerated), ${failures} cases with disagreements, ${seconds} s`,
  );
  return failures ? 1 : 0;
}

void main().then((code) => process.exit(code));
