// Nothing typed is lost: with `draft: 'local'` the entries are kept in this browser's localStorage as
// the clerk works (never sent anywhere) and put back after a reload or a crash. A draft is saved
// with its errors; only the upload is blocked.
//
// Each draft carries the id of the page (tab) that wrote it and when: a page that finds a draft it
// has not seen (another tab wrote it since) asks before writing over it. What is typed while the
// checker is still loading, before the cells are known, is kept under a key of its own by the
// controls' names (`saveEarly`), and taken into the draft once the checker runs.

const VERSION = 1;

/** The storage key of one form on one page, unless the portal names its own. */
export function draftKey(form, formId, custom) {
  if (custom) return custom;
  const which = form.id || form.getAttribute('name') || String([...document.forms].indexOf(form));
  return `disclosure-report:draft:${location.pathname}:${which}:${formId}`;
}

/** The key of what was typed before the checker was ready (the version is not known yet). */
export function earlyKey(form, custom) {
  return draftKey(form, 'early', custom ? `${custom}:early` : undefined);
}

/** An id for this page's drafts, told apart from another tab's. */
export function pageId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function storage() {
  try {
    return window.localStorage ?? null;
  } catch {
    return null; // storage disabled (a privacy setting): the clerk is told when a save fails
  }
}

function read(key) {
  const store = storage();
  if (!store) return null;
  try {
    const saved = JSON.parse(store.getItem(key) ?? 'null');
    if (!saved || saved.version !== VERSION || typeof saved.values !== 'object' || saved.values === null) return null;
    const values = {};
    for (const [id, text] of Object.entries(saved.values)) {
      if (typeof text === 'string') values[id] = text;
    }
    return { savedAt: String(saved.savedAt ?? ''), tab: String(saved.tab ?? ''), values };
  } catch {
    return null; // a draft written by something else, or damaged: ignore it
  }
}

/** 'saved', or why not: 'full' (the quota) or 'denied' (storage disabled or refused). */
function write(key, record) {
  const store = storage();
  if (!store) return 'denied';
  try {
    store.setItem(key, JSON.stringify({ version: VERSION, ...record }));
    return 'saved';
  } catch (error) {
    const full = error?.name === 'QuotaExceededError' || error?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error?.code === 22;
    return full ? 'full' : 'denied';
  }
}

/** The saved draft, or null: { savedAt, tab, values: { [cellOrField]: text } }. */
export function loadDraft(key) {
  return read(key);
}

/** Which save a draft is (who wrote it, when): '' for none. */
export function stampOf(draft) {
  return draft ? `${draft.savedAt}|${draft.tab}` : '';
}

/**
 * Save the entries as written by page `tab`. Returns { status, savedAt, stamp }: status 'saved',
 * 'full' or 'denied' (the form keeps working; only the draft is not kept).
 */
export function saveDraft(key, values, tab = '') {
  const savedAt = new Date().toISOString();
  const status = write(key, { savedAt, tab, values });
  return { status, savedAt, stamp: status === 'saved' ? stampOf({ savedAt, tab }) : '' };
}

export function clearDraft(key) {
  const store = storage();
  try {
    store?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

// ------------------------------------------------------------------------------------------------
// Before the checker is ready: the controls typed into, by a name that does not need the cells.

/** A control's name in the form that survives a reload: its id, its name (and which of that name), or its place. */
export function controlRef(form, control) {
  if (control.id) return `#${control.id}`;
  const elements = [...form.elements];
  const name = control.getAttribute('name');
  if (name) return `name=${name}@${elements.filter((e) => e.getAttribute('name') === name).indexOf(control)}`;
  return `@${elements.indexOf(control)}`;
}

/** The control a `controlRef` names, or null. */
export function findControl(form, ref) {
  const elements = [...form.elements];
  if (ref.startsWith('#')) return elements.find((e) => e.id === ref.slice(1)) ?? null;
  const named = /^name=(.*)@(\d+)$/.exec(ref);
  if (named) return elements.filter((e) => e.getAttribute('name') === named[1])[Number(named[2])] ?? null;
  const placed = /^@(\d+)$/.exec(ref);
  return placed ? elements[Number(placed[1])] ?? null : null;
}

/** Keep what `controls` hold now, with what an earlier page kept under the same key (this page's values win). */
export function saveEarly(key, form, controls) {
  const values = { ...(read(key)?.values ?? {}) };
  for (const control of controls) if (form.contains(control)) values[controlRef(form, control)] = control.value;
  return write(key, { savedAt: new Date().toISOString(), tab: '', values });
}

/** What was typed before the checker was ready, on this page or an earlier one: { savedAt, values: { ref: text } }. */
export function loadEarly(key) {
  return read(key);
}
