// Talking to the API: fetch with errors as values, and what to tell a person about them (in Spanish).

import { el } from './dom.js';

export class APIError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

export async function request(url, options) {
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

export async function getJSON(url) {
  const response = await request(url, { headers: { Accept: 'application/json' } });
  return response.json();
}

/** What to tell a person about a failure, in Spanish; `detail` is the API's own (English) message. */
export function describeError(error) {
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

export function errorMessage(error) {
  const { text, detail } = describeError(error);
  return el('div', { class: 'message error', 'data-error': error.status || error.code },
    el('p', {}, text),
    detail ? el('p', { class: 'detail', lang: 'en' }, detail) : null);
}
