// Buscar: the URL holds the query (#/buscar?q=…&from=…), so a search can be shared and bookmarked.

import { errorMessage, getJSON } from './api.js';
import { $, clear, el, markedTerms, numberFormat, pageRoute, plural, snippetNodes, sourceLine } from './dom.js';
import * as follow from './follow.js';
import { show } from './shell.js';
import { state } from './state.js';

const perPage = 10;
const searchFields = ['q', 'from', 'to', 'section', 'sort'];
// Filters set by the facets' links (kept in the URL, not in the form).
const facetFields = ['type', 'institution'];
const facetNames = { section: 'Sección', type: 'Tipo', institution: 'Institución' };

function submitSearch(event) {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const name of searchFields) {
    const value = $(name).value.trim();
    if (value) params.set(name, value);
  }
  const current = new URLSearchParams(location.hash.split('?')[1] || '');
  for (const name of facetFields) if (current.get(name)) params.set(name, current.get(name));
  const target = `#/buscar?${params}`;
  if (location.hash === target) showSearch(params);
  else location.hash = target;
}

export async function showSearch(params) {
  show('buscar', params.get('q') ? `Buscar «${params.get('q')}»` : 'Buscar');
  for (const name of searchFields) $(name).value = params.get(name) || '';
  const status = clear($('search-status'));
  const results = clear($('results'));
  const pager = clear($('pager'));
  pager.hidden = true;
  const facets = clear($('facets'));
  facets.hidden = true;
  const q = (params.get('q') || '').trim();
  follow.showFollow(params);
  if (!q) {
    results.dataset.state = 'empty';
    return;
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && from > to) {
    status.append(el('p', { class: 'message error' }, 'La fecha «Desde» es posterior a «Hasta».'));
    results.dataset.state = 'error';
    return;
  }
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  const query = new URLSearchParams();
  for (const name of [...searchFields, ...facetFields]) if (params.get(name)) query.set(name, params.get(name));
  query.set('page', page);
  query.set('per_page', perPage);
  const serial = ++state.search.serial;
  results.dataset.state = 'loading';
  status.textContent = 'Buscando…';
  let body;
  try {
    body = await getJSON(`/api/v1/search?${query}`);
  } catch (error) {
    if (serial !== state.search.serial) return;
    clear(status).append(errorMessage(error));
    results.dataset.state = 'error';
    return;
  }
  if (serial !== state.search.serial) return;
  clear(status);
  const dropped = body.query && body.query.dropped_stopwords || [];
  if (body.total === 0) {
    status.append(el('div', { class: 'message notice' },
      el('p', {}, `No hay resultados para «${q}».`),
      el('p', {}, 'Revise la ortografía, use menos palabras o quite filtros.')));
    results.dataset.state = 'done';
    return;
  }
  const pages = Math.max(1, Math.ceil(body.total / body.per_page));
  const count = el('p', { class: 'count', tabindex: '-1' },
    `${plural(body.total, 'resultado', 'resultados')} para «${q}»`,
    pages > 1 ? ` · página ${page} de ${numberFormat.format(pages)}` : '');
  status.append(count);
  if (body.relaxed) {
    status.append(el('p', { class: 'message notice relaxed' },
      'Ninguna página tiene todas las palabras; estas tienen algunas.'));
  }
  if (dropped.length) {
    status.append(el('p', { class: 'help' }, `Se omitieron palabras muy comunes: ${dropped.join(', ')}.`));
  }
  showFacets(facets, params, body.facets);
  results.setAttribute('start', String((page - 1) * body.per_page + 1));
  for (const hit of body.hits) {
    const terms = markedTerms(hit.snippet);
    results.append(el('li', { class: 'hit' },
      el('h2', {}, el('a', { href: pageRoute(hit.document_id, hit.page, terms.length ? { t: terms.join('|') } : {}) },
        hit.document_title || 'Documento sin título')),
      el('p', { class: 'meta' }, sourceLine(hit), hit.section ? ` · ${hit.section}` : ''),
      el('p', { class: 'snippet' }, snippetNodes(hit.snippet))));
  }
  results.dataset.state = 'done';
  if (state.search.pagerUsed) {
    // Another page of results: start reading at its count, not at the bottom of the old page.
    state.search.pagerUsed = false;
    count.scrollIntoView({ block: 'start' });
    count.focus({ preventScroll: true });
  }
  if (pages > 1) {
    const link = (number, label, rel) => {
      const target = new URLSearchParams(params);
      target.set('page', number);
      return el('a', { href: `#/buscar?${target}`, rel }, label);
    };
    pager.append(
      page > 1 ? link(page - 1, '← Anterior', 'prev') : el('span', { 'aria-hidden': 'true' }),
      el('span', { class: 'where' }, `Página ${page} de ${numberFormat.format(pages)}`),
      page < pages ? link(page + 1, 'Siguiente →', 'next') : el('span', { 'aria-hidden': 'true' }));
    pager.hidden = false;
  }
}

/** The facets as filters: each value links to the same search narrowed to it (a chosen one links back out). */
function showFacets(container, params, facets) {
  if (!facets) return;
  for (const [field, label] of Object.entries(facetNames)) {
    const values = facets[field] || [];
    const chosen = params.get(field);
    if (!values.length && !chosen) continue;
    const link = (value, text) => {
      const target = new URLSearchParams(params);
      target.delete('page');
      if (value === null) target.delete(field);
      else target.set(field, value);
      return el('a', { href: `#/buscar?${target}` }, text);
    };
    const items = values.slice(0, 8).map((facet) => el('li', {},
      facet.value === chosen ? el('strong', {}, facet.value) : link(facet.value, facet.value),
      ` (${numberFormat.format(facet.count)})`));
    if (chosen) items.push(el('li', { class: 'clear' }, link(null, `Quitar «${chosen}»`)));
    container.append(el('div', { class: 'facet', 'data-field': field }, el('h2', {}, label), el('ul', {}, ...items)));
  }
  container.hidden = !container.childElementCount;
}

/** Binds Buscar's controls. */
export function init() {
  $('search-form').addEventListener('submit', submitSearch);
  follow.init();
  $('pager').addEventListener('click', (event) => {
    if (event.target.closest('a')) state.search.pagerUsed = true;
  });
}
