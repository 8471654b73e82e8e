// «Seguir esta búsqueda»: the search's Atom feed, and e-mail alerts when the server sends mail (GET /api/v1/alerts
// answers 404 alerts_disabled otherwise, and the form stays hidden).

import { describeError, request } from './api.js';
import { $, clear, el } from './dom.js';

let alertsEnabled;

async function alertsAvailable() {
  if (alertsEnabled === undefined) {
    try {
      await request('/api/v1/alerts', { headers: { Accept: 'application/json' } });
      alertsEnabled = true;
    } catch (error) {
      // 404 alerts_disabled: no mail on this server. Anything else: try again on the next search.
      if (error.code === 'alerts_disabled') alertsEnabled = false;
      else return false;
    }
  }
  return alertsEnabled;
}

let current = { q: '', section: '' };

/** Shows the panel for the search in `params` (hidden without a query). */
export async function showFollow(params) {
  const panel = $('follow');
  const q = (params.get('q') || '').trim();
  current = { q, section: (params.get('section') || '').trim() };
  panel.hidden = !q;
  if (!q) return;
  const feed = new URLSearchParams({ q });
  if (current.section) feed.set('section', current.section);
  $('follow-atom').href = `/api/v1/search.atom?${feed}`;
  clear($('follow-status'));
  $('follow-email').removeAttribute('aria-invalid');
  $('follow-form').hidden = !(await alertsAvailable());
}

async function submitFollow(event) {
  event.preventDefault();
  const status = clear($('follow-status'));
  const input = $('follow-email');
  const email = input.value.trim();
  if (!email || !input.checkValidity()) {
    input.setAttribute('aria-invalid', 'true');
    status.append(el('p', { class: 'message error' }, 'Escriba una dirección de correo válida, como nombre@ejemplo.org.'));
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  const body = { email, q: current.q, frequency: $('follow-frequency').value };
  if (current.section) body.section = current.section;
  const button = $('follow-form').querySelector('button');
  button.disabled = true;
  status.append(el('p', {}, 'Enviando…'));
  try {
    await request('/api/v1/alerts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    clear(status).append(el('p', { class: 'message notice' },
      `Listo. Si la dirección puede recibir alertas, le llegará un correo para confirmarla (revise también el correo no deseado).`));
  } catch (error) {
    const text = error.code === 'invalid_email'
      ? 'Esa dirección de correo no es válida.'
      : describeError(error).text;
    if (error.code === 'invalid_email') input.setAttribute('aria-invalid', 'true');
    clear(status).append(el('p', { class: 'message error' }, text));
  } finally {
    button.disabled = false;
  }
}

/** Binds the form. */
export function init() {
  $('follow-form').addEventListener('submit', submitFollow);
}
