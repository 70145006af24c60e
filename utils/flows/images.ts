/**
 * Where the pictures of the parent's screen at each step live (made by `scripts/step-images.ts`,
 * shown by the consultant page). WebP keeps all of them small enough for the store zip budget.
 */

/** File type of the step pictures. */
export const STEP_IMAGE_EXT = 'webp' as const;
/** MIME type the script asks Chromium's encoder for. */
export const STEP_IMAGE_MIME = 'image/webp';
/** Encoder quality (0–1) used by the script. */
export const STEP_IMAGE_QUALITY = 0.3;

/**
 * Path of a step's picture inside `public/` (and of the built extension).
 * @param stepId e.g. `cabinet.email` → `steps/cabinet.email.webp`
 */
export function stepImageFile(stepId: string): string {
  return `steps/${stepId}.${STEP_IMAGE_EXT}`;
}
