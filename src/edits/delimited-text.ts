/**
 * Rows of a delimited text export (tab-delimited .txt, or CSV saved from the CMS .xlsx), with quoted
 * cells that may hold the delimiter, doubled quotes or line breaks. Keeps the line each row starts on.
 */

export interface TextRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Tab when the text has tabs, else comma. */
export function detectDelimiter(text: string): '\t' | ',' {
  return text.includes('\t') ? '\t' : ',';
}

export function parseDelimited(text: string, delimiter: string = detectDelimiter(text)): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: start, cells: cells.map((c) => c.trim()) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      endRow();
      line++;
      start = line;
    } else if (ch !== '\r') cell += ch;
  }
  endRow();
  return rows;
}
