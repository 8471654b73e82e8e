// Ediciones: the editions by date, and one edition with its documents.

import { errorMessage, getJSON } from './api.js';
import { $, clear, el, formatDate, pageRoute, plural } from './dom.js';
import { show } from './shell.js';

const editionsPerPage = 30;

export async function showEditions(params) {
  show('ediciones');
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  const status = clear($('editions-status'));
  const list = clear($('editions'));
  const pager = clear($('editions-pager'));
  pager.hidden = true;
  list.dataset.state = 'loading';
  let body;
  try {
    body = await getJSON(`/api/v1/editions?page=${page}&per_page=${editionsPerPage}`);
  } catch (error) {
    status.append(errorMessage(error));
    list.dataset.state = 'error';
    return;
  }
  if (!body.editions.length) {
    status.append(el('p', { class: 'message notice' },
      page > 1 ? 'No hay más ediciones.' : 'Todavía no hay ediciones indexadas.'));
  }
  for (const edition of body.editions) {
    list.append(el('li', {},
      el('a', { href: `#/ediciones/${edition.date}` }, formatDate(edition.date)),
      el('span', { class: 'meta' },
        [edition.number ? `Nº ${edition.number}` : null, plural(edition.document_count, 'documento', 'documentos')]
          .filter(Boolean).join(' · '))));
  }
  list.dataset.state = 'done';
  if (page > 1 || body.editions.length === editionsPerPage) {
    pager.append(
      page > 1 ? el('a', { href: `#/ediciones?page=${page - 1}`, rel: 'prev' }, '← Más recientes') : el('span'),
      el('span', { class: 'where' }, `Página ${page}`),
      body.editions.length === editionsPerPage
        ? el('a', { href: `#/ediciones?page=${page + 1}`, rel: 'next' }, 'Más antiguas →') : el('span'));
    pager.hidden = false;
  }
}

export async function showEdition(date) {
  show('edicion', formatDate(date));
  $('h-edicion').textContent = `La Gaceta del ${formatDate(date)}`;
  const status = clear($('edition-status'));
  const container = clear($('edition-documents'));
  let body;
  try {
    body = await getJSON(`/api/v1/editions/${date}`);
  } catch (error) {
    status.append(errorMessage(error));
    return;
  }
  for (const edition of body.editions) {
    const documents = el('ul', { class: 'documents' });
    for (const doc of edition.documents || []) {
      documents.append(el('li', {},
        el('a', { href: pageRoute(doc.id, 1) }, doc.title || 'Documento sin título'),
        el('span', { class: 'meta' },
          [doc.section, doc.type, plural(doc.page_count, 'página', 'páginas')]
            .filter(Boolean).join(' · '))));
    }
    container.append(el('section', { class: 'edition' },
      el('h2', {}, edition.number ? `Nº ${edition.number}` : 'Edición sin número'),
      documents));
  }
}
