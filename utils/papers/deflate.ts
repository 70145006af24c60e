/**
 * zlib compression (the PDF's FlateDecode) by the platform: `CompressionStream('deflate')` of
 * browsers and Node ≥ 18, several times faster than pdf-lib's JavaScript deflate (pako).
 */

/**
 * Compresses bytes in the zlib format (RFC 1950), as a PDF's `/Filter /FlateDecode` stream holds them.
 * @param bytes the data
 * @returns the compressed data
 */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // (Typed arrays over a SharedArrayBuffer are not Blob parts; the papers never make one.)
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
