/**
 * The command line's inflater started ahead (the next sheet inflated while this one is checked)
 * gives what it gives when asked cold: the same bytes, the same damage said, a sink's own error.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { nodeInflater, stopInflatingAhead } from '../../src/cli/node-inflate';

function collect(compressed: Uint8Array, stopAt = Infinity): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  let got = 0;
  return nodeInflater
    .inflate(compressed, (c) => {
      got += c.length;
      if (got > stopAt) throw new Error('the sink has had enough');
      pieces.push(c.slice());
    })
    .then(() => Buffer.concat(pieces));
}

/** Text of `n` bytes that deflates well but not to nothing (a sheet's rows). */
function rows(n: number, seed: number): Buffer {
  let s = '';
  for (let r = 1; s.length < n; r++) s += `<row r="${r}"><c r="A${r}"><v>${(r * 7919 + seed) % 100_003}</v></c></row>`;
  return Buffer.from(s.slice(0, n));
}

afterEach(() => stopInflatingAhead());

describe('nodeInflater.ahead', () => {
  it('gives the same bytes whether started ahead or not, for parts of any size and several ahead at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 12 << 20 }), { minLength: 1, maxLength: 4 }), fc.integer(), async (sizes, seed) => {
        const raws = sizes.map((n, i) => rows(n, seed + i));
        const parts = raws.map((r) => new Uint8Array(deflateRawSync(r, { level: 1 })));
        // Every part announced first (more than are kept ahead: the oldest are dropped), then read in order.
        for (const p of parts) nodeInflater.ahead!(p);
        for (let i = 0; i < parts.length; i++) expect((await collect(parts[i])).equals(raws[i])).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it('a part started ahead is found again from another view of the same bytes (as the zip reader slices it)', async () => {
    const raw = rows(3 << 20, 1);
    const file = Buffer.concat([Buffer.from('PK-header'), deflateRawSync(raw), Buffer.from('next part')]);
    const start = 9;
    const length = file.length - start - 9;
    nodeInflater.ahead!(new Uint8Array(file.buffer, file.byteOffset + start, length));
    expect((await collect(new Uint8Array(file.buffer, file.byteOffset + start, length))).equals(raw)).toBe(true);
  });

  it('says damaged data the same way started ahead as not', async () => {
    const good = deflateRawSync(rows(2 << 20, 2));
    const damaged = new Uint8Array(good);
    damaged.fill(0xff, 100, 400);
    const cold = await collect(damaged).then(
      () => 'read',
      (e: Error) => e.message,
    );
    nodeInflater.ahead!(damaged);
    const warm = await collect(damaged).then(
      () => 'read',
      (e: Error) => e.message,
    );
    expect(cold).not.toBe('read');
    expect(warm).toBe(cold);
  });

  it("stops with the sink's own error, and the next reading of the part starts afresh", async () => {
    const raw = rows(10 << 20, 3);
    const part = new Uint8Array(deflateRawSync(raw, { level: 1 }));
    nodeInflater.ahead!(part);
    await expect(collect(part, 3 << 20)).rejects.toThrow('the sink has had enough');
    expect((await collect(part)).equals(raw)).toBe(true);
  });
});
