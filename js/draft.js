// Nothing typed is lost: with `draft: 'local'` the entries are kept in this browser's localStorage as
// the clerk works (never sent anywhere) and put back after a reload or a crash. A draft is saved
// with its errors; only the upload is blocked.

const VERSION = 1;

/** The storage key of one form on one page, unless the portal names its own. */
export function draftKey(form, formId, custom) {
  if (custom) return custom;
  const which = form.id || form.getAttribute('name') || String([...document.forms].indexOf(form));
  return `disclosure-report:draft:${location.pathname}:${which}:${formId}`;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (a privacy setting): drafts are simply not kept
  }
}

/** The saved draft, or null: { savedAt, values: { [cellOrField]: text } }. */
export function loadDraft(key) {
  const store = storage();
  if (!store) return null;
  try {
    const saved = JSON.parse(store.getItem(key) ?? 'null');
    if (!saved || saved.version !== VERSION || typeof saved.values !== 'object' || saved.values === null) return null;
    const values = {};
    for (const [id, text] of Object.entries(saved.values)) {
      if (typeof text === 'string') values[id] = text;
    }
    return { savedAt: String(saved.savedAt ?? ''), values };
  } catch {
    return null; // a draft written by something else, or damaged: ignore it
  }
}

export function saveDraft(key, values) {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(key, JSON.stringify({ version: VERSION, savedAt: new Date().toISOString(), values }));
  } catch {
    // Quota exceeded or storage refused: the form still works, only the draft is not kept.
  }
}

export function clearDraft(key) {
  const store = storage();
  try {
    store?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
