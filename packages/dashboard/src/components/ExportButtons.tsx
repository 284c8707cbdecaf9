import { useRef, useState } from 'preact/hooks';
import { extractTime, rowsOfTable, toCsv, type ExportCell, type ExportTable } from '../model/export';

/** Hands a file to the browser's downloads. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The workbook: the table's description above it, the header in bold; further tables on sheets of their own. */
async function toXlsx(table: ExportTable): Promise<Blob> {
  // Loaded when asked for, so the page's first load does not carry the workbook writer.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const cell = (value: ExportCell) => (value === null ? null : { value, type: typeof value === 'number' ? Number : String });
  const header = (columns: string[]) => columns.map((name) => ({ value: name, type: String, fontWeight: 'bold' as const }));
  const width = (columns: string[]) => columns.map((name, i) => ({ width: i === 0 ? 28 : Math.max(12, Math.min(40, name.length + 2)) }));
  const sheets = [
    {
      sheet: 'Tabell',
      columns: width(table.columns),
      data: [
        [{ value: table.title, type: String, fontWeight: 'bold' as const }],
        ...table.about.map(([label, text]) => [cell(label), cell(text)]),
        [],
        header(table.columns),
        ...table.rows.map((row) => row.map(cell)),
      ],
    },
    ...(table.extraSheets ?? []).map((extra) => ({
      sheet: extra.name,
      columns: width(extra.columns),
      data: [header(extra.columns), ...extra.rows.map((row) => row.map(cell))],
    })),
  ];
  return writeXlsxFile(sheets).toBlob();
}

/** Ladda ner CSV and Ladda ner Excel for one table of the page; `table` is asked when a button is pressed. */
export function ExportButtons({ table, label }: { table: () => ExportTable | null; label: string }) {
  const [problem, setProblem] = useState('');
  const csv = () => {
    const current = table();
    if (current) download(new Blob([toCsv(current)], { type: 'text/csv;charset=utf-8' }), `${current.fileName}.csv`);
  };
  const xlsx = async () => {
    const current = table();
    if (!current) return;
    setProblem('');
    try {
      download(await toXlsx(current), `${current.fileName}.xlsx`);
    } catch (error) {
      setProblem(`Excelfilen kunde inte skapas: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div class="export-buttons" role="group" aria-label={label}>
      <button type="button" onClick={csv}>
        Ladda ner CSV
      </button>
      <button type="button" onClick={() => void xlsx()}>
        Ladda ner Excel
      </button>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * The buttons for the table right after them in the page (or in the region right after them), read as shown (`rowsOfTable`): for tables whose figures are
 * the page's text. `about` says the period and method; the time of the extract and the address are added.
 */
export function NextTableExport({ fileName, about, label }: { fileName: string; about: [string, string][]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const table = (): ExportTable | null => {
    // The table itself, or the one inside the scroll region that holds it.
    const next = ref.current?.nextElementSibling;
    const element = next instanceof HTMLTableElement ? next : next?.querySelector('table');
    if (!(element instanceof HTMLTableElement)) return null;
    return {
      fileName,
      title: element.caption?.textContent?.trim() ?? fileName,
      about: [...about, ['Uttaget', extractTime()], ['Källa', `Samsyn, ${location.href}`]],
      ...rowsOfTable(element),
    };
  };
  return (
    <div ref={ref} class="table-export">
      <ExportButtons label={label} table={table} />
    </div>
  );
}
