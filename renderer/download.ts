import type { ExportFile } from '../shared/contract';

/** Hands a file to the user: a save dialog in the app, a download in a browser. */
export function saveFile(file: Pick<ExportFile, 'fileName' | 'mimeType' | 'content'>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
