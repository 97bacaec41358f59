/**
 * Seeded, reproducible randomness for sampling and assignment: the seed (any string) → SHA-256 → sfc32.
 * The same seed gives the same draws on every machine and Node version; the seed is recorded with the task.
 */
import { createHash, randomBytes } from 'node:crypto';

export type Random = () => number;

export function seededRandom(seed: string, stream = ''): Random {
  const h = createHash('sha256').update(`${seed}\u0000${stream}`).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A fresh seed when the task names none (recorded, so the draw can be repeated). */
export function newSeed(): string {
  return randomBytes(8).toString('hex');
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
