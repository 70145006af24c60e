/**
 * Markup transforms of the variation suite (issue 9 §6). Each runs in the page's own world on a
 * replica page and changes the markup while keeping what a person reads: the same words in the
 * same order, the same things visible. Every transform is a pure function of the document and a
 * seeded random source, so a variant is reproduced from its seed.
 *
 * Truth marks (`data-variation-*`, set by `./page.ts` before any transform) are carried onto the
 * element that replaces a marked one. The product never reads these attributes.
 */
import { chance, pick, type Rng } from './rng';

/** A transform: changes `doc` in place; may finish later (late rendering). */
export type Transform = (doc: Document, rng: Rng) => void | Promise<void>;

/** Prefix of the truth marks; copied onto replacements. */
export const MARK_PREFIX = 'data-variation-';
/** Mark on the element located as the step's target (the control a person must see outlined). */
export const TARGET_MARK = 'data-variation-target';
/** Mark on a fill field's element: space-separated fill value keys. */
export const FIELD_MARK = 'data-variation-field';
/** On a native control a widget stands for (hidden select, Fomantic's hidden input): right for filling, never for outlining. */
export const NATIVE_MARK = 'data-variation-native';
/** Markup the generator added that is not page text (widget display text, menus, icons): left out of the words check. */
export const GENERATED_MARK = 'data-variation-generated';

/** Elements never touched: the guide's own host and our generated parts. */
const OFF_LIMITS = 'pfdo-guide, script, style, template, noscript';

/** Elements of the page body that a transform may change (not the guide, not scripts). */
function inBody(doc: Document, selector: string): Element[] {
  return Array.from(doc.body.querySelectorAll(selector)).filter((e) => !e.closest(OFF_LIMITS) && !e.closest(`[${GENERATED_MARK}]`));
}

/** Copies every attribute, except those listed, from one element to another. */
function copyAttributes(from: Element, to: Element, except: string[] = []): void {
  for (const a of Array.from(from.attributes)) if (!except.includes(a.name)) to.setAttribute(a.name, a.value);
}

/** Copies only the truth marks. */
function copyMarks(from: Element, to: Element): void {
  for (const a of Array.from(from.attributes)) if (a.name.startsWith(MARK_PREFIX)) to.setAttribute(a.name, a.value);
}

/** Replaces an element by a new one of another tag, keeping attributes (but `except`) and children. */
function retag(el: Element, tag: string, except: string[] = []): HTMLElement {
  const n = el.ownerDocument.createElement(tag);
  copyAttributes(el, n, except);
  while (el.firstChild) n.append(el.firstChild);
  el.replaceWith(n);
  return n;
}

/** A made-up class or id token, e.g. `x7k2q`. */
function token(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rng() * 36)];
  return /^[a-z]/.test(s) ? s : `v${s}`;
}

// ---------------------------------------------------------------- tag-swap

/** Clickables swapped between `button`, `div[role=button]` and `a`. */
const CLICKABLE = 'button, a[href], [role=button], input[type=submit], input[type=button]';

/** `button` ↔ `div[role=button]` ↔ `a`: each clickable (75 %) becomes one of the other two kinds. */
export const tagSwap: Transform = (doc, rng) => {
  for (const el of inBody(doc, CLICKABLE)) {
    if (!chance(rng, 0.75)) continue;
    const role = el.getAttribute('role');
    if (role && role !== 'button' && role !== 'link') continue; // tabs, menu items keep what they are
    const kind = el.tagName === 'BUTTON' || el.tagName === 'INPUT' ? pick(rng, ['div', 'a']) : el.tagName === 'A' ? pick(rng, ['button', 'div']) : pick(rng, ['button', 'a']);
    // The new tag keeps the box the old one had (an inline `a` made a `div` stays inline, a flex item stays one).
    const display = getComputedStyle(el).display;
    let src: Element = el;
    if (el.tagName === 'INPUT') {
      // An input button says its value: a button of another tag says it as text.
      const span = doc.createElement('span');
      copyAttributes(el, span, ['value', 'type']);
      span.textContent = (el as HTMLInputElement).value;
      el.replaceWith(span);
      src = span;
    }
    const except = ['role', 'href', 'type', 'value'];
    const n = retag(src, kind, except);
    n.style.display = display;
    if (kind === 'div') {
      n.setAttribute('role', 'button');
      n.setAttribute('tabindex', '0');
      n.style.cursor = 'pointer';
    } else if (kind === 'a') {
      n.setAttribute('href', el.getAttribute('href') ?? pick(rng, ['#', 'javascript:void(0)']));
    } else {
      n.setAttribute('type', el.getAttribute('type') === 'submit' ? 'submit' : 'button');
    }
  }
};

// ---------------------------------------------------------------- classes-ids

/** Computed properties kept as they were when classes and ids go (what is visible and where). */
const KEPT_STYLE = ['display', 'visibility', 'position', 'top', 'left', 'right', 'bottom', 'z-index', 'clip', 'clip-path', 'overflow', 'width', 'height', 'transform'];

/** Attributes that refer to ids (kept consistent when an id is renamed). */
const ID_REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'form', 'list'];

/**
 * Every class and id of the body removed or renamed. Whatever the page's CSS made of them that a
 * person sees — shown or hidden, placed on top, clipped — is kept as inline style first; ids that
 * labels or buttons refer to are renamed together with the references.
 */
export const classesIds: Transform = (doc, rng) => {
  const els = [doc.body, ...inBody(doc, '*')];
  const before = els.map((e) => {
    const cs = getComputedStyle(e);
    return KEPT_STYLE.map((p) => cs.getPropertyValue(p));
  });
  const referenced = new Set<string>();
  for (const e of inBody(doc, ID_REFS.map((a) => `[${a}]`).join(', '))) {
    for (const a of ID_REFS) for (const id of (e.getAttribute(a) ?? '').split(/\s+/)) if (id) referenced.add(id);
  }
  const renamed = new Map<string, string>();
  for (const e of els) {
    if (e.hasAttribute('class') && e !== doc.body) {
      if (chance(rng, 0.5)) e.removeAttribute('class');
      else e.setAttribute('class', Array.from(e.classList, () => token(rng)).join(' '));
    }
    const id = e.id;
    if (id && e !== doc.body) {
      if (referenced.has(id) || chance(rng, 0.5)) {
        const n = `${token(rng)}-${token(rng)}`;
        renamed.set(id, n);
        e.id = n;
      } else e.removeAttribute('id');
    }
  }
  for (const e of inBody(doc, ID_REFS.map((a) => `[${a}]`).join(', '))) {
    for (const a of ID_REFS) {
      const v = e.getAttribute(a);
      if (v) e.setAttribute(a, v.split(/\s+/).map((id) => renamed.get(id) ?? id).join(' '));
    }
  }
  // One read pass, then one write pass (writes do not disturb the reads).
  const after = els.map((e) => {
    const cs = getComputedStyle(e);
    return KEPT_STYLE.map((p) => cs.getPropertyValue(p));
  });
  els.forEach((e, i) => {
    KEPT_STYLE.forEach((p, j) => {
      if (after[i][j] !== before[i][j]) (e as HTMLElement).style.setProperty(p, before[i][j], 'important');
    });
  });
};

// ---------------------------------------------------------------- roles-removed

/** Every `role` attribute removed (explicit roles only; tags keep their implicit roles). */
export const rolesRemoved: Transform = (doc) => {
  for (const e of inBody(doc, '[role]')) e.removeAttribute('role');
};

// ---------------------------------------------------------------- text-split

/** Whether a text node is page text a transform may rewrite. */
function pageTextNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest(`${OFF_LIMITS}, option, select, textarea, title, [${GENERATED_MARK}]`)) continue;
    if (!/[\p{L}\p{N}]/u.test(n.nodeValue ?? '')) continue;
    out.push(n as Text);
  }
  return out;
}

/**
 * Texts wrapped in spans, split word by word into spans, or split by `<br>` between words
 * (short texts only) or `&nbsp;`: the same words in the same order.
 */
export const textSplit: Transform = (doc, rng) => {
  for (const t of pageTextNodes(doc)) {
    if (!chance(rng, 0.8)) continue;
    const data = t.nodeValue!;
    const lead = /^\s*/.exec(data)![0];
    const trail = /\s*$/.exec(data)![0];
    const parts = data.trim().split(/\s+/);
    const frag = doc.createDocumentFragment();
    if (lead) frag.append(lead);
    const mode = parts.length < 2 ? 'wrap' : pick(rng, parts.length <= 6 ? ['wrap', 'spans', 'br', 'nbsp', 'nested'] : ['wrap', 'spans', 'nbsp', 'nested']);
    if (mode === 'wrap') {
      const s = doc.createElement('span');
      s.textContent = parts.join(' ');
      frag.append(s);
    } else if (mode === 'nbsp') {
      frag.append(parts.join('\u00a0'));
    } else if (mode === 'nested') {
      const outer = doc.createElement('span');
      const b = doc.createElement(pick(rng, ['b', 'strong', 'em', 'span']));
      b.textContent = parts[0];
      outer.append(b, ` ${parts.slice(1).join(' ')}`);
      frag.append(outer);
    } else {
      parts.forEach((p, i) => {
        if (i) frag.append(mode === 'br' ? doc.createElement('br') : ' ');
        const s = doc.createElement('span');
        s.textContent = p;
        frag.append(s);
      });
    }
    if (trail) frag.append(trail);
    t.replaceWith(frag);
  }
};

// ---------------------------------------------------------------- icons

/** Icons as portals put them into controls: icon-font `<i>`, emoji, symbols, private-use glyphs, SVG, images. */
function makeIcon(doc: Document, rng: Rng): Node {
  const kind = pick(rng, ['i', 'fa', 'emoji', 'plus', 'arrow', 'pua', 'svg', 'img', 'bare']);
  let n: Element | Text;
  switch (kind) {
    case 'i':
      n = doc.createElement('i');
      n.className = `${pick(rng, ['plus', 'file', 'check', 'arrow right', 'user'])} icon`;
      break;
    case 'fa':
      n = doc.createElement('i');
      n.className = pick(rng, ['fa fa-check', 'glyphicon glyphicon-ok', 'bi bi-plus']);
      break;
    case 'svg': {
      n = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      n.setAttribute('width', '14');
      n.setAttribute('height', '14');
      n.setAttribute('viewBox', '0 0 14 14');
      n.innerHTML = '<path d="M2 7h10M7 2v10" stroke="currentColor" stroke-width="2"/>';
      break;
    }
    case 'img':
      n = doc.createElement('img');
      n.setAttribute('alt', '');
      n.setAttribute('width', '14');
      n.setAttribute('height', '14');
      n.setAttribute('src', 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="14" height="14"%3E%3Ccircle cx="7" cy="7" r="6"/%3E%3C/svg%3E');
      break;
    case 'bare':
      // A glyph straight in the text, no element around it.
      return doc.createTextNode(`${pick(rng, ['＋', '➤', '\ue900', '✔', '📄', '→'])} `);
    default:
      n = doc.createElement('span');
      n.textContent = { emoji: pick(rng, ['📄', '✅', '📝', '👉']), plus: '＋', arrow: '➤', pua: pick(rng, ['\ue900', '\uf00c', '\ue80a']) }[kind]!;
      if (kind === 'pua') n.className = 'icon-font';
  }
  n.setAttribute('aria-hidden', 'true');
  n.setAttribute(GENERATED_MARK, 'icon');
  return n;
}

/** Icons added inside buttons, links, tabs and labels: before the text, after it, or both. */
export const icons: Transform = (doc, rng) => {
  for (const el of inBody(doc, 'button, a, [role=button], [role=tab], label, .btn, .button')) {
    if (!chance(rng, 0.8) || !el.textContent?.trim()) continue;
    const where = pick(rng, ['before', 'before', 'after', 'both']);
    if (where !== 'after') el.prepend(makeIcon(doc, rng), ' ');
    if (where !== 'before') el.append(' ', makeIcon(doc, rng));
  }
};

// ---------------------------------------------------------------- labels-detached

/** Replaces a `<label>` by a non-label element with the same children (no `for`, no wrapping pairing). */
function unlabel(doc: Document, label: Element, rng: Rng): Element {
  // The new element keeps the label's box (a block label stays a line of its own).
  const display = getComputedStyle(label).display;
  const n = retag(label, pick(rng, ['span', 'div', 'b']), ['for']);
  n.style.display = display;
  return n;
}

/**
 * Labels detached from their controls: `for` removed; sibling layout (a plain text element next to
 * the control); table layout (`<tr><td>label</td><td>control</td></tr>`).
 */
export const labelsDetached: Transform = (doc, rng) => {
  // Flat forms (seeded, half the pages): a field's own container (one label, one control) is
  // unwrapped, so labels and controls of several fields become siblings: label, field, label, field.
  if (chance(rng, 0.5)) {
    for (const label of inBody(doc, 'label')) {
      const box = label.parentElement;
      if (!box || box === doc.body || box.matches('form, td, th, li, fieldset, [role=dialog], .modal, .content')) continue;
      if (box.querySelectorAll('input:not([type=hidden]), select, textarea').length !== 1 || box.querySelectorAll('label').length !== 1) continue;
      // Flex and grid boxes make their children blocks: unwrapped, those would run into each other.
      const display = getComputedStyle(box).display;
      if (/flex|grid/.test(display)) continue;
      // A block box ended a line: a `<br>` keeps that boundary between its words and the next ones.
      const block = !display.startsWith('inline');
      box.replaceWith(...Array.from(box.childNodes), ...(block ? [doc.createElement('br')] : []));
    }
  }
  for (const label of inBody(doc, 'label') as HTMLLabelElement[]) {
    const control = label.control;
    if (!control || !label.isConnected) continue;
    const wraps = label.contains(control);
    const mode = pick(rng, ['no-for', 'sibling', 'table']);
    if (wraps) {
      // Unwrap: the label's text, then the control right after it.
      const rest = unlabel(doc, label, rng);
      rest.after(control);
      continue;
    }
    if (mode === 'no-for') {
      label.removeAttribute('for');
      continue;
    }
    let lab: Element = mode === 'sibling' || chance(rng, 0.5) ? unlabel(doc, label, rng) : label;
    lab.removeAttribute('for');
    if (mode === 'table') {
      // The nodes after the label up to the one holding its control (not the fields after it).
      const followers: Node[] = [];
      for (let n = lab.nextSibling; n; n = n.nextSibling) {
        followers.push(n);
        if (n === control || n.contains(control)) break;
      }
      if (!followers.some((n) => n === control || n.contains(control))) continue;
      const table = doc.createElement('table');
      const tr = table.appendChild(doc.createElement('tbody')).appendChild(doc.createElement('tr'));
      const td1 = tr.appendChild(doc.createElement('td'));
      const td2 = tr.appendChild(doc.createElement('td'));
      lab.replaceWith(table);
      td1.append(lab);
      td2.append(...followers);
      lab = td1;
    }
  }
};

// ---------------------------------------------------------------- widgets

/** Native selects a widget may replace. */
function replaceableSelects(doc: Document): HTMLSelectElement[] {
  return (inBody(doc, 'select') as HTMLSelectElement[]).filter((s) => !s.multiple && !s.classList.contains('select2-hidden-accessible') && !s.closest('.select2-container, .ui.dropdown:not(select)'));
}

/** Text of the chosen option (what the closed list shows). */
function chosenText(s: HTMLSelectElement): string {
  return s.selectedOptions[0]?.text ?? '';
}

/**
 * Native selects replaced by Fomantic UI dropdowns, following the library's DOM and events:
 * `div.ui.selection.dropdown` holding `input[type=hidden]` (markup-built dropdown; or, seeded, the
 * original select moved inside and hidden, as `$('select').dropdown()` does), `i.dropdown.icon`,
 * `div.text`, `div.menu` > `div.item[data-value]`. A click opens it (`active visible`), a click on
 * an item sets the value and the text, fires `change` and closes it.
 */
export const widgetsFomantic: Transform = (doc, rng) => {
  for (const sel of replaceableSelects(doc)) {
    const wrapped = chance(rng, 0.5);
    const hiddenSelf = getComputedStyle(sel).display === 'none';
    const w = doc.createElement('div');
    w.className = `ui selection dropdown${sel.disabled ? ' disabled' : ''}`;
    w.tabIndex = 0;
    w.setAttribute('style', `display:${hiddenSelf ? 'none' : 'inline-block'};position:relative;min-width:14em;min-height:1.4em;padding:.5em 2em .5em .8em;border:1px solid #bbb;border-radius:4px;background:#fff;cursor:pointer;box-sizing:border-box`);
    copyMarks(sel, w);
    let input: HTMLInputElement | HTMLSelectElement;
    if (wrapped) {
      input = sel;
      sel.setAttribute(NATIVE_MARK, 'fomantic');
      sel.style.setProperty('display', 'none', 'important');
    } else {
      input = doc.createElement('input');
      input.type = 'hidden';
      if (sel.name) input.name = sel.name;
      input.value = sel.value;
      copyMarks(sel, input);
      input.setAttribute(NATIVE_MARK, 'fomantic');
    }
    const icon = doc.createElement('i');
    icon.className = 'dropdown icon';
    icon.setAttribute(GENERATED_MARK, 'icon');
    const text = doc.createElement('div');
    text.className = sel.value ? 'text' : 'default text';
    text.textContent = chosenText(sel);
    text.setAttribute(GENERATED_MARK, 'widget-text');
    const menu = doc.createElement('div');
    menu.className = 'menu transition hidden';
    menu.setAttribute(GENERATED_MARK, 'menu');
    menu.setAttribute('style', 'display:none;position:absolute;left:0;top:100%;min-width:100%;background:#fff;border:1px solid #bbb;z-index:20');
    for (const o of Array.from(sel.options)) {
      const it = doc.createElement('div');
      it.className = `item${o.disabled ? ' disabled' : ''}${o.selected && o.value ? ' active selected' : ''}`;
      it.setAttribute('data-value', o.value);
      it.style.padding = '.4em .8em';
      it.textContent = o.text;
      menu.append(it);
    }
    sel.replaceWith(w);
    w.append(input, icon, text, menu);
    const close = () => {
      w.classList.remove('active', 'visible');
      menu.classList.remove('visible');
      menu.classList.add('hidden');
      menu.style.display = 'none';
    };
    const setValue = (v: string, label: string) => {
      input.value = v;
      text.textContent = label;
      text.className = v ? 'text' : 'default text';
      for (const it of Array.from(menu.children)) it.classList.toggle('active', it.getAttribute('data-value') === v);
    };
    w.addEventListener('click', (e) => {
      if (w.classList.contains('disabled')) return;
      const item = (e.target as Element).closest('.item');
      if (item && menu.contains(item)) {
        setValue(item.getAttribute('data-value') ?? '', item.textContent ?? '');
        input.dispatchEvent(new Event('change', { bubbles: true }));
        close();
        return;
      }
      if (w.classList.contains('visible')) return close();
      w.classList.add('active', 'visible');
      menu.classList.remove('hidden');
      menu.classList.add('visible');
      menu.style.display = 'block';
    });
    // A value set on the hidden field from outside shows in the text, as the library's change handler does.
    input.addEventListener('change', () => {
      const it = Array.from(menu.children).find((x) => x.getAttribute('data-value') === input.value);
      if (it && text.textContent !== it.textContent) setValue(input.value, it.textContent ?? '');
    });
  }
};

/** The visually-hidden style select2 v4 puts on the original select (`.select2-hidden-accessible`). */
const SELECT2_HIDDEN =
  'border:0!important;clip:rect(0 0 0 0)!important;-webkit-clip-path:inset(50%)!important;clip-path:inset(50%)!important;height:1px!important;overflow:hidden!important;padding:0!important;position:absolute!important;width:1px!important;white-space:nowrap!important';

/**
 * Native selects replaced by select2 v4, following the library's DOM and events: the original
 * `select.select2-hidden-accessible` stays (visually hidden, `aria-hidden`, tabindex -1; labels'
 * `for` still point at it), followed by `span.select2.select2-container` >
 * `span.select2-selection[role=combobox]` > `span.select2-selection__rendered`. A mousedown opens
 * a `span.select2-container--open` appended to the body with `ul.select2-results__options` of
 * `li.select2-results__option[role=option]`; a mouseup on an option selects it on the native
 * select, fires `change`, updates the rendered text and closes. A `change` of the native select
 * from outside updates the rendered text, as select2 does.
 */
export const widgetsSelect2: Transform = (doc, rng) => {
  let n = Math.floor(rng() * 50);
  for (const sel of replaceableSelects(doc)) {
    const id = `${sel.id || sel.name || 'sel'}-${++n}`;
    const hiddenSelf = getComputedStyle(sel).display === 'none';
    sel.classList.add('select2-hidden-accessible');
    sel.setAttribute('aria-hidden', 'true');
    sel.tabIndex = -1;
    sel.setAttribute('data-select2-id', id);
    sel.setAttribute('style', SELECT2_HIDDEN);
    sel.setAttribute(NATIVE_MARK, 'select2');
    const c = doc.createElement('span');
    c.className = 'select2 select2-container select2-container--default';
    c.dir = 'ltr';
    c.setAttribute('style', `display:${hiddenSelf ? 'none' : 'inline-block'};position:relative;min-width:14em;vertical-align:middle;box-sizing:border-box`);
    copyMarks(sel, c);
    c.removeAttribute(NATIVE_MARK);
    c.innerHTML =
      `<span class="selection"><span class="select2-selection select2-selection--single" role="combobox" aria-haspopup="true" aria-expanded="false" tabindex="0" aria-labelledby="select2-${id}-container" style="display:block;height:28px;border:1px solid #aaa;border-radius:4px;background:#fff;cursor:pointer;box-sizing:border-box">` +
      `<span class="select2-selection__rendered" id="select2-${id}-container" role="textbox" aria-readonly="true" style="display:block;padding:0 20px 0 8px;line-height:26px;overflow:hidden;white-space:nowrap"></span>` +
      `<span class="select2-selection__arrow" role="presentation" style="position:absolute;right:4px;top:8px"><b role="presentation">▾</b></span></span></span>` +
      `<span class="dropdown-wrapper" aria-hidden="true"></span>`;
    const rendered = c.querySelector('.select2-selection__rendered') as HTMLElement;
    const selection = c.querySelector('.select2-selection') as HTMLElement;
    rendered.setAttribute(GENERATED_MARK, 'widget-text');
    c.querySelector('.select2-selection__arrow')!.setAttribute(GENERATED_MARK, 'icon');
    const show = () => {
      rendered.textContent = chosenText(sel);
      rendered.title = chosenText(sel);
    };
    show();
    sel.after(c);
    let open: HTMLElement | null = null;
    const close = () => {
      open?.remove();
      open = null;
      c.classList.remove('select2-container--open');
      selection.setAttribute('aria-expanded', 'false');
    };
    selection.addEventListener('mousedown', (e) => {
      e.preventDefault();
      if (open) return close();
      if (sel.disabled) return;
      const r = c.getBoundingClientRect();
      open = doc.createElement('span');
      open.className = 'select2-container select2-container--default select2-container--open';
      open.setAttribute(GENERATED_MARK, 'menu');
      open.setAttribute('style', `position:absolute;left:${r.left + scrollX}px;top:${r.bottom + scrollY}px;width:${r.width}px;z-index:1051;background:#fff;border:1px solid #aaa`);
      const ul = doc.createElement('ul');
      ul.className = 'select2-results__options';
      ul.setAttribute('role', 'listbox');
      ul.id = `select2-${id}-results`;
      ul.style.cssText = 'list-style:none;margin:0;padding:0';
      Array.from(sel.options).forEach((o, i) => {
        const li = doc.createElement('li');
        li.className = 'select2-results__option';
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(o.selected));
        li.setAttribute('data-select2-id', `${id}-${i}`);
        li.style.padding = '6px';
        li.textContent = o.text;
        li.addEventListener('mouseup', () => {
          sel.value = o.value;
          sel.dispatchEvent(new Event('change', { bubbles: true }));
          show();
          close();
        });
        ul.append(li);
      });
      open.append(ul);
      doc.body.append(open);
      c.classList.add('select2-container--open');
      selection.setAttribute('aria-expanded', 'true');
    });
    sel.addEventListener('change', show);
  }
};

// ---------------------------------------------------------------- dialogs-no-role

/**
 * Dialogs without roles: `role=dialog`/`alertdialog`, `aria-modal` stripped, `<dialog>` made a
 * `div`; shown as a fixed overlay on top (plain classes), or with Bootstrap's `.modal.show` or
 * Fomantic's `.ui.modal.visible.active` classes. Hidden dialogs stay hidden.
 */
export const dialogsNoRole: Transform = (doc, rng) => {
  const all = inBody(doc, 'dialog, [role=dialog], [role=alertdialog], [aria-modal], .modal');
  const outer = all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
  const style = pick(rng, ['plain', 'bootstrap', 'fomantic']);
  for (let d of outer) {
    const shown = d.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions);
    if (d.tagName === 'DIALOG') d = retag(d, 'div', ['open']);
    d.removeAttribute('role');
    d.removeAttribute('aria-modal');
    if (shown) d.removeAttribute('aria-hidden');
    for (const inner of Array.from(d.querySelectorAll('[role=document], [aria-modal]'))) {
      inner.removeAttribute('role');
      inner.removeAttribute('aria-modal');
    }
    if (style === 'plain') {
      d.setAttribute('class', `${token(rng)} popup-window`);
      for (const inner of Array.from(d.querySelectorAll('[class*=modal]'))) inner.setAttribute('class', inner.getAttribute('class')!.replace(/modal/g, 'popup'));
    } else if (style === 'bootstrap') {
      d.setAttribute('class', shown ? 'modal fade show' : 'modal fade');
    } else {
      d.setAttribute('class', shown ? 'ui modal transition visible active' : 'ui modal transition hidden');
    }
    (d as HTMLElement).setAttribute(
      'style',
      shown
        ? 'display:block!important;visibility:visible!important;position:fixed!important;top:6vh;left:50%;transform:translateX(-50%);width:min(640px,92vw);max-height:88vh;overflow:auto;z-index:1050;background:#fff;border-radius:6px;box-shadow:0 8px 40px rgba(0,0,0,.4);padding:8px;opacity:1'
        : 'display:none!important',
    );
  }
};

// ---------------------------------------------------------------- caps-markup

/** Texts of buttons, links, tabs, menu items, headings and labels written in capitals in the markup. */
export const capsMarkup: Transform = (doc) => {
  const els = inBody(doc, 'button, a, [role=button], [role=tab], h1, h2, h3, h4, h5, h6, .header, .item, label, legend, th, .modal-title, .panel-title');
  for (const el of els) {
    const w = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.parentElement?.closest('select, option, textarea, script, style')) continue;
      n.nodeValue = n.nodeValue!.toUpperCase();
    }
  }
  for (const i of inBody(doc, 'input[type=submit], input[type=button]') as HTMLInputElement[]) i.value = i.value.toUpperCase();
};

// ---------------------------------------------------------------- late-render

/**
 * Late rendering: the body's content is taken away and put back after ~800 ms (at once, or in
 * two halves at ~400 and ~800 ms), as a framework re-renders the page. Resolves when it is back.
 */
export const lateRender: Transform = (doc, rng) => {
  const kids = Array.from(doc.body.childNodes).filter((n) => !(n instanceof Element && n.matches(OFF_LIMITS)));
  const halves = chance(rng, 0.5);
  const anchor = doc.createComment('late-render');
  doc.body.prepend(anchor);
  for (const k of kids) k.remove();
  const delay = 700 + Math.floor(rng() * 200);
  const putBack = (list: Node[]) => {
    let at: Node = anchor;
    // Append after what is already back, keeping the original order.
    while (at.nextSibling && kids.includes(at.nextSibling as ChildNode)) at = at.nextSibling;
    (at as ChildNode).after(...list);
  };
  return new Promise<void>((resolve) => {
    if (halves) {
      const cut = Math.ceil(kids.length / 2);
      setTimeout(() => putBack(kids.slice(0, cut)), Math.floor(delay / 2));
      setTimeout(() => {
        putBack(kids.slice(cut));
        anchor.remove();
        resolve();
      }, delay);
    } else {
      setTimeout(() => {
        putBack(kids);
        anchor.remove();
        resolve();
      }, delay);
    }
  });
};

// ---------------------------------------------------------------- registry

/** The transforms by name, in the order they are reported (`none` is the untransformed baseline). */
export const TRANSFORMS: Record<string, Transform> = {
  none: () => undefined,
  'tag-swap': tagSwap,
  'classes-ids': classesIds,
  'roles-removed': rolesRemoved,
  'text-split': textSplit,
  icons,
  'labels-detached': labelsDetached,
  'widgets-fomantic': widgetsFomantic,
  'widgets-select2': widgetsSelect2,
  'dialogs-no-role': dialogsNoRole,
  'caps-markup': capsMarkup,
  'late-render': lateRender,
};

/** Order in which a combo applies its parts (class removal before libraries add their classes). */
const COMBO_ORDER = ['classes-ids', 'roles-removed', 'dialogs-no-role', 'widgets-fomantic', 'widgets-select2', 'labels-detached', 'tag-swap', 'caps-markup', 'text-split', 'icons', 'late-render'];

/**
 * The parts of a combo for a seed: 3–5 transforms (at most one widget kind), in a fixed order.
 * @param rng the combo's random source
 */
export function comboParts(rng: Rng): string[] {
  const pool = COMBO_ORDER.filter((n) => n !== 'late-render' || chance(rng, 0.3));
  const widget = pick(rng, ['widgets-fomantic', 'widgets-select2']);
  const chosen = new Set<string>();
  const k = 3 + Math.floor(rng() * 3);
  while (chosen.size < k) {
    const n = pick(rng, pool);
    if (n.startsWith('widgets-') && n !== widget) continue;
    chosen.add(n);
  }
  return COMBO_ORDER.filter((n) => chosen.has(n));
}

/** Every name the suite runs: the single transforms and `combo`. */
export const TRANSFORM_NAMES = [...Object.keys(TRANSFORMS), 'combo'];
