/**
 * A table as the page shows it, ready to download: what it is, for which period, by which method, when it was taken
 * out, and its rows. CSV for Swedish Excel (`;`, decimal comma, UTF-8 with BOM) is written here; the .xlsx workbook
 * by write-excel-file, loaded only when someone asks for it (see components/ExportButtons.tsx).
 */

/** A cell: a number (written as a number, with a decimal comma in CSV), text, or nothing. */
export type ExportCell = number | string | null;

export interface ExportTable {
  /** The file name without extension, e.g. `trattdiagram-CS-IA14-2026-Q3`. */
  fileName: string;
  title: string;
  /** Lines about the table, label and text: Period, Metod, Uttaget … */
  about: [string, string][];
  columns: string[];
  rows: ExportCell[][];
  /** More tables in the workbook (e.g. the funnel's limit curves); the CSV holds the first only. */
  extraSheets?: { name: string; columns: string[]; rows: ExportCell[][] }[];
}

/** What a hidden entry says in every file, as on the page. */
export const HIDDEN_TEXT = 'dolt för att skydda små tal';

/** The time of an extract as Swedish staff write it: 2026-12-07 05:12. */
export function extractTime(now = new Date()): string {
  return now.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
}

/** A number as Swedish Excel reads it: decimal comma, no thousands separator, no exponent. */
export function csvNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (/e/i.test(text)) return value.toFixed(12).replace(/0+$/, '').replace('.', ',');
  return text.replace('.', ',');
}

function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  // Quoted when it holds the separator, a quote or a line break; a leading = + - @ would start a formula in Excel.
  const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV for Swedish Excel: a BOM, the table's description, an empty line, the header and the rows. */
export function toCsv(table: ExportTable): string {
  const lines = [[table.title], ...table.about.map(([label, text]) => [label, text]), [], table.columns, ...table.rows].map((row) =>
    row.map(csvField).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Rounds as the page shows a value (one decimal in its unit), so the file has the page's figures. */
export function roundShown(value: number | null | undefined, digits = 1): number | null {
  if (value === null || value === undefined) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A cell's text as a number when it is one as the page writes numbers ("1 234", "78,4 %", "12,3 dagar"), else the text. */
export function cellValue(text: string): ExportCell {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '' || trimmed === '–') return null;
  const match = /^(-?[\d\u00a0\u202f ]+(?:,\d+)?)(?: ?%)?$/.exec(trimmed);
  if (match) {
    const number = Number(match[1].replace(/[\u00a0\u202f ]/g, '').replace(',', '.'));
    if (Number.isFinite(number)) return number;
  }
  return trimmed;
}

/**
 * A table of the page read as shown: header cells as the columns, each row's cells (a `data-export` attribute,
 * where a cell has one, instead of its text). For tables whose figures are text on the page only.
 */
export function rowsOfTable(table: HTMLTableElement): { columns: string[]; rows: ExportCell[][] } {
  const text = (cell: Element) => cell.getAttribute('data-export') ?? (cell as HTMLElement).innerText ?? cell.textContent ?? '';
  const headRow = table.tHead?.rows[table.tHead.rows.length - 1];
  const columns = headRow ? [...headRow.cells].map((cell) => text(cell).replace(/\s+/g, ' ').trim()) : [];
  const rows: ExportCell[][] = [];
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      const cells: ExportCell[] = [];
      for (const cell of row.cells) {
        cells.push(cellValue(text(cell)));
        for (let extra = 1; extra < cell.colSpan; extra++) cells.push(null);
      }
      rows.push(cells);
    }
  }
  return { columns, rows };
}
