// @vitest-environment jsdom
import { describe, it, expect, beforeEach } from 'vitest';
import { renderLive } from '@/components/guide/Panel';
import { GuideEngine } from '@/utils/guide/engine';
import { sgoFlow } from '@/utils/flows/sgo';
import type { Highlight } from '@/utils/guide/highlight';
import { FILL_KIT } from '@/utils/guide/fill-kit';

const highlight = { clear() {}, follow() {}, current: null } as unknown as Highlight;

function setup(mask = false) {
  const engine = new GuideEngine(sgoFlow, highlight, async () => undefined, () => undefined, document);
  engine.state.recognised.value = sgoFlow.steps.find((s) => s.id === 'sgo.choose-child')!;
  // A fill's result is drawn by the fill kit, which a fill has loaded (utils/guide/kit.ts).
  engine.kit = FILL_KIT;
  const root = document.createElement('div');
  document.body.append(root);
  // The live render the content script uses: signals re-render it; draw() is the host's refresh.
  const live = renderLive(root, () => ({ engine, show: { mask } }));
  const draw = () => live.refresh();
  return { engine, root, draw };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('panel: trainer controls and fill status in the parent’s words', () => {
  it('the variant list is labelled «Кто подаёт:»', () => {
    const { root } = setup();
    const select = root.querySelector('[data-testid=guide-variant]') as HTMLSelectElement;
    expect(select.closest('label')?.textContent).toMatch(/^Кто подаёт:/);
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Я родитель', 'Я ученик, мне 14–17 лет']);
  });

  it('after «Заполнить», a list names the value chosen («Дети: Смирнова Дарья»); typed fields say «заполнено»', () => {
    const { engine, root, draw } = setup();
    engine.state.fillOutcomes.value = [
      { name: 'Дети', status: 'filled', shown: 'Смирнова Дарья Игоревна' },
      { name: 'Номер', status: 'filled' },
      { name: 'Серия', status: 'skipped', reason: 'поле только для чтения' },
    ];
    draw();
    const items = Array.from(root.querySelectorAll('[data-testid=guide-fill-result] li')).map((li) => li.textContent);
    expect(items).toEqual(['Дети: Смирнова Дарья Игоревна', 'Номер: заполнено', 'Серия: пропущено (поле только для чтения)']);
  });

  it('«Заполняю для»: one child is named; several are a choice; «Демонстрация» hides the names', () => {
    const { engine, root, draw } = setup();
    engine.state.fillChildren.value = [{ id: 'a', label: 'Смирнова Дарья' }];
    engine.state.fillChild.value = 'a';
    draw();
    expect(root.querySelector('[data-testid=guide-fill-for]')?.textContent).toBe('Заполняю для: Смирнова Дарья');
    engine.state.fillChildren.value = [
      { id: 'a', label: 'Смирнова Дарья' },
      { id: 'b', label: 'Смирнов Пётр' },
    ];
    engine.state.fillChild.value = null;
    draw();
    const select = root.querySelector('[data-testid=guide-fill-child]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['выберите ребёнка', 'Смирнова Дарья', 'Смирнов Пётр']);
    expect(select.value).toBe('');

    const masked = setup(true);
    masked.engine.state.fillChildren.value = [{ id: 'a', label: 'Смирнова Дарья' }];
    masked.engine.state.fillChild.value = 'a';
    masked.engine.state.fillOutcomes.value = [{ name: 'Дети', status: 'filled', shown: 'Смирнова Дарья' }];
    masked.draw();
    const text = masked.root.textContent ?? '';
    expect(text).toContain('Заполняю для: ребёнок 1');
    expect(text).not.toContain('Смирнова Дарья');
  });
});
