// @vitest-environment jsdom
/** @jsxImportSource @/components/guide */
import { describe, it, expect, vi } from 'vitest';
import { render, type Child } from '@/components/guide/jsx-runtime';

describe('the panel renderer (components/guide/jsx-runtime.ts)', () => {
  it('keeps elements of the same tag in place and updates only what changed', () => {
    const root = document.createElement('div');
    const view = (n: number, extra: boolean): Child => (
      <section class="a" data-n={n}>
        {extra && <p class="note">note</p>}
        <button type="button" title={`t${n}`}>
          go {n}
        </button>
      </section>
    );
    render(root, view(1, false));
    const section = root.firstElementChild!;
    const button = section.querySelector('button')!;
    section.classList.add('is-dragging'); // the host's own class survives a render that does not change `class`
    (section as HTMLElement).style.left = '5px'; // and so do the host's inline position styles
    render(root, view(2, false));
    expect(root.firstElementChild).toBe(section);
    expect(section.querySelector('button')).toBe(button);
    expect(button.textContent).toBe('go 2');
    expect(button.getAttribute('title')).toBe('t2');
    expect(section.getAttribute('data-n')).toBe('2');
    expect(section.classList.contains('is-dragging')).toBe(true);
    expect((section as HTMLElement).style.left).toBe('5px');
    render(root, view(3, true));
    expect(section.querySelector('p')?.textContent).toBe('note');
    expect(section.querySelector('button')?.textContent).toBe('go 3');
    render(root, view(4, false));
    expect(section.querySelectorAll('p, button').length).toBe(1);
    expect(section.textContent).toBe('go 4');
  });

  it('text is text, never markup; null, false and true render nothing', () => {
    const root = document.createElement('div');
    render(root, <p>{'<img src=x onerror=alert(1)>'}{null}{false}{true}{0}</p>);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('<img src=x onerror=alert(1)>0');
  });

  it('listeners follow the latest render; removed attributes and listeners go', () => {
    const root = document.createElement('div');
    const first = vi.fn();
    const second = vi.fn();
    render(root, <button onClick={first} disabled={false} aria-label="x" />);
    const b = root.querySelector('button')!;
    b.click();
    render(root, <button onClick={second} disabled={false} />);
    b.click();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(b.hasAttribute('aria-label')).toBe(false);
    render(root, <button disabled />);
    b.click();
    expect(second).toHaveBeenCalledTimes(1);
    expect(b.disabled).toBe(true);
  });

  it('a select shows its value once its options are in; a checkbox follows `checked`; a ref runs once, on creation', () => {
    const root = document.createElement('div');
    const ref = vi.fn();
    const view = (v: string, on: boolean): Child => (
      <div>
        <select value={v}>
          <option value="a">A</option>
          <option value="b">B</option>
        </select>
        <input type="checkbox" checked={on} />
        <textarea ref={ref} readOnly value="text" />
      </div>
    );
    render(root, view('b', true));
    const select = root.querySelector('select')!;
    const box = root.querySelector('input')!;
    expect(select.value).toBe('b');
    expect(box.checked).toBe(true);
    box.checked = false; // the user clicked, the state did not follow: the next render puts it back
    render(root, view('a', true));
    expect(select.value).toBe('a');
    expect(box.checked).toBe(true);
    expect(ref).toHaveBeenCalledTimes(1);
    expect((root.querySelector('textarea') as HTMLTextAreaElement).readOnly).toBe(true);
  });
});
