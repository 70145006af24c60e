// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { recogniseDetailed } from '@/utils/guide/recognise';
import type { Flow } from '@/utils/guide/types';

/** A step is recognised only with its own evidence; ties give «не узнаю» (issue 9 §4). */
const flow: Flow = {
  id: 't',
  portal: 'Тест',
  hosts: ['example.org'],
  path: ['t.a', 't.b', 't.c'],
  variants: [],
  advice: [],
  steps: [
    { id: 't.a', code: 'А-1', title: 'Заявка', instruction: '', when: { all: [{ text: 'Подать заявку' }] }, lookFor: 'кнопку «Подать заявку»' },
    { id: 't.b', code: 'А-2', title: 'Документ', instruction: '', when: { all: [{ text: 'Предоставить документ' }] }, lookFor: 'кнопку «Предоставить документ»' },
    { id: 't.c', code: 'А-3', title: 'Оба и меню', instruction: '', when: { all: [{ text: 'Подать заявку' }, { text: 'Меню' }] } },
  ],
};
const URL_ = 'https://example.org/';

describe('recognition by evidence', () => {
  it('one matching step is the step', () => {
    document.body.innerHTML = '<button>Подать заявку</button>';
    expect(recogniseDetailed(flow, document, URL_)).toEqual({ step: flow.steps[0], tied: [] });
  });

  it('the step with more evidence wins over one that merely also matches', () => {
    document.body.innerHTML = '<button>Подать заявку</button><a href="#">Меню</a>';
    expect(recogniseDetailed(flow, document, URL_).step?.id).toBe('t.c');
  });

  it('two steps with the same evidence: no step, both reported', () => {
    document.body.innerHTML = '<button>Подать заявку</button><button>Предоставить документ</button>';
    const r = recogniseDetailed(flow, document, URL_);
    expect(r.step).toBeNull();
    expect(r.tied.map((s) => s.id)).toEqual(['t.a', 't.b']);
  });
});
