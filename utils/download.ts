/**
 * Saves a file from an extension page the way a browser download does (an `<a download>`
 * click on an object URL; no `downloads` permission needed). The URL is revoked after a minute.
 * @param blob file contents
 * @param name file name offered to the user, e.g. `Заявление-и-согласия-Смирнов.pdf`
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
