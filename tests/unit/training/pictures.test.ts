import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FLOWS } from '@/utils/flows/search';
import { VIA_NEXT } from '@/utils/training/nav';
import { CROP_ASPECT, CROP_CONTEXT, CROP_MIN_SHARE, SCREENSHOT_SIZE, STEP_CROPS_FILE, cropAroundRing, parseStepCrops, type PictureCrop } from '@/utils/training/pictures';

/**
 * The part of each step picture the памятка prints (`utils/training/pictures.ts`,
 * `utils/training/step-crops.json` written by `scripts/step-images.ts`): the ring around the control and
 * some of the page around it, not the whole screen.
 */

const VIEW = SCREENSHOT_SIZE;
const px = (c: PictureCrop) => ({ x: c.left * VIEW.width, y: c.top * VIEW.height, width: c.width * VIEW.width, height: c.height * VIEW.height });
const contains = (outer: ReturnType<typeof px>, inner: { x: number; y: number; width: number; height: number }, slack = 1) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

describe('cropAroundRing', () => {
  it('a small control: half the screen around it, 8 : 5, the ring with its context inside', () => {
    const ring = { x: 600, y: 380, width: 120, height: 40 };
    const c = px(cropAroundRing(ring, VIEW));
    expect(c.width).toBeCloseTo(VIEW.width * CROP_MIN_SHARE, 0);
    expect(c.width / c.height).toBeCloseTo(CROP_ASPECT, 2);
    expect(contains(c, { x: ring.x - CROP_CONTEXT, y: ring.y - CROP_CONTEXT, width: ring.width + 2 * CROP_CONTEXT, height: ring.height + 2 * CROP_CONTEXT })).toBe(true);
    // centred on the ring
    expect(c.x + c.width / 2).toBeCloseTo(ring.x + ring.width / 2, 0);
  });

  it('a control near an edge: the crop moves inside the picture instead of shrinking', () => {
    for (const ring of [
      { x: 4, y: 4, width: 150, height: 40 },
      { x: 1180, y: 760, width: 90, height: 36 },
      { x: 1200, y: 10, width: 70, height: 30 },
    ]) {
      const crop = cropAroundRing(ring, VIEW);
      expect(crop.left).toBeGreaterThanOrEqual(0);
      expect(crop.top).toBeGreaterThanOrEqual(0);
      expect(crop.left + crop.width).toBeLessThanOrEqual(1.0001);
      expect(crop.top + crop.height).toBeLessThanOrEqual(1.0001);
      expect(crop.width).toBeCloseTo(CROP_MIN_SHARE, 3);
      expect(contains(px(crop), ring)).toBe(true);
    }
  });

  it('a large outlined area (a whole form) gets a larger crop; bigger than the screen → the whole picture', () => {
    const form = { x: 300, y: 150, width: 700, height: 380 };
    const c = px(cropAroundRing(form, VIEW));
    expect(c.width).toBeGreaterThan(VIEW.width * CROP_MIN_SHARE);
    expect(contains(c, form)).toBe(true);
    expect(c.width / c.height).toBeCloseTo(CROP_ASPECT, 2);
    expect(cropAroundRing({ x: 0, y: 0, width: 1270, height: 790 }, VIEW)).toEqual({ left: 0, top: 0, width: 1, height: 1 });
  });
});

describe('parseStepCrops', () => {
  it('keeps good entries, drops broken and outside ones, never throws', () => {
    const good = { left: 0.1, top: 0.2, width: 0.5, height: 0.5 };
    expect(parseStepCrops({ a: good, b: { left: 0.8, top: 0, width: 0.5, height: 0.5 }, c: { left: 'x' }, d: null, e: { left: 0, top: 0, width: 0, height: 1 } })).toEqual({ a: good });
    for (const raw of [null, undefined, 'x', 3, [], [good]]) expect(parseStepCrops(raw)).toEqual({});
  });
});

describe('utils/training/step-crops.json (made with the pictures)', () => {
  const file = resolve(__dirname, '../../..', STEP_CROPS_FILE);

  it('exists and is well-formed', () => {
    expect(existsSync(file)).toBe(true);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(parseStepCrops(raw)).sort()).toEqual(Object.keys(raw).sort());
  });

  it('every step of both main paths with a control to press has a crop: part of the picture, 8 : 5, at least half its width', () => {
    const crops = parseStepCrops(JSON.parse(readFileSync(file, 'utf8')));
    for (const flow of FLOWS) {
      for (const id of flow.path) {
        const step = flow.steps.find((s) => s.id === id)!;
        if (!step.target || id in VIA_NEXT) continue;
        const c = crops[id];
        expect(c, id).toBeDefined();
        expect(c.width * c.height, id).toBeLessThan(0.95);
        expect(c.width, id).toBeGreaterThanOrEqual(CROP_MIN_SHARE - 0.001);
        expect((c.width * VIEW.width) / (c.height * VIEW.height), id).toBeCloseTo(CROP_ASPECT, 1);
      }
    }
  });
});

describe('public/steps/*.webp (the памятка\'s pictures)', () => {
  /** Width and height of a simple (lossy, `VP8 `) WebP, from its frame header; null for anything else. */
  const webpSize = (b: Buffer): { width: number; height: number } | null =>
    b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 16) === 'WEBPVP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a
      ? { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
      : null;

  it('every step with a crop has its picture, a WebP cut to 400 × 250', () => {
    const crops = parseStepCrops(JSON.parse(readFileSync(resolve(__dirname, '../../..', STEP_CROPS_FILE), 'utf8')));
    expect(Object.keys(crops).length).toBeGreaterThanOrEqual(10);
    for (const id of Object.keys(crops)) {
      const file = resolve(__dirname, '../../../public/steps', `${id}.webp`);
      expect(existsSync(file), id).toBe(true);
      expect(webpSize(readFileSync(file)), id).toEqual({ width: 400, height: 250 });
    }
  });
});
