// What the component adds to the page, built with DOM methods only (text is always set as text,
// never parsed as HTML): the note beside a cell (its messages, the running total, a normalised
// value to take), the error summary, the draft notice. Classes are prefixed `dr-` so the portal's
// own CSS and ours never meet.

/** An id safe for attributes, made from a diagnostic or cell key. */
export function slug(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0).toString(36)}`);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The note beside a cell, placed right after the control (after its <label> when it is wrapped). */
export function createSlot(control) {
  const slot = el('span', 'dr-slot');
  const anchor = control.parentElement instanceof HTMLLabelElement ? control.parentElement : control;
  anchor.after(slot);
  return slot;
}

/**
 * Fill a cell's note: `messages` [{ id, key, code, severity, text }], `total` { id, text } or null,
 * `offer` { cell, value, label, hint } or null. The severity prefix (错误：) is visually hidden, as
 * GOV.UK does, so a screen reader says it and the eye sees the colour and the bar.
 */
export function fillSlot(slot, { messages, total, offer }, words, lang) {
  slot.replaceChildren();
  slot.lang = lang;
  for (const m of messages) {
    const line = el('span', `dr-message dr-message--${m.severity}`);
    line.id = m.id;
    line.dataset.code = m.code;
    line.dataset.severity = m.severity;
    line.append(el('span', 'dr-visually-hidden', words[m.severity]()), m.text);
    slot.append(line);
  }
  if (total) {
    const line = el('span', 'dr-total', total.text);
    line.id = total.id;
    line.dataset.sum = total.sum;
    slot.append(line);
  }
  if (offer) {
    const line = el('span', 'dr-offer');
    const button = el('button', 'dr-button dr-button--secondary', offer.label);
    button.type = 'button';
    button.dataset.drOffer = offer.cell;
    button.dataset.value = offer.value;
    button.setAttribute('aria-label', offer.hint);
    line.append(button);
    slot.append(line);
  }
  slot.hidden = !slot.childElementCount;
}

/**
 * The error summary (GOV.UK's error-summary with ONS's count): a heading with the number of
 * problems, and a link per problem that moves focus to its cell (or to the findings of the report
 * file it is in). `items`: [{ key, code, cell, href, text }], `cell`/`href` null when the problem has
 * no place on the page.
 */
export function fillSummary(summary, items, words, lang, titleId) {
  summary.replaceChildren();
  summary.lang = lang;
  const alert = el('div');
  alert.setAttribute('role', 'alert');
  const title = el('h2', 'dr-summary__title', words.summaryTitle(items.length));
  title.id = titleId;
  const hint = el('p', 'dr-summary__hint', words.summaryHint());
  const list = el('ul', 'dr-summary__list');
  for (const item of items) {
    const li = el('li');
    li.dataset.code = item.code;
    li.dataset.key = item.key;
    if (item.href) {
      const link = el('a', 'dr-summary__link', item.text);
      link.href = item.href;
      if (item.cell) {
        li.dataset.cell = item.cell;
        link.dataset.drCell = item.cell;
      }
      if (item.upload) link.dataset.drUpload = item.upload;
      li.append(link);
    } else {
      li.textContent = item.text;
    }
    list.append(li);
  }
  alert.append(title, hint, list);
  summary.append(alert);
}

export function createSummary(form) {
  const summary = el('div', 'dr-summary');
  summary.tabIndex = -1;
  form.prepend(summary);
  return summary;
}

/**
 * The draft notice at the top of the form: what was restored (and a button to discard it), or why
 * the draft is not being kept, with the clerk's choices (`actions`: [{ label, action }], buttons
 * carrying `data-dr-draft`). When only the text changes (another tab saved again), the buttons stay
 * as they are, and so does the focus on one of them.
 */
export function fillNotice(notice, { text, discard, actions = [] }, lang) {
  const buttons = actions.map(({ label, action }) => ({ label, data: ['drDraft', action] }));
  if (discard) buttons.push({ label: discard, data: ['drDiscard', ''] });
  const [first, ...rest] = notice.children;
  const same = first instanceof HTMLParagraphElement && notice.lang === lang && rest.length === buttons.length &&
    rest.every((b, i) => b.textContent === buttons[i].label && b.dataset[buttons[i].data[0]] === buttons[i].data[1]);
  if (same) {
    if (first.textContent !== text) first.textContent = text;
    return;
  }
  notice.replaceChildren();
  notice.lang = lang;
  notice.append(el('p', 'dr-notice__text', text));
  for (const { label, data: [name, value] } of buttons) {
    const button = el('button', 'dr-button dr-button--secondary', label);
    button.type = 'button';
    button.dataset[name] = value;
    notice.append(button);
  }
}

export function createNotice(form) {
  const notice = el('div', 'dr-notice');
  notice.setAttribute('role', 'status');
  form.prepend(notice);
  return notice;
}

/** The preview's frame: a print button and the body the report is rendered into. */
export function createPreview(container) {
  const toolbar = el('div', 'dr-preview__toolbar');
  const print = el('button', 'dr-button dr-button--secondary');
  print.type = 'button';
  print.dataset.drPrint = '';
  toolbar.append(print);
  const body = el('div', 'dr-preview-frame');
  container.append(toolbar, body);
  return { toolbar, print, body };
}
