// The store images, made by the product itself (store/images.ts): every image at the size the stores
// take, in English and German, and none of them blank.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES, makeStoreImages, SHOT, SHOTS, TILE } from '../../store/images';

const out = mkdtempSync(path.join(tmpdir(), 'xtt-store-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Width, height and how many distinct bytes the decoded picture holds (one for a blank image). */
function pngFacts(file: string): { width: number; height: number; distinct: number } {
  const png = readFileSync(file);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const pixels = inflateSync(Buffer.concat(data));
  const seen = new Set<number>();
  // Past each row's filter byte, a sample of the bytes is enough to tell a picture from a blank.
  for (let i = 0; i < pixels.length && seen.size < 64; i += 97) seen.add(pixels[i] as number);
  return { width, height, distinct: seen.size };
}

describe('store images', () => {
  it('in English and German: the token page, the copy menu, the popup beside the page, the welcome page and the tile', async () => {
    const files = await makeStoreImages(out);
    expect(files.map((f) => path.relative(out, f)).sort()).toEqual(
      LANGUAGES.flatMap((l) => [...SHOTS, 'tile'].map((name) => `${l}/${name}.png`)).sort(),
    );
    for (const file of files) {
      const facts = pngFacts(file);
      const size = file.endsWith('tile.png') ? TILE : SHOT;
      expect({ file: path.relative(out, file), width: facts.width, height: facts.height }).toEqual({
        file: path.relative(out, file),
        ...size,
      });
      expect(facts.distinct).toBeGreaterThan(16);
    }
  }, 180_000);
});
