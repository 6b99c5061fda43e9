/**
 * Reads the trained coding model from disk (the committed CodiEsp model by default). I/O at the edge; the
 * engine itself only takes the parsed model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MedcodeError } from '../../core/medcode-error.ts';
import type { CodingModel } from '../learned/coding-model.ts';
import { parseCodingModel } from '../learned/coding-model.ts';

/** Path of the model trained by scripts/train-coding.ts. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../learned/model/codiesp-en.json', import.meta.url));

export function loadCodingModel(file: string = DEFAULT_MODEL_PATH): CodingModel {
  if (!existsSync(file)) {
    throw new MedcodeError('INVALID_INPUT', `coding model not found: ${file}`, {
      location: { file },
      hint: 'Train it with: npx tsx scripts/train-coding.ts',
    });
  }
  return parseCodingModel(JSON.parse(readFileSync(file, 'utf8')), file);
}
