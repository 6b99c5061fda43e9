/** How each official release file is recognised (by name and content) and parsed into a layer. */
import type { CodeSystem } from '../terminology/code-system.ts';
import type { Layer, LayerData } from '../terminology/model.ts';
import type { ReleaseSource } from './release-source.ts';

export interface Detection {
  readonly year: number;
}

export interface FileKind {
  /** Stable id, e.g. "icd10cm-order". */
  readonly id: string;
  readonly system: CodeSystem;
  readonly layer: Layer;
  /** Says whether a file is of this kind, from its base name and the first few KB of its text. */
  detect(baseName: string, head: string): Detection | undefined;
  /** Parses the whole file into its layers; throws MedcodeError naming the file and line on bad content. */
  parse(source: ReleaseSource, detection: Detection): Promise<LayerData[]>;
}

/** Official files that are recognised but not loaded, with the reason shown to the user. */
export interface IgnoredKind {
  readonly id: string;
  readonly pattern: RegExp;
  readonly reason: string;
}

/** The year written in a release file name (icd10cm_order_2026.txt, HCPC2025_JAN...). */
export function yearFromName(baseName: string): number | undefined {
  const m = /(?:^|[^0-9])(20[1-4]\d)(?:[^0-9]|$)/.exec(baseName) ?? /(20[1-4]\d)/.exec(baseName);
  return m ? Number(m[1]) : undefined;
}

/** The <version> of an official XML file, from its head. */
export function xmlVersion(head: string): number | undefined {
  const m = /<version>\s*(\d{4})\s*<\/version>/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** The root element of an XML file, from its head. */
export function xmlRoot(head: string): string | undefined {
  const m = /<([A-Za-z][\w.]*)[\s>]/.exec(head.replace(/<\?[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  return m?.[1];
}
