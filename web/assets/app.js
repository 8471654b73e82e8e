// GacetaChat's web page: today's summary and a calendar (the landing view), ask (streamed answers with
// citations), search, read a cited page, list editions.
// Plain JavaScript modules, no dependencies: one module a view (today, ask, search, page, editions), the shared state
// in state.js, and this entry point with the routes. scripts/build-web renames every module with the set's
// content hash and rewrites the imports to match.

import * as ask from './ask.js';
import { $ } from './dom.js';
import { showEdition, showEditions } from './editions.js';
import { showPage } from './page.js';
import * as search from './search.js';
import { noteRoute, show } from './shell.js';
import { state } from './state.js';
import { showToday } from './today.js';

/** Routes: #/ (Hoy), #/hoy/FECHA, #/preguntar, #/preguntar/ID, #/buscar?…, #/documento/ID/pagina/N?…,
 * #/ediciones, #/ediciones/FECHA. */
function route() {
  const hash = location.hash;
  // "#cita-1-2" and other in-page anchors are not routes: stay on the current view.
  if (hash && !hash.startsWith('#/')) {
    if (state.view === null) showToday(null);
    return;
  }
  noteRoute(hash);
  const [path, query] = (hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  let match;
  if (path === '/' || path === '') {
    showToday(null);
  } else if ((match = /^\/hoy\/(\d{4}-\d{2}-\d{2})$/.exec(path))) {
    showToday(match[1]);
  } else if (path === '/preguntar') {
    show('preguntar');
    // The plain route is a new conversation (back from a conversation's URL, or the navigation link).
    if (state.conversation.id && !state.conversation.busy) ask.resetConversation();
  } else if ((match = /^\/preguntar\/([^/]+)$/.exec(path))) {
    ask.showConversation(match[1]);
  } else if (path === '/buscar') {
    search.showSearch(params);
  } else if (path === '/ediciones') {
    showEditions(params);
  } else if ((match = /^\/ediciones\/(\d{4}-\d{2}-\d{2})$/.exec(path))) {
    showEdition(match[1]);
  } else if ((match = /^\/documento\/(\d+)\/pagina\/(\d+)$/.exec(path))) {
    showPage(match[1], Number(match[2]), params);
  } else {
    show('no-encontrada');
  }
}

function updateOnline() {
  $('offline').hidden = navigator.onLine;
}

function start() {
  ask.init();
  search.init();
  $('skip').addEventListener('click', (event) => {
    // Not a route: move focus without touching the URL.
    event.preventDefault();
    $('main').focus();
  });
  // Back and forward between entries that pushState made fire popstate (and, where the hash differs, hashchange):
  // route once per change.
  const routeIfChanged = () => {
    if (location.hash !== state.currentRoute) route();
  };
  window.addEventListener('hashchange', routeIfChanged);
  window.addEventListener('popstate', routeIfChanged);
  window.addEventListener('online', updateOnline);
  window.addEventListener('offline', updateOnline);
  updateOnline();
  route();
}

// A module runs once the document is parsed; the check keeps that true if it is ever loaded otherwise.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
