// Preguntar: a conversation of streamed, cited answers; its URL (#/preguntar/ID) reopens it.

import { errorMessage, getJSON } from './api.js';
import { $, clear, el, pageRoute, plural, sourceLine } from './dom.js';
import { setRoute, show } from './shell.js';
import { state } from './state.js';
import { streamAnswer } from './stream.js';

const conversation = state.conversation;

const conversationRoute = (id) => `#/preguntar/${id}`;

/** Whether the address bar shows Preguntar (plain or a conversation), so it may take the conversation's URL. */
function onAskRoute() {
  const route = state.currentRoute || '';
  return route === '#/preguntar' || route.startsWith('#/preguntar/');
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
  const onText = (text, tokens) => {
    article.dataset.tokens = tokens;
    renderAnswer(answer, text, null, turn);
  };
  try {
    let body;
    try {
      body = await streamAnswer(question, conversation.id, onText);
    } catch (error) {
      if (error.code !== 'conversation_not_found' || !conversation.id) throw error;
      // The old conversation expired: ask again in a new one.
      conversation.id = null;
      body = await streamAnswer(question, null, onText);
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

export function resetConversation() {
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
  document.querySelector('header.site nav a[data-view=preguntar]').setAttribute('href', '#/preguntar');
}

function newConversation() {
  resetConversation();
  setRoute('#/preguntar', true);
  $('question').value = '';
  $('ask-status').textContent = 'Nueva conversación.';
  $('question').focus();
}

/** `#/preguntar/ID`: the conversation as the API keeps it, each turn rendered as a live answer is. */
export async function showConversation(id) {
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

/** Binds Preguntar's controls. */
export function init() {
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
}
