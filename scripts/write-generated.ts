import { writeFileSync } from 'node:fs';
import prettier from 'prettier';

/** Writes a generated TypeScript module formatted with the repository's prettier settings. */
export async function writeGenerated(file: string, source: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(source, { ...options, filepath: file }));
}
