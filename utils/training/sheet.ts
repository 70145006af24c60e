/**
 * The printable guide («памятка») of the training page: the steps of a portal's main path, two
 * or three to an A4 page, each with the picture of the portal at that step (`public/steps/`,
 * made from the replicas by `scripts/step-images.ts` and already cut to the outlined control and
 * its surroundings, `utils/training/pictures.ts`) and the instruction the parent sees.
 * pdf-lib is loaded only when a guide is asked for.
 */
import { browser } from 'wxt/browser';
import { FLOWS } from '@/utils/flows/search';
import { troublesFor } from '@/utils/flows/troubles';
import { stepImageFile } from '@/utils/flows/images';
import { downloadBlob } from '@/utils/download';
import { todayLocal } from '@/utils/profile/dates';
import type { Step } from '@/utils/guide/types';
import { textForVariant } from '@/utils/guide/recognise';
import type { GuideSheetStep } from '@/utils/papers/guide-pdf';
import { TRAINING_PORTALS, type TrainingPortal } from './nav';

/**
 * A step picture as JPEG bytes (pdf-lib embeds PNG and JPEG, the pictures are WebP): decoded
 * and re-encoded through a canvas.
 * @param stepId e.g. `cabinet.email`
 * @returns the bytes, or undefined when the step has no picture
 */
async function stepJpeg(stepId: string): Promise<Uint8Array | undefined> {
  const res = await fetch(browser.runtime.getURL(`/${stepImageFile(stepId)}` as '/popup.html')).catch(() => null);
  if (!res?.ok) return undefined;
  const bitmap = await createImageBitmap(await res.blob());
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

/** A step picture for the guide: the bytes and the part to print. */
export type SheetPicture = NonNullable<GuideSheetStep['image']>;

/**
 * The guide's steps for a portal: its main path in order, with code, title, the parent's
 * instruction, up to two «Если …: …» notes from the known troubles, and the picture.
 * @param portal `sgo` | `cabinet`
 * @param picture the picture of a step (with its crop), or undefined
 */
export async function guideSheetSteps(portal: TrainingPortal, picture: (stepId: string) => Promise<SheetPicture | undefined>): Promise<GuideSheetStep[]> {
  const flow = FLOWS.find((f) => f.id === portal)!;
  const steps = flow.path.map((id) => flow.steps.find((s) => s.id === id)).filter((s): s is Step => !!s);
  return Promise.all(
    steps.map(async (s) => {
      const image = await picture(s.id);
      const notes = troublesFor(s.id)
        .slice(0, 2)
        .map((t) => `Если ${t.symptom.charAt(0).toLowerCase()}${t.symptom.slice(1).replace(/[.!]$/, '')}: ${t.advice.charAt(0).toLowerCase()}${t.advice.slice(1)}`);
      return { code: s.code, title: s.title, instruction: textForVariant(s.instruction), image, notes };
    }),
  );
}

/**
 * Builds the guide for a portal and saves it as a download.
 * @param portal `sgo` | `cabinet`
 * @returns the file name offered to the user
 * @throws Error when the PDF cannot be made
 */
export async function makeGuideSheet(portal: TrainingPortal): Promise<string> {
  // The pictures are the crops already: printed whole.
  const sheetSteps = await guideSheetSteps(portal, async (id) => {
    const bytes = await stepJpeg(id);
    return bytes ? { bytes, type: 'jpeg' } : undefined;
  });
  const { buildGuidePdf, guidePdfFileName } = await import('@/utils/papers/guide-pdf');
  const generatedOn = todayLocal();
  const host = TRAINING_PORTALS[portal].host;
  const pdf = await buildGuidePdf({
    title: `Как получить сертификат дополнительного образования — ${TRAINING_PORTALS[portal].label}`,
    portal: host,
    steps: sheetSteps,
    generatedOn,
  });
  const name = guidePdfFileName(host, generatedOn);
  downloadBlob(new Blob([pdf as BlobPart], { type: 'application/pdf' }), name);
  return name;
}
