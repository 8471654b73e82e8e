// Página: the text of one page, the cited passage highlighted, and the PDF at that page.

import { errorMessage, getJSON } from './api.js';
import { $, clear, el, escapeRegExp, pageLabel, pageRoute, sourceLine } from './dom.js';
import { show } from './shell.js';
import { state } from './state.js';

export async function showPage(documentId, page, params) {
  show('pagina');
  $('page-back').setAttribute('href', state.previousRoute.startsWith('#/documento/') ? '#/' : state.previousRoute);
  $('h-pagina').textContent = 'Página';
  const status = clear($('page-status'));
  const text = clear($('page-text'));
  clear($('page-meta'));
  clear($('page-links'));
  clear($('page-nav'));
  text.dataset.state = 'loading';
  let body;
  try {
    body = await getJSON(`/api/v1/documents/${documentId}/pages/${page}`);
  } catch (error) {
    status.append(errorMessage(error));
    text.dataset.state = 'error';
    return;
  }
  document.title = `${body.document_title} · ${pageLabel(body)} · GacetaChat`;
  $('h-pagina').textContent = body.document_title || 'Documento sin título';
  // A notice's pages are the edition PDF's pages first_page…last_page.
  const first = body.first_page || 1;
  const last = body.last_page || body.page_count;
  $('page-meta').append(sourceLine(body), ` (página ${body.page} del PDF, ${first === last ? `la única del documento` : `páginas ${first}–${last} del documento`})`);
  if (body.ocr) $('page-meta').append(' · ', el('span', { class: 'ocr' }, 'texto obtenido por OCR'));
  if (body.pdf_url) {
    $('page-links').append(el('a', { class: 'button', href: `${body.pdf_url}#page=${body.page}`, id: 'pdf-link' },
      `Abrir el PDF original en la página ${body.page}`));
  } else {
    $('page-links').append('Este documento no se publicó como PDF.');
  }
  const quote = params.get('cita');
  const terms = (params.get('t') || '').split('|').filter(Boolean);
  const passage = renderPageText(text, body.text || '', quote, terms);
  text.dataset.state = 'done';
  if (quote && !passage) {
    status.append(el('p', { class: 'message notice' }, 'El pasaje citado no aparece tal cual en esta página.'));
  }
  const nav = $('page-nav');
  if (body.page > first) nav.append(el('a', { href: pageRoute(documentId, body.page - 1), rel: 'prev' }, '← Página anterior'));
  else nav.append(el('span', { 'aria-hidden': 'true' }));
  nav.append(el('span', { class: 'where' }, `Página ${body.page - first + 1} de ${last - first + 1}`));
  if (body.page < last) {
    nav.append(el('a', { href: pageRoute(documentId, body.page + 1), rel: 'next' }, 'Página siguiente →'));
  }
  if (passage) {
    passage.scrollIntoView({ block: 'center' });
    passage.focus({ preventScroll: true });
  } else if (!terms.length) {
    window.scrollTo(0, 0);
  }
}

/** Fills `container` with `text`: the quoted passage in one <mark id="pasaje"> (returned), or the terms marked. */
function renderPageText(container, text, quote, terms) {
  if (quote) {
    const range = findPassage(text, quote);
    if (range) {
      const mark = el('mark', { id: 'pasaje', class: 'passage', tabindex: '-1' }, text.slice(range[0], range[1]));
      container.append(text.slice(0, range[0]), mark, text.slice(range[1]));
      return mark;
    }
  }
  if (terms.length) {
    const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'giu');
    let first = null;
    for (const [index, part] of text.split(pattern).entries()) {
      if (index % 2 === 1) {
        const mark = el('mark', {}, part);
        first = first || mark;
        container.append(mark);
      } else if (part) {
        container.append(part);
      }
    }
    if (first) first.scrollIntoView({ block: 'center' });
    return null;
  }
  container.append(text);
  return null;
}

/** Where `quote` is in `text`: exactly, or with any run of white space standing for any other. */
function findPassage(text, quote) {
  const exact = text.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}
