// Lets tsx (the bench) import `file?raw` as vite does: the file's text as the default export.
import { register } from 'node:module';

const hooks = `
import { readFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('?raw')) return next(url, context);
  const text = readFileSync(new URL(url.slice(0, -4)), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text), shortCircuit: true };
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
