/**
 * Which part of the parent's screen each step picture of the printable guide shows
 * (`public/steps/<step id>.webp`): the guide's ring around the control to press, with some of the
 * page around it. `scripts/step-images.ts` measures the ring, cuts the screenshot to this crop
 * before encoding (only the crop is shipped) and records the crops in
 * `utils/training/step-crops.json` ({@link STEP_CROPS_FILE}, not shipped; the tests check it).
 * Pure functions, no DOM.
 */

/** A rectangle in CSS pixels of the screenshot's viewport. */
export interface PictureRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A part of a picture in fractions of its width and height (0–1, from the top left). */
export interface PictureCrop {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The record of the crops, from the repository's root: `{ "<step id>": PictureCrop }` (fractions of the screen). */
export const STEP_CROPS_FILE = 'utils/training/step-crops.json';

/** The screen the step pictures are taken at (CSS px): `scripts/step-images.ts` sets it as the viewport. */
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;

/** Width / height of every crop: the screen's own (8 : 5, the guide's picture slot). */
export const CROP_ASPECT = SCREENSHOT_SIZE.width / SCREENSHOT_SIZE.height;

/** Page kept around the ring on every side, viewport px. */
export const CROP_CONTEXT = 80;

/** Smallest crop, as a share of the viewport's width: less would be too blurry in print. */
export const CROP_MIN_SHARE = 0.5;

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * The crop around the guide's ring: the ring with {@link CROP_CONTEXT} around it, at least
 * {@link CROP_MIN_SHARE} of the viewport wide, {@link CROP_ASPECT} wide to high, centred on the
 * ring and moved (not shrunk) to stay inside the viewport; the whole picture when the ring and its
 * context need more than the viewport.
 * @param ring the ring's box (viewport px)
 * @param view the viewport's size (px)
 * @returns fractions of the picture, 4 decimals
 */
export function cropAroundRing(ring: PictureRect, view: { width: number; height: number }): PictureCrop {
  let width = Math.max(ring.width + 2 * CROP_CONTEXT, view.width * CROP_MIN_SHARE);
  let height = Math.max(ring.height + 2 * CROP_CONTEXT, width / CROP_ASPECT);
  width = Math.max(width, height * CROP_ASPECT);
  if (width >= view.width || height >= view.height) {
    // Fit the viewport's shape: as wide as the viewport, or as high, whichever bounds the crop.
    const scale = Math.min(view.width / width, view.height / height);
    width *= scale;
    height *= scale;
  }
  const cx = ring.x + ring.width / 2;
  const cy = ring.y + ring.height / 2;
  const x = Math.min(Math.max(cx - width / 2, 0), view.width - width);
  const y = Math.min(Math.max(cy - height / 2, 0), view.height - height);
  return { left: round(x / view.width), top: round(y / view.height), width: round(width / view.width), height: round(height / view.height) };
}

/**
 * Reads the crops' record (anything): keeps the entries whose crop lies inside the picture and is not
 * degenerate; never throws.
 * @param raw the parsed JSON
 */
export function parseStepCrops(raw: unknown): Record<string, PictureCrop> {
  const out: Record<string, PictureCrop> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const c = v as Record<string, unknown>;
    const nums = [c.left, c.top, c.width, c.height];
    if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) continue;
    const [left, top, width, height] = nums as number[];
    if (left < 0 || top < 0 || width <= 0.02 || height <= 0.02 || left + width > 1.0001 || top + height > 1.0001) continue;
    out[id] = { left, top, width, height };
  }
  return out;
}
