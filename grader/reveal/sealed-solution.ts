// A sealed official solution (grader/reveal/<course>/<exercise>.json in a student kit): the probe's inputs and the
// quantization of its outputs in the clear, the solution files encrypted with AES-256-GCM under the probe's key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Job } from '../sandbox/sandbox-protocol.js';
import { REVEAL_VERSION, type Shape } from './reveal-key.js';

export interface SealedSolution {
  version: string;
  course: string;
  exercise: string;
  /** The jobs to run on the learner's files: the probe from info.toml, as it was when the kit was released. */
  probe: Job[];
  shape: Shape;
  q: number[];
  offset: number[];
  /** Base64: GCM's nonce, its authentication tag, and the encrypted JSON { file name: text }. */
  iv: string;
  tag: string;
  ciphertext: string;
}

const TAG_BYTES = 16;

/** Where a kit keeps an exercise's sealed solution, relative to the kit's root. */
export const sealedSolutionPath = (course: string, exercise: string): string =>
  join('grader', 'reveal', course, `${exercise}.json`);

/** Binds the ciphertext to its exercise: a file copied under another name does not open. */
const associatedData = (course: string, exercise: string): Buffer =>
  Buffer.from(`${REVEAL_VERSION}\n${course}/${exercise}`);

export function seal(
  files: Record<string, string>,
  key: Buffer,
  header: Omit<SealedSolution, 'version' | 'iv' | 'tag' | 'ciphertext'>,
): SealedSolution {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(header.course, header.exercise));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(files), 'utf8'), cipher.final()]);
  return {
    version: REVEAL_VERSION,
    ...header,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The solution files, or null when the key is not the one it was sealed with (GCM's tag does not match). */
export function unseal(sealed: SealedSolution, key: Buffer): Record<string, string> | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(sealed.course, sealed.exercise));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return null;
  }
}
