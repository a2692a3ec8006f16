// npm run bench: every figure beside its reference, printed as a table and written as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pageRows, popupRows } from './browser';
import { renewalRows } from './renewal';
import { commandRows, containerBurstRows, idleDayRows } from './server-load';
import { sizeRows } from './sizes';
import type { Row } from './stats';

const rows: Row[] = [
  ...sizeRows(),
  ...(await commandRows()),
  ...(await renewalRows()),
  ...(await idleDayRows()),
  ...(await containerBurstRows()),
  ...(await popupRows()),
  ...(await pageRows()),
];

const header = ['group', 'measure', 'value', 'reference', 'target', 'ok'] as const;
const cells = rows.map((r) => [
  r.group,
  r.measure,
  r.value,
  r.reference,
  r.target,
  r.ok === null ? '' : r.ok ? 'yes' : 'NO',
]);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const line of cells) console.log(`| ${line.join(' | ')} |`);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
);
console.log('\nWritten to bench-results/bench.json');
