/**
 * Reading the pixels of a screenshot without a PNG library: Chromium decodes it (in a blank page of
 * the same browser) and hands back the RGBA bytes, and the colour helpers the pixel checks share.
 */
import type { Browser } from 'playwright-core';

/** An image's pixels, four bytes (RGBA) each, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

/** Decodes a PNG with Chromium's own decoder. */
export async function decodePng(browser: Browser, png: Buffer): Promise<Pixels> {
  const page = await browser.newPage();
  try {
    const decoded = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: bitmap.width, height: bitmap.height, base64: btoa(binary) };
    }, png.toString('base64'));
    return { width: decoded.width, height: decoded.height, data: Buffer.from(decoded.base64, 'base64') };
  } finally {
    await page.close();
  }
}

/** `#rrggbb` → [r, g, b]. */
export function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour laid over a background at an opacity (as a translucent tint is drawn). */
export function blend(colour: readonly number[], background: readonly number[], alpha: number): number[] {
  return colour.map((c, i) => Math.round(c * alpha + background[i] * (1 - alpha)));
}

/** The pixel at (x, y) as [r, g, b]. */
export function pixelAt(image: Pixels, x: number, y: number): [number, number, number] {
  const i = (y * image.width + x) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** Euclidean distance between two RGB colours (0–441). */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
