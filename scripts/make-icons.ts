/**
 * Draws the add-in's icon (a white check mark on a blue ledger) at the sizes the manifest asks
 * for: 16, 32, 80 for the ribbon, 64 and 128 for the store and high-DPI. npm run icons.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to segment a–b, in icon units (0..1). */
function seg(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size: number): Buffer {
  return png(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const inBox = u > 0.06 && u < 0.94 && v > 0.06 && v < 0.94;
    if (!inBox) return [0, 0, 0, 0];
    const tick = Math.min(seg(u, v, 0.24, 0.52, 0.43, 0.72), seg(u, v, 0.43, 0.72, 0.78, 0.3)) < 0.075;
    const line = !tick && u > 0.2 && u < 0.8 && [0.2, 0.86].some((l) => Math.abs(v - l) < 0.025) && size >= 32;
    return tick || line ? [255, 255, 255, 255] : [48, 84, 150, 255];
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), icon(size));
console.log('wrote assets/icon-{16,32,64,80,128}.png');
