// In-page UI lives in closed shadow roots: the page's scripts and styles cannot reach in, and ours
// cannot leak out onto XNAT's layout. The roots are remembered here so the script (and its tests)
// can find their own elements again.

const roots = new WeakMap<Element, ShadowRoot>();
const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * One parsed stylesheet shared by every row (a table can have a thousand). Where adopting fails
 * (Firefox content scripts have had trouble with constructed sheets), each root gets a <style>.
 */
function sharedSheet(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    } catch {
      sheets.set(css, null);
    }
  }
  return sheets.get(css) ?? null;
}

export function createHost(
  doc: Document,
  kind: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('xnat-token-tools');
  host.setAttribute('data-xtt', kind);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sharedSheet(css);
  try {
    if (!sheet) throw new Error('no constructed sheet');
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  roots.set(host, root);
  return { host, root };
}

export function uiRoot(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
