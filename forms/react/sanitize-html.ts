/**
 * form-js html content is written by a form designer, not the client, but it still reaches
 * the client's browser: keep a small set of harmless tags and http(s)/mailto links only, plus
 * paths within Regie itself (e.g. the aanbiedersgids), which open in a new tab so the half-filled
 * form is not lost.
 */
const ALLOWED = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'UL', 'OL', 'LI', 'A', 'H2', 'H3', 'H4', 'SPAN', 'DIV']);

function clean(node: Node, doc: Document): Node | null {
  if (node.nodeType === 3) return doc.createTextNode(node.textContent ?? '');
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const children = [...element.childNodes].map((child) => clean(child, doc)).filter((c): c is Node => c !== null);
  if (!ALLOWED.has(element.tagName)) {
    if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE'].includes(element.tagName)) return null;
    const fragment = doc.createDocumentFragment();
    children.forEach((c) => fragment.appendChild(c));
    return fragment;
  }
  const copy = doc.createElement(element.tagName.toLowerCase());
  if (element.tagName === 'A') {
    const href = element.getAttribute('href') ?? '';
    const target = href.trim();
    if (/^(https?:|mailto:)/i.test(target)) copy.setAttribute('href', target);
    else if (/^\/(?![/\\])/.test(target)) {
      copy.setAttribute('href', target);
      copy.setAttribute('target', '_blank');
    }
    copy.setAttribute('rel', 'noopener noreferrer');
  }
  children.forEach((c) => copy.appendChild(c));
  return copy;
}

export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createElement('div');
  [...doc.body.childNodes].forEach((child) => {
    const c = clean(child, document);
    if (c) out.appendChild(c);
  });
  return out.innerHTML;
}
