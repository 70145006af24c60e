/**
 * Types a document scan may have: raster images and PDF, the formats portals take for a
 * document scan. Nothing else is stored or put into a portal form — in particular no
 * `image/svg+xml`, a format that can carry scripts. Zod-free, so content scripts may import it.
 */
export const SCAN_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff', 'image/heic', 'application/pdf'] as const;

/** Whether a MIME type is one of {@link SCAN_TYPES} (exact, lower case as browsers report it). */
export function isScanType(type: string): boolean {
  return (SCAN_TYPES as readonly string[]).includes(type);
}
