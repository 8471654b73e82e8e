// The page's shell: which view is shown, the active navigation link, the title, focus, and the route in the
// address bar (the routes themselves are in app.js).

import { state } from './state.js';

const titles = {
  hoy: 'Hoy en La Gaceta', preguntar: 'Preguntar', buscar: 'Buscar', pagina: 'Página', ediciones: 'Ediciones', edicion: 'Edición',
  'no-encontrada': 'No encontrada',
};

export function show(view, title) {
  for (const section of document.querySelectorAll('main > .view')) {
    section.hidden = section.id !== `view-${view}`;
  }
  const top = { pagina: null, edicion: 'ediciones', 'no-encontrada': null }[view];
  const active = top === undefined ? view : top;
  for (const link of document.querySelectorAll('header.site nav a')) {
    if (link.dataset.view === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${title || titles[view]} · GacetaChat`;
  if (state.view !== null && state.view !== view) {
    // A new view: move focus to its heading, so keyboard and screen reader users start there.
    const heading = document.querySelector(`#view-${view} h1`);
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
  state.view = view;
}

export function noteRoute(hash) {
  if (state.currentRoute !== null && state.currentRoute !== hash) state.previousRoute = state.currentRoute;
  state.currentRoute = hash;
}

/** Puts `hash` in the address bar without a `hashchange` (the page already shows it). */
export function setRoute(hash, push) {
  if (location.hash === hash) return;
  if (push) history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
  noteRoute(hash);
}
