import { describe, expect, it } from 'vitest';
import { batch, computed, effect, signal } from '@/utils/guide/cells';
import * as core from '@preact/signals-core';

/**
 * The guide's cells (utils/guide/cells.ts) against @preact/signals-core, whose meaning they keep:
 * the same script of sets, batches and effects gives the same runs on both.
 */
describe('cells: the meaning of @preact/signals-core in the content script', () => {
  type Lib = { signal: typeof signal; computed: typeof computed; effect: typeof effect; batch: typeof batch };
  const libs: Array<[string, Lib]> = [
    ['cells', { signal, computed, effect, batch }],
    ['signals-core', core as unknown as Lib],
  ];

  /**
   * One script: returns the effect runs after each step, a step's runs sorted (the order of
   * effects run together is not part of the meaning: signals-core runs a batch's last first).
   */
  function script(lib: Lib): string[] {
    const runs: string[] = [];
    const log = runs;
    const steps: string[] = [];
    const step = () => steps.push(runs.splice(0).sort().join(' + '));
    const a = lib.signal(1);
    const b = lib.signal('x');
    const flag = lib.signal(true);
    const sum = lib.computed(() => a.value * 10);
    const stopA = lib.effect(() => log.push(`A ${sum.value}`));
    // Dynamic dependencies: reads b only while flag is on.
    lib.effect(() => log.push(`B ${flag.value ? b.value : '-'}`));
    step();
    a.value = 2; // A
    step();
    a.value = 2; // same value: nothing
    step();
    b.value = 'y'; // B
    step();
    flag.value = false; // B, and b is no longer read
    step();
    b.value = 'z'; // nothing
    step();
    lib.batch(() => {
      a.value = 3;
      a.value = 4;
      flag.value = true;
    }); // A once, B once, after the batch
    step();
    stopA();
    a.value = 5; // nothing: A stopped
    step();
    // An effect that sets another cell: the second effect runs after it, once.
    const c = lib.signal(0);
    lib.effect(() => {
      c.value = a.value + 1;
    });
    lib.effect(() => log.push(`C ${c.value}`));
    step();
    a.value = 6;
    step();
    return steps;
  }

  it('the same runs as signals-core for one script of sets, batches, computed values and stops', () => {
    const [[, mine], [, theirs]] = libs.map(([name, lib]) => [name, script(lib)] as const);
    expect(mine).toEqual(theirs);
    expect(mine).toEqual(['A 10 + B x', 'A 20', '', 'B y', 'B -', '', 'A 40 + B z', '', 'C 6', 'C 7']);
  });

  it('an effect that keeps setting what it reads is a cycle, reported, not an endless loop', () => {
    const n = signal(0);
    expect(() =>
      effect(() => {
        n.value = n.value + 1;
      }),
    ).toThrow(/Cycle/);
  });
});
