// Bundled into a replica page by `npm run bench` (scripts/bench.ts): the guide's first pass on a
// page it has not read yet — a new page model built from the whole page, every step's conditions
// and the step's control located — timed in the page's own world.
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { flowKeys, recogniseDetailed } from '@/utils/guide/recognise';
import { locate, withPageText } from '@/utils/guide/locate';
import { PageIndex, withIndex } from '@/utils/guide/page-index';

const flows = { sgo: sgoFlow, cabinet: cabinetFlow };
(globalThis as unknown as { __pfdoFirstPass: unknown }).__pfdoFirstPass = (flowId: 'sgo' | 'cabinet') => {
  const t0 = performance.now();
  const flow = flows[flowId];
  const index = new PageIndex(document);
  index.expect(flowKeys(flow));
  const step = withIndex(index, () =>
    withPageText(() => {
      const found = recogniseDetailed(flow, document, location.href).step;
      if (found?.target) locate(found.target, document);
      return found?.id ?? null;
    }),
  );
  return { ms: performance.now() - t0, step };
};
