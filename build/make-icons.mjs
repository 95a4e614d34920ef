// Makes the installers' icons from the one drawing, build/icon.svg: `node build/make-icons.mjs`.
// Chromium (through playwright-core; CHROMIUM_PATH or Debian's /usr/bin/chromium) draws the SVG on
// a canvas at each size, and the files are written from those pixels:
//   build/icons/NxN.png  Linux (AppImage, deb), 16 to 512
//   build/icon.ico       Windows (NSIS): 16 to 128 as bitmaps, which every Windows tool reads, 256 as PNG
//   build/icon.icns      macOS (dmg): 16 to 1024, PNG inside
//   build/icon.png       the drawing at 1024, for anything that wants one picture
// The output is committed; run this again only after changing the drawing.
import { chromium } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildFolder = dirname(fileURLToPath(import.meta.url));

/** The sizes each platform's icon holds. */
export const ICON_SIZES = {
  linux: [16, 24, 32, 48, 64, 128, 256, 512],
  windows: [16, 24, 32, 48, 64, 128, 256],
  // The icns types for PNG pictures, by their size in pixels (the @2x types hold the larger picture).
  mac: [
    ['icp4', 16],
    ['icp5', 32],
    ['ic11', 32],
    ['icp6', 64],
    ['ic12', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic13', 256],
    ['ic09', 512],
    ['ic14', 512],
    ['ic10', 1024],
  ],
};

/** The drawing rendered at `size`: its PNG bytes and its pixels (RGBA, rows top to bottom). */
async function render(page, svg, size) {
  const { png, rgba } = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, size, size);
      return { png: canvas.toDataURL('image/png').split(',')[1], rgba: Array.from(context.getImageData(0, 0, size, size).data) };
    },
    { svg, size },
  );
  return { png: Buffer.from(png, 'base64'), rgba: Buffer.from(rgba) };
}

/** A Windows icon bitmap (BITMAPINFOHEADER, BGRA rows bottom to top, an empty AND mask). */
function iconBitmap(rgba, size) {
  const header = Buffer.alloc(40);
  const maskRow = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // the colour picture and its mask, one above the other
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico file of the given pictures. */
function icoFile(pictures) {
  const directory = Buffer.alloc(6 + 16 * pictures.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(pictures.length, 4);
  let offset = directory.length;
  pictures.forEach(({ size, bytes }, i) => {
    const entry = 6 + 16 * i;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // 0 stands for 256
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(bytes.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += bytes.length;
  });
  return Buffer.concat([directory, ...pictures.map((picture) => picture.bytes)]);
}

/** An .icns file of PNG pictures by their icns type. */
function icnsFile(pictures) {
  const entries = pictures.map(({ type, png }) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + entries.reduce((sum, entry) => sum + entry.length, 0), 4);
  return Buffer.concat([header, ...entries]);
}

async function main() {
  const svg = await readFile(join(buildFolder, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const sizes = [...new Set([...ICON_SIZES.linux, ...ICON_SIZES.windows, ...ICON_SIZES.mac.map(([, size]) => size)])];
    const rendered = new Map();
    for (const size of sizes) rendered.set(size, await render(page, svg, size));

    await mkdir(join(buildFolder, 'icons'), { recursive: true });
    for (const size of ICON_SIZES.linux) await writeFile(join(buildFolder, 'icons', `${size}x${size}.png`), rendered.get(size).png);
    await writeFile(
      join(buildFolder, 'icon.ico'),
      icoFile(ICON_SIZES.windows.map((size) => ({ size, bytes: size >= 256 ? rendered.get(size).png : iconBitmap(rendered.get(size).rgba, size) }))),
    );
    await writeFile(join(buildFolder, 'icon.icns'), icnsFile(ICON_SIZES.mac.map(([type, size]) => ({ type, png: rendered.get(size).png }))));
    await writeFile(join(buildFolder, 'icon.png'), rendered.get(1024).png);
    console.log('wrote build/icons/*.png, build/icon.ico, build/icon.icns and build/icon.png');
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
