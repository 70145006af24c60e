import { startTrainingGuide } from '@/utils/training/guide';

/**
 * The guide on the training portal's replica pages (an unlisted script: each page of
 * `training/<portal>/` loads it, see replicas/bundle.ts). Same engine as on the portals, with
 * the fictional family instead of the stored profile.
 */
export default defineUnlistedScript(() => {
  startTrainingGuide();
});
