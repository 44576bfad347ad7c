/**
 * Reading and writing a method workbook as .xlsx bytes (read-excel-file and write-excel-file,
 * their "universal" builds, which run in the browser and in Node alike). The layout and every
 * rule are in forms/workbook.ts; this module only turns sheets into bytes and back.
 * Why these two libraries: docs/authoring-definitions.md, "Authoring in a spreadsheet".
 */
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { QuickScanDefinition } from './schema';
import { definitionToWorkbook, workbookToDefinition, type Cell, type WorkbookResult, type WorkbookSheet } from './workbook';

/** Column widths (characters) that keep long texts readable when the workbook is opened. */
function widths(sheet: WorkbookSheet): { width: number }[] {
  const head = sheet.data[0] ?? [];
  return head.map((_, i) => {
    const longest = Math.max(...sheet.data.slice(0, 50).map((row) => String(row[i] ?? '').length));
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
}

/** The .xlsx bytes of a definition's workbook. */
export async function definitionToXlsx(definition: QuickScanDefinition): Promise<Uint8Array> {
  const sheets = definitionToWorkbook(definition).map((s) => ({
    sheet: s.sheet,
    // every text is written as text, so that "2.3" or "TRUE" in a text column stays as typed
    data: s.data.map((row, r) =>
      row.map((cell) =>
        typeof cell === 'string' ? { value: cell, type: String, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) } : cell,
      ),
    ),
    columns: widths(s),
    stickyRowsCount: 1,
  }));
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** Thrown when the bytes are not a readable .xlsx workbook at all. */
export class NotAWorkbookError extends Error {
  override readonly name = 'NotAWorkbookError';
}

/** Reads .xlsx bytes into a definition (validated), or the errors with their cells. */
export async function xlsxToDefinition(bytes: Uint8Array): Promise<WorkbookResult> {
  let sheets;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = await readXlsxFile(buffer, { trim: false });
  } catch (error) {
    throw new NotAWorkbookError(error instanceof Error ? error.message : String(error));
  }
  return workbookToDefinition(sheets.map((s) => ({ sheet: s.sheet, data: s.data as Cell[][] })));
}
