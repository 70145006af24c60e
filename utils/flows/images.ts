/**
 * The step pictures shipped for the printable guide («Памятка (PDF)» on the training page): for
 * each step of both main paths, the part of the parent's screen around the control the guide
 * outlines (the whole screen for a step without one), made by `scripts/step-images.ts` from the
 * replicas. The consultant page shows the training portal live instead (no pictures).
 */

/** File type of the step pictures. */
export const STEP_IMAGE_EXT = 'webp' as const;
/** MIME type the script asks Chromium's encoder for. */
export const STEP_IMAGE_MIME = 'image/webp';
/** Encoder quality (0–1) used by the script: the panel's and the page's text stay clean in print. */
export const STEP_IMAGE_QUALITY = 0.4;
/**
 * Size of a picture cut around the outlined control, px (8 : 5 like the screen and the guide's picture slot): ≈ 115 dpi in
 * the guide's 88 mm column, sharper than the 320 px the guide printed before.
 */
export const STEP_IMAGE_SIZE = { width: 400, height: 250 } as const;
/** Size of the picture of a step without an outlined control (the whole screen, half size): its panel stays readable. */
export const STEP_SCREEN_IMAGE_SIZE = { width: 640, height: 400 } as const;

/**
 * Path of a step's picture inside `public/` (and of the built extension).
 * @param stepId e.g. `cabinet.email` → `steps/cabinet.email.webp`
 */
export function stepImageFile(stepId: string): string {
  return `steps/${stepId}.${STEP_IMAGE_EXT}`;
}
