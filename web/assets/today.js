// Hoy en La Gaceta (the landing view): a day's summary, five bullets each linking to the page it cites, and a
// calendar of the stored editions that opens any day's summary. #/ shows the newest edition, #/hoy/FECHA a day.

import { describeError, errorMessage, getJSON } from './api.js';
import { $, clear, el, formatDate, pageLabel, pageRoute } from './dom.js';
import { show } from './shell.js';
import { state } from './state.js';

const monthNames = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
  'octubre', 'noviembre', 'diciembre'];
const weekdays = ['lu', 'ma', 'mi', 'ju', 'vi', 'sá', 'do'];
const weekdayNames = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

const pad = (number) => String(number).padStart(2, '0');
const isoDate = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const parseDate = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};
const addDays = (iso, days) => {
  const date = parseDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
};
const addMonths = (iso, months) => {
  const date = parseDate(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return isoDate(date);
};

/** #/ (date null: the newest stored edition) or #/hoy/FECHA. */
export async function showToday(date) {
  show('hoy', date ? `Resumen del ${formatDate(date)}` : 'Hoy en La Gaceta');
  $('h-hoy').textContent = date ? 'Resumen del día' : 'Hoy en La Gaceta';
  const serial = ++state.today.serial;
  const status = clear($('today-status'));
  const bullets = clear($('today-bullets'));
  bullets.dataset.state = 'loading';
  $('today-date').textContent = date ? formatDate(date) : '';
  $('today-meta').textContent = '';
  let day = date;
  if (!day) {
    try {
      const body = await getJSON('/api/v1/editions?per_page=1');
      day = body.editions.length ? body.editions[0].date : null;
    } catch (error) {
      if (serial !== state.today.serial) return;
      status.append(errorMessage(error));
      bullets.dataset.state = 'error';
      return;
    }
    if (serial !== state.today.serial) return;
    if (!day) {
      status.append(el('p', { class: 'message notice' }, 'Todavía no hay ediciones indexadas.'));
      bullets.dataset.state = 'empty';
      showCalendar(isoDate(new Date()), null);
      return;
    }
    $('today-date').textContent = formatDate(day);
  }
  showCalendar(day, day);
  let summary;
  try {
    summary = await getJSON(`/api/v1/editions/${day}/summary`);
  } catch (error) {
    if (serial !== state.today.serial) return;
    if (error.code === 'summary_missing') {
      const { detail } = describeError(error);
      status.append(el('div', { class: 'message notice', 'data-error': 'summary_missing' },
        el('p', {}, `No hay resumen del ${formatDate(day)}.`),
        detail ? el('p', { class: 'detail', lang: 'en' }, detail) : null));
    } else {
      status.append(errorMessage(error));
    }
    bullets.dataset.state = 'error';
    return;
  }
  if (serial !== state.today.serial) return;
  const edition = [summary.publication || 'La Gaceta', summary.edition_number ? `Nº ${summary.edition_number}` : null]
    .filter(Boolean).join(' ');
  $('today-meta').textContent = `${edition} · ${summary.provider === 'openai' ? 'resumen escrito por un modelo y '
    + 'verificado contra cada página' : 'frases tomadas de cada página'}`;
  for (const bullet of summary.bullets) {
    bullets.append(el('li', { 'data-page': bullet.page, 'data-provider': bullet.provider },
      el('p', {}, bullet.text),
      el('p', { class: 'meta' },
        el('a', { href: pageRoute(bullet.document_id, bullet.page) }, `${bullet.document_title} · ${pageLabel(bullet)}`),
        bullet.tags.length ? el('span', { class: 'tags' }, ...bullet.tags.map((tag) => el('span', { class: 'tag' }, tag)))
          : null)));
  }
  bullets.dataset.state = 'done';
}

/** The calendar of the month holding `focusDate`, days with an edition as links; `selected` is the day shown. */
async function showCalendar(focusDate, selected) {
  const calendar = $('calendar');
  const serial = ++state.today.calendarSerial;
  const first = `${focusDate.slice(0, 8)}01`;
  const last = addDays(addMonths(first, 1), -1);
  let dates = new Set();
  try {
    const body = await getJSON(`/api/v1/editions?from=${first}&to=${last}`);
    dates = new Set(body.editions.map((edition) => edition.date));
  } catch (error) {
    if (serial !== state.today.calendarSerial) return;
    clear(calendar).append(errorMessage(error));
    return;
  }
  if (serial !== state.today.calendarSerial) return;
  const hadFocus = calendar.contains(document.activeElement);
  const month = parseDate(first);
  const title = `${monthNames[month.getUTCMonth()]} de ${month.getUTCFullYear()}`;
  const grid = el('table', { class: 'month', role: 'grid', 'aria-labelledby': 'calendar-title' });
  grid.append(el('thead', {}, el('tr', {}, ...weekdays.map((day, index) =>
    el('th', { scope: 'col', abbr: weekdayNames[index] }, day)))));
  const body = el('tbody');
  let row = el('tr');
  const lead = (month.getUTCDay() + 6) % 7;
  for (let index = 0; index < lead; index += 1) row.append(el('td', { role: 'gridcell' }));
  const links = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const number = String(Number(day.slice(8)));
    const cell = el('td', { role: 'gridcell' });
    if (dates.has(day)) {
      const link = el('a', {
        href: `#/hoy/${day}`, 'data-date': day, tabindex: '-1', 'aria-label': formatDate(day),
        'aria-current': day === selected ? 'date' : null,
      }, number);
      cell.append(link);
      links.push(link);
    } else {
      cell.append(el('span', { class: 'no-edition', 'aria-hidden': 'true' }, number));
    }
    row.append(cell);
    if (row.children.length === 7) {
      body.append(row);
      row = el('tr');
    }
  }
  if (row.children.length) body.append(row);
  grid.append(body);
  // One day takes Tab (roving tabindex): the focused date, else the next day with an edition, else the last.
  const focusable = links.find((link) => link.dataset.date >= focusDate) || links[links.length - 1];
  if (focusable) focusable.setAttribute('tabindex', '0');
  clear(calendar).append(
    el('div', { class: 'calendar-head' },
      el('button', { type: 'button', class: 'secondary', id: 'calendar-prev', 'aria-label': 'Mes anterior' }, '←'),
      el('h2', { id: 'calendar-title', 'aria-live': 'polite' }, title),
      el('button', { type: 'button', class: 'secondary', id: 'calendar-next', 'aria-label': 'Mes siguiente' }, '→')),
    grid,
    el('p', { class: 'help' }, dates.size
      ? 'Flechas: moverse entre los días con edición; Re Pág y Av Pág: cambiar de mes; Entrar: abrir el resumen.'
      : 'No hay ediciones indexadas en este mes.'));
  $('calendar-prev').addEventListener('click', () => showCalendar(addMonths(first, -1), selected));
  $('calendar-next').addEventListener('click', () => showCalendar(addMonths(first, 1), selected));
  grid.addEventListener('keydown', (event) => onCalendarKey(event, selected));
  if (hadFocus && focusable) focusable.focus();
}

/** Arrow keys move among the days with an edition (a week up or down), PageUp/PageDown change the month. */
function onCalendarKey(event, selected) {
  const link = event.target.closest('a[data-date]');
  if (!link) return;
  const links = [...$('calendar').querySelectorAll('a[data-date]')];
  const index = links.indexOf(link);
  const date = link.dataset.date;
  let target = null;
  if (event.key === 'ArrowRight') target = links[index + 1];
  else if (event.key === 'ArrowLeft') target = links[index - 1];
  else if (event.key === 'ArrowDown') target = links.find((other) => other.dataset.date >= addDays(date, 7));
  else if (event.key === 'ArrowUp') {
    target = [...links].reverse().find((other) => other.dataset.date <= addDays(date, -7));
  } else if (event.key === 'Home') target = links[0];
  else if (event.key === 'End') target = links[links.length - 1];
  else if (event.key === 'PageUp' || event.key === 'PageDown') {
    event.preventDefault();
    showCalendar(addMonths(date, event.key === 'PageUp' ? -1 : 1), selected).then(() => {
      const focus = $('calendar').querySelector('a[tabindex="0"]') || $('calendar-title');
      if (focus) focus.focus();
    });
    return;
  } else if (event.key === ' ') {
    event.preventDefault();
    link.click();
    return;
  } else return;
  event.preventDefault();
  if (!target) return;
  link.setAttribute('tabindex', '-1');
  target.setAttribute('tabindex', '0');
  target.focus();
}
