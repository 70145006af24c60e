import { afterAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { buildGuidePdf } from '@/utils/papers/guide-pdf';
import { guideSheetSteps, type SheetPicture } from '@/utils/training/sheet';
import { FLOWS } from '@/utils/flows/search';
import { textForVariant } from '@/utils/guide/recognise';
import { norm, pdfPages, pdfText, requirePoppler, shippedFonts, tempDir, writePdf } from '../papers/helpers';

/**
 * The памятка of each portal as the training page makes it (`utils/training/sheet.ts`): the main
 * path's steps with their real texts and notes, two or three to an A4 page.
 */

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A plain 640×400 PNG (the size of the step pictures), stored rows. */
function plainPng(width: number, height: number): Uint8Array {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const raw = Buffer.alloc((width * 3 + 1) * height, 210);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

const PICTURE: SheetPicture = { bytes: plainPng(640, 400), type: 'png', crop: { left: 0.25, top: 0.25, width: 0.5, height: 0.5 } };

describe('the памятка of each portal', () => {
  for (const portal of ['sgo', 'cabinet'] as const) {
    it(`${portal}: every step of the main path, two or three to a page`, async () => {
      requirePoppler();
      const flow = FLOWS.find((f) => f.id === portal)!;
      const asked: string[] = [];
      const steps = await guideSheetSteps(portal, async (id) => {
        asked.push(id);
        return PICTURE;
      });
      expect(steps.map((s) => s.code)).toEqual(flow.path.map((id) => flow.steps.find((s) => s.id === id)!.code));
      expect(asked).toEqual(flow.path);
      for (const s of steps) {
        expect(s.image).toBe(PICTURE);
        expect(s.instruction).toBe(textForVariant(flow.steps.find((x) => x.code === s.code)!.instruction));
      }

      const path = writePdf(tmp.dir, `pamyatka-${portal}`, await buildGuidePdf({ title: 'Памятка', portal, steps, generatedOn: '2026-12-02' }, await shippedFonts()));
      const { count } = pdfPages(path);
      // The cover, then at most one page per two steps (before: one page per step).
      expect(count).toBeLessThanOrEqual(1 + Math.ceil(steps.length / 2));
      const perPage = Array.from({ length: count - 1 }, (_, i) => (norm(pdfText(path, i + 2)).match(/Шаг \d+ из \d+/g) ?? []).length);
      expect(perPage.reduce((a, b) => a + b, 0)).toBe(steps.length);
      perPage.forEach((n, i) => {
        expect(n, `page ${i + 2}: ${perPage.join(', ')}`).toBeLessThanOrEqual(3);
        if (i < perPage.length - 1) expect(n, `page ${i + 2}: ${perPage.join(', ')}`).toBeGreaterThanOrEqual(2);
      });
    });
  }
});
