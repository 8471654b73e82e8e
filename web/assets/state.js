// The page's shared mutable state, in one place: every view reads and changes it here, nowhere else.

export const state = {
  /** The view on screen ('preguntar', 'buscar', …), null before the first route. */
  view: null,
  /** The route shown (a `#/…` hash) and the one before it (where a page's «Volver» goes). */
  currentRoute: null,
  previousRoute: '#/',
  /** Preguntar. `serial` changes whenever the shown conversation is replaced, so late answers and loads
   * know they are stale. */
  conversation: { id: null, turns: 0, busy: false, serial: 0 },
  /** Buscar. `serial` numbers searches (a late answer to an older one is dropped); `pagerUsed` is set when
   * a pager link was followed, so the new page's count takes the focus. */
  search: { serial: 0, pagerUsed: false },
  /** Hoy. `serial` numbers summary loads and `calendarSerial` month loads (a late answer to an older one is
   * dropped). */
  today: { serial: 0, calendarSerial: 0 },
};
