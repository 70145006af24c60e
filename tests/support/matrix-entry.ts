// Bundled into replica pages by the recognition matrix (tests/e2e/matrix.spec.ts): runs the
// flows' recognisers in the page's own world, where the test can call them.
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { matchingSteps } from '@/utils/guide/recognise';

const flows = { sgo: sgoFlow, cabinet: cabinetFlow };
(globalThis as unknown as { __pfdoMatrix: unknown }).__pfdoMatrix = (flowId: 'sgo' | 'cabinet') =>
  matchingSteps(flows[flowId], document, location.href);
