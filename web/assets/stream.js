// The chat API's server-sent events (token, citations, done, error), read with fetch and a stream reader.

import { APIError, request } from './api.js';

/**
 * POSTs the question asking for server-sent events; calls `onText(text, tokens)` with the answer so far as
 * tokens come; resolves with the `done` event's body (or the JSON answer when the server does not stream).
 */
export async function streamAnswer(question, conversationId, onText) {
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
        onText(text, ++tokens);
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
