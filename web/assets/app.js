// GacetaChat's web page: ask (streamed answers with citations), search, read a cited page, list editions.
// Plain JavaScript, no dependencies; every text from the server is inserted as text, never as HTML.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------
  // Small DOM and formatting helpers

  /** An element with attributes (`class`, `href`, data-*, …) and children (strings become text). */
  function el(tag, attributes, ...children) {
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

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  const dateFormat = new Intl.DateTimeFormat('es-CR', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });

  /** "2024-07-15" → "lunes 15 de julio de 2024". */
  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!match) return iso || '';
    return dateFormat.format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])));
  }

  const numberFormat = new Intl.NumberFormat('es-CR');

  function plural(count, one, many) {
    return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
  }

  /** "La Gaceta Nº 129 · lunes 15 de julio de 2024 · página 13" for a hit, a citation or a page. */
  function sourceLine(item) {
    const parts = [];
    parts.push(item.edition_number ? `La Gaceta Nº ${item.edition_number}` : 'La Gaceta');
    parts.push(formatDate(item.edition_date));
    parts.push(pageLabel(item));
    return parts.join(' · ');
  }

  function pageLabel(item) {
    return item.printed_page ? `página ${item.printed_page}` : `página ${item.page} del PDF`;
  }

  function pageRoute(documentId, page, extra) {
    const query = new URLSearchParams(extra || {}).toString();
    return `#/documento/${documentId}/pagina/${page}${query ? `?${query}` : ''}`;
  }

  /** The API's snippet (HTML-escaped text with <mark> around matches) as DOM nodes, without innerHTML. */
  function snippetNodes(snippet) {
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

  function markedTerms(snippet) {
    const terms = new Set();
    for (const match of String(snippet || '').matchAll(/<mark>(.*?)<\/mark>/g)) {
      const term = decodeEntities(match[1]).trim();
      if (term) terms.add(term);
    }
    return [...terms];
  }

  function decodeEntities(text) {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return named[name] ?? whole;
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  // ---------------------------------------------------------------------------------------------
  // Talking to the API

  class APIError extends Error {
    constructor(status, code, message) {
      super(message || code);
      this.status = status;
      this.code = code;
    }
  }

  async function request(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (error) {
      throw new APIError(0, 'offline', String(error && error.message || error));
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function errorFrom(response) {
    let code = 'http_' + response.status;
    let message = '';
    try {
      const body = await response.json();
      if (body && body.error) {
        code = body.error.code || code;
        message = body.error.message || '';
      }
    } catch (ignored) {
      // Not JSON (a proxy's page): the status says enough.
    }
    return new APIError(response.status, code, message);
  }

  async function getJSON(url) {
    const response = await request(url, { headers: { Accept: 'application/json' } });
    return response.json();
  }

  /** What to tell a person about a failure, in Spanish; `detail` is the API's own (English) message. */
  function describeError(error) {
    const status = error.status;
    if (status === 0 || !navigator.onLine) {
      return { text: 'Sin conexión: no se pudo llegar al servidor. Revise su conexión a internet y vuelva a intentarlo.' };
    }
    if (status === 429) {
      return { text: 'Hay demasiadas consultas en este momento. Espere unos segundos y vuelva a intentarlo.' };
    }
    if (status === 502 || status === 503 || status === 504) {
      return { text: 'El servicio está ocupado o no disponible en este momento. Vuelva a intentarlo en unos segundos.' };
    }
    const known = {
      empty_question: 'Escriba una pregunta.',
      question_too_long: 'La pregunta es demasiado larga; acórtela.',
      too_many_turns: 'Esta conversación llegó a su límite de preguntas. Empiece una nueva conversación.',
      conversation_not_found: 'La conversación ya no existe. Empiece una nueva.',
      invalid_query: 'La búsqueda no se pudo entender.',
      missing_query: 'Escriba qué buscar.',
      not_found: 'No se encontró lo que pidió.',
      stream_interrupted: 'La respuesta se interrumpió. Vuelva a intentarlo.',
    };
    return {
      text: known[error.code] || `No se pudo completar la consulta (error ${status || error.code}).`,
      detail: error.message && error.message !== error.code ? error.message : '',
    };
  }

  function errorMessage(error) {
    const { text, detail } = describeError(error);
    return el('div', { class: 'message error', 'data-error': error.status || error.code },
      el('p', {}, text),
      detail ? el('p', { class: 'detail', lang: 'en' }, detail) : null);
  }

  // ---------------------------------------------------------------------------------------------
  // Views and routing (#/, #/preguntar/ID, #/buscar?…, #/documento/ID/pagina/N?…, #/ediciones, #/ediciones/FECHA)

  const titles = {
    preguntar: 'Preguntar', buscar: 'Buscar', pagina: 'Página', ediciones: 'Ediciones', edicion: 'Edición',
    'no-encontrada': 'No encontrada',
  };
  let currentView = null;
  let previousRoute = '#/';
  let currentRoute = null;

  function show(view, title) {
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
    if (currentView !== null && currentView !== view) {
      // A new view: move focus to its heading, so keyboard and screen reader users start there.
      const heading = document.querySelector(`#view-${view} h1`);
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
    currentView = view;
  }

  function noteRoute(hash) {
    if (currentRoute !== null && currentRoute !== hash) previousRoute = currentRoute;
    currentRoute = hash;
  }

  /** Puts `hash` in the address bar without a `hashchange` (the page already shows it). */
  function setRoute(hash, push) {
    if (location.hash === hash) return;
    if (push) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
    noteRoute(hash);
  }

  function route() {
    const hash = location.hash;
    // "#cita-1-2" and other in-page anchors are not routes: stay on the current view.
    if (hash && !hash.startsWith('#/')) {
      if (currentView === null) show('preguntar');
      return;
    }
    noteRoute(hash);
    const [path, query] = (hash.slice(1) || '/').split('?');
    const params = new URLSearchParams(query || '');
    let match;
    if (path === '/' || path === '') {
      show('preguntar');
      // The plain route is a new conversation (back from a conversation's URL, or the brand link).
      if (conversation.id && !conversation.busy) resetConversation();
    } else if ((match = /^\/preguntar\/([^/]+)$/.exec(path))) {
      showConversation(match[1]);
    } else if (path === '/buscar') {
      showSearch(params);
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

  // ---------------------------------------------------------------------------------------------
  // Preguntar: a conversation of streamed, cited answers

  // `serial` changes whenever the shown conversation is replaced, so late answers and loads know they are stale.
  const conversation = { id: null, turns: 0, busy: false, serial: 0 };

  const conversationRoute = (id) => `#/preguntar/${id}`;

  /** Whether the address bar shows Preguntar (plain or a conversation), so it may take the conversation's URL. */
  function onAskRoute() {
    return !currentRoute || currentRoute === '#/' || currentRoute.startsWith('#/preguntar/');
  }

  async function ask(event) {
    event.preventDefault();
    if (conversation.busy) return;
    const textarea = $('question');
    const question = textarea.value.trim();
    const status = $('ask-status');
    if (!question) {
      status.textContent = 'Escriba una pregunta.';
      textarea.focus();
      return;
    }
    conversation.busy = true;
    $('ask-button').disabled = true;
    status.textContent = 'Buscando en La Gaceta…';
    if ($('conversation').dataset.state === 'error') {
      // The message about a conversation that could not be opened: this question starts a new one.
      delete clear($('conversation')).dataset.state;
    }
    const serial = conversation.serial;
    const { article, answer, turn } = addTurn(question, 'streaming');
    try {
      let body;
      try {
        body = await streamAnswer(question, conversation.id, answer, turn);
      } catch (error) {
        if (error.code !== 'conversation_not_found' || !conversation.id) throw error;
        // The old conversation expired: ask again in a new one.
        conversation.id = null;
        body = await streamAnswer(question, null, answer, turn);
      }
      // Another conversation was opened meanwhile (back, forward, a link): this answer is saved, not shown.
      if (serial !== conversation.serial) return;
      finishTurn(article, answer, body, turn, question);
      conversationReady(body.conversation_id || conversation.id);
      textarea.value = '';
      status.textContent = body.citations && body.citations.length
        ? `Respuesta lista, con ${plural(body.citations.length, 'fuente', 'fuentes')}.`
        : 'No se encontró nada sobre eso.';
    } catch (error) {
      if (serial !== conversation.serial) return;
      article.dataset.state = 'error';
      answer.removeAttribute('aria-busy');
      clear(answer).append(errorMessage(error));
      status.textContent = 'No se pudo responder la pregunta; vea el mensaje arriba.';
      if (error.code === 'too_many_turns' || error.code === 'conversation_not_found') conversation.id = null;
    } finally {
      conversation.busy = false;
      $('ask-button').disabled = false;
      textarea.focus();
    }
  }

  /** POSTs the question asking for server-sent events; renders tokens as they come; resolves with `done`. */
  async function streamAnswer(question, conversationId, answer, turn) {
    const payload = { question };
    if (conversationId) payload.conversation_id = conversationId;
    const response = await request('/api/v1/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(payload),
    });
    const type = response.headers.get('Content-Type') || '';
    if (!type.includes('text/event-stream')) return response.json();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let text = '';
    let tokens = 0;
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new APIError(0, 'offline', String(error));
      }
      buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
      const blocks = buffer.split(/\r?\n\r?\n/);
      buffer = chunk.done ? '' : blocks.pop();
      for (const block of blocks) {
        const event = parseEvent(block);
        if (!event) continue;
        if (event.name === 'token') {
          text += event.data.text || '';
          answer.closest('.turn').dataset.tokens = ++tokens;
          renderAnswer(answer, text, null, turn);
        } else if (event.name === 'done') {
          return event.data;
        } else if (event.name === 'error') {
          throw new APIError(500, event.data.code || 'internal_error', event.data.message);
        }
      }
      if (chunk.done) throw new APIError(0, 'stream_interrupted', '');
    }
  }

  function parseEvent(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (!data.length) return null;
    try {
      return { name, data: JSON.parse(data.join('\n')) };
    } catch (ignored) {
      return null;
    }
  }

  /** The answer's text with each `[n]` a link to citation n of this turn (all of them while streaming). */
  function renderAnswer(answer, text, citations, turn) {
    const known = citations ? new Set(citations.map((citation) => citation.n)) : null;
    const nodes = [];
    for (const [index, part] of text.split(/\[(\d+)\]/).entries()) {
      if (index % 2 === 0) {
        if (part) nodes.push(part);
        continue;
      }
      const n = Number(part);
      if (known && !known.has(n)) nodes.push(`[${part}]`);
      else nodes.push(el('a', { class: 'ref', href: `#cita-${turn}-${n}`, 'aria-label': `fuente ${n}` }, `[${n}]`));
    }
    clear(answer).append(...nodes);
  }

  function finishTurn(article, answer, body, turn, question) {
    const citations = body.citations || [];
    renderAnswer(answer, body.answer || '', citations, turn);
    answer.removeAttribute('aria-busy');
    article.dataset.state = 'done';
    if (!citations.length) {
      article.classList.add('nothing');
      answer.after(el('p', { class: 'message notice' },
        'No hay publicaciones sobre eso entre las ediciones indexadas. Pruebe con otras palabras o ',
        el('a', { href: `#/buscar?${new URLSearchParams({ q: question })}` }, 'busque el texto'), '.'));
      return;
    }
    const list = el('ol', { class: 'citations' });
    for (const citation of citations) {
      list.append(el('li', { id: `cita-${turn}-${citation.n}`, tabindex: '-1', value: citation.n },
        el('p', { class: 'cite-title' },
          el('a', { href: pageRoute(citation.document_id, citation.page, { cita: citation.quote }) },
            citation.document_title || 'Documento sin título')),
        el('p', { class: 'meta' }, sourceLine(citation)),
        el('blockquote', {}, citation.quote),
        citation.reference ? copyCiteButton(citation.reference) : ''));
    }
    article.append(el('h2', { class: 'sources' }, 'Fuentes'), list);
  }

  /** A turn's article, appended to the conversation: the question, and an answer still to fill. */
  function addTurn(question, state) {
    conversation.turns += 1;
    const turn = conversation.turns;
    const answer = el('div', { class: 'answer', 'aria-busy': 'true' });
    const article = el('article', { class: 'turn', 'data-state': state, 'aria-label': `Pregunta ${turn}` },
      el('p', { class: 'question' }, el('span', { class: 'sr-only' }, 'Pregunta: '), question),
      answer);
    $('conversation').append(article);
    return { article, answer, turn };
  }

  /** The conversation `id` is shown: follow-ups continue it, and its URL reopens it (reload, back, a shared link). */
  function conversationReady(id) {
    conversation.id = id;
    $('conversation').dataset.conversation = id || '';
    $('question-label').textContent = 'Otra pregunta (sigue la misma conversación)';
    $('new-conversation').hidden = false;
    if (!id) return;
    $('share-url').value = `${location.origin}${location.pathname}${conversationRoute(id)}`;
    $('share-status').textContent = '';
    $('share').hidden = false;
    const link = document.querySelector('header.site nav a[data-view=preguntar]');
    link.setAttribute('href', conversationRoute(id));
    if (onAskRoute()) setRoute(conversationRoute(id), false);
  }

  function resetConversation() {
    conversation.id = null;
    conversation.turns = 0;
    conversation.serial += 1;
    const container = clear($('conversation'));
    container.dataset.conversation = '';
    delete container.dataset.state;
    $('new-conversation').hidden = true;
    $('share').hidden = true;
    $('question-label').textContent = 'Su pregunta';
    $('ask-status').textContent = '';
    document.querySelector('header.site nav a[data-view=preguntar]').setAttribute('href', '#/');
  }

  function newConversation() {
    resetConversation();
    setRoute('#/', true);
    $('question').value = '';
    $('ask-status').textContent = 'Nueva conversación.';
    $('question').focus();
  }

  /** `#/preguntar/ID`: the conversation as the API keeps it, each turn rendered as a live answer is. */
  async function showConversation(id) {
    show('preguntar', 'Conversación');
    if (id === conversation.id) return;
    resetConversation();
    const serial = conversation.serial;
    const container = $('conversation');
    const status = $('ask-status');
    container.dataset.state = 'loading';
    status.textContent = 'Cargando la conversación…';
    let body;
    try {
      body = await getJSON(`/api/v1/conversations/${encodeURIComponent(id)}`);
    } catch (error) {
      if (serial !== conversation.serial) return;
      // Unknown or expired (404 conversation_not_found), or unreachable: say so; the ask box starts a new one.
      container.append(errorMessage(error));
      container.dataset.state = 'error';
      status.textContent = '';
      $('question').value = '';
      return;
    }
    if (serial !== conversation.serial) return;
    for (const saved of body.turns || []) {
      const { article, answer, turn } = addTurn(saved.question, 'streaming');
      finishTurn(article, answer, saved, turn, saved.question);
    }
    conversationReady(body.id || id);
    container.dataset.state = 'done';
    status.textContent = `Conversación de ${plural((body.turns || []).length, 'pregunta', 'preguntas')}.`;
  }

  /** «Copiar cita»: copies a citation's ready-to-paste reference; without the clipboard, shows it selected. */
  function copyCiteButton(reference) {
    const status = el('span', { class: 'copy-status', role: 'status' });
    const button = el('button', { type: 'button', class: 'copy-cite', 'data-reference': reference }, 'Copiar cita');
    button.addEventListener('click', async () => {
      try {
        if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
        await navigator.clipboard.writeText(reference);
        status.textContent = 'Cita copiada.';
      } catch (ignored) {
        const input = el('input', { type: 'text', readonly: '', value: reference, class: 'copy-fallback' });
        clear(status).append(input);
        input.focus();
        input.select();
      }
    });
    return el('p', { class: 'copy' }, button, ' ', status);
  }

  /** Copies the conversation's URL; without clipboard permission, selects it for the reader to copy. */
  async function copyLink() {
    const input = $('share-url');
    const status = $('share-status');
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(input.value);
      status.textContent = 'Enlace copiado.';
    } catch (ignored) {
      input.focus();
      input.select();
      status.textContent = 'Enlace seleccionado: cópielo con Ctrl+C (en el teléfono, manténgalo pulsado).';
    }
  }

  /** `[n]` moves to its citation without touching the URL, which keeps naming the conversation. */
  function followReference(event) {
    const link = event.target.closest('a.ref');
    const target = link && document.getElementById((link.getAttribute('href') || '').slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Buscar: the URL holds the query, so a search can be shared and bookmarked

  const perPage = 10;
  const searchFields = ['q', 'from', 'to', 'section'];

  function submitSearch(event) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const name of searchFields) {
      const value = $(name).value.trim();
      if (value) params.set(name, value);
    }
    const target = `#/buscar?${params}`;
    if (location.hash === target) showSearch(params);
    else location.hash = target;
  }

  let searchSerial = 0;
  let pagerUsed = false;

  async function showSearch(params) {
    show('buscar', params.get('q') ? `Buscar «${params.get('q')}»` : 'Buscar');
    for (const name of searchFields) $(name).value = params.get(name) || '';
    const status = clear($('search-status'));
    const results = clear($('results'));
    const pager = clear($('pager'));
    pager.hidden = true;
    const q = (params.get('q') || '').trim();
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
    for (const name of searchFields) if (params.get(name)) query.set(name, params.get(name));
    query.set('page', page);
    query.set('per_page', perPage);
    const serial = ++searchSerial;
    results.dataset.state = 'loading';
    status.textContent = 'Buscando…';
    let body;
    try {
      body = await getJSON(`/api/v1/search?${query}`);
    } catch (error) {
      if (serial !== searchSerial) return;
      clear(status).append(errorMessage(error));
      results.dataset.state = 'error';
      return;
    }
    if (serial !== searchSerial) return;
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
    if (pagerUsed) {
      // Another page of results: start reading at its count, not at the bottom of the old page.
      pagerUsed = false;
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

  // ---------------------------------------------------------------------------------------------
  // Página: the text of one page, the cited passage highlighted, and the PDF at that page

  async function showPage(documentId, page, params) {
    show('pagina');
    $('page-back').setAttribute('href', previousRoute.startsWith('#/documento/') ? '#/' : previousRoute);
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
    $('page-meta').append(sourceLine(body), ` (página ${body.page} de ${body.page_count} del PDF)`);
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
    if (body.page > 1) nav.append(el('a', { href: pageRoute(documentId, body.page - 1), rel: 'prev' }, '← Página anterior'));
    else nav.append(el('span', { 'aria-hidden': 'true' }));
    nav.append(el('span', { class: 'where' }, `Página ${body.page} de ${body.page_count}`));
    if (body.page < body.page_count) {
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

  // ---------------------------------------------------------------------------------------------
  // Ediciones

  const editionsPerPage = 30;

  async function showEditions(params) {
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

  async function showEdition(date) {
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

  // ---------------------------------------------------------------------------------------------
  // Start

  function updateOnline() {
    $('offline').hidden = navigator.onLine;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('ask-form').addEventListener('submit', ask);
    $('question').addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter starts a new line (as in chat programs).
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $('ask-form').requestSubmit();
      }
    });
    $('new-conversation').addEventListener('click', newConversation);
    $('conversation').addEventListener('click', followReference);
    $('share-copy').addEventListener('click', copyLink);
    $('share-url').addEventListener('focus', (event) => event.target.select());
    $('search-form').addEventListener('submit', submitSearch);
    $('pager').addEventListener('click', (event) => {
      if (event.target.closest('a')) pagerUsed = true;
    });
    $('skip').addEventListener('click', (event) => {
      // Not a route: move focus without touching the URL.
      event.preventDefault();
      $('main').focus();
    });
    // Back and forward between entries that pushState made fire popstate (and, where the hash differs, hashchange):
    // route once per change.
    const routeIfChanged = () => {
      if (location.hash !== currentRoute) route();
    };
    window.addEventListener('hashchange', routeIfChanged);
    window.addEventListener('popstate', routeIfChanged);
    window.addEventListener('online', updateOnline);
    window.addEventListener('offline', updateOnline);
    updateOnline();
    route();
  });
})();
