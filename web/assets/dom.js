// Small DOM and formatting helpers shared by every view. Text from the server is inserted as text, never as HTML.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** An element with attributes (`class`, `href`, data-*, …) and children (strings become text). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

const dateFormat = new Intl.DateTimeFormat('es-CR', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});

/** "2024-07-15" → "lunes 15 de julio de 2024". */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!match) return iso || '';
  return dateFormat.format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])));
}

export const numberFormat = new Intl.NumberFormat('es-CR');

export function plural(count, one, many) {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

/** "La Gaceta Nº 129 · lunes 15 de julio de 2024 · página 13" for a hit, a citation or a page. */
export function sourceLine(item) {
  const parts = [];
  parts.push(item.edition_number ? `La Gaceta Nº ${item.edition_number}` : 'La Gaceta');
  parts.push(formatDate(item.edition_date));
  parts.push(pageLabel(item));
  return parts.join(' · ');
}

export function pageLabel(item) {
  return item.printed_page ? `página ${item.printed_page}` : `página ${item.page} del PDF`;
}

export function pageRoute(documentId, page, extra) {
  const query = new URLSearchParams(extra || {}).toString();
  return `#/documento/${documentId}/pagina/${page}${query ? `?${query}` : ''}`;
}

/** The API's snippet (HTML-escaped text with <mark> around matches) as DOM nodes, without innerHTML. */
export function snippetNodes(snippet) {
  const nodes = [];
  let marked = false;
  for (const part of String(snippet || '').split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      nodes.push(marked ? el('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

export function markedTerms(snippet) {
  const terms = new Set();
  for (const match of String(snippet || '').matchAll(/<mark>(.*?)<\/mark>/g)) {
    const term = decodeEntities(match[1]).trim();
    if (term) terms.add(term);
  }
  return [...terms];
}

export function decodeEntities(text) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[name] ?? whole;
  });
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
