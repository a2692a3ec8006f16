// Bundle size per entry, gzip -9, each entry with every file it loads.
import { BUDGETS, entryScripts, filesOf, gzipBytes } from '../release/bundle';
import { kb, type Row } from './stats';

export function sizeRows(): Row[] {
  const scripts = entryScripts('chrome');
  return (Object.keys(BUDGETS) as (keyof typeof BUDGETS)[]).map((entry) => {
    const files = filesOf('chrome', scripts[entry]);
    const bytes = gzipBytes('chrome', files);
    return {
      group: 'bundle size (gzip)',
      measure: entry,
      value: kb(bytes),
      reference: `${files.length} file(s)`,
      target: `≤ ${kb(BUDGETS[entry])}`,
      ok: bytes <= BUDGETS[entry],
    };
  });
}
