// The column names of a table's cells, in HTML (<tr>, <th>, <td>) or Excel's XML spreadsheets
// (<Row>, <Cell><Data>): its <th> headers, or else its first row when that row reads as names (no
// digits in any cell: "NIK | Nama | Alamat"), as spreadsheets saved as HTML or XML write them.
export class HtmlTable {
  private headers: string[] = [];
  private rows = 0;
  /** The current row's position, and the texts of the first row while it may be the header. */
  private cell = 0;
  private firstRow: string[] | null = [];

  startTable(): void {
    this.headers = [];
    this.rows = 0;
    this.cell = 0;
    this.firstRow = [];
  }

  startRow(): void {
    if (this.cell > 0) this.endRow(); // the previous <tr> was left open
  }

  /** A cell opens: the name of its column for a <td>, if the table has one. */
  startCell(header: boolean): string | undefined {
    const at = this.cell++;
    return header ? undefined : this.headers[at];
  }

  /** Text directly inside the cell that opened last. */
  cellText(text: string, header: boolean): void {
    if (header) {
      this.headers.push(text);
    } else if (this.rows === 0 && this.firstRow) {
      if (/\d/.test(text)) this.firstRow = null;
      else this.firstRow[this.cell - 1] = text;
    }
  }

  endRow(): void {
    if (this.rows++ === 0 && this.headers.length === 0 && this.firstRow && this.firstRow.filter(Boolean).length >= 2) {
      this.headers = Array.from(this.firstRow, (name) => name ?? '');
    }
    this.firstRow = null;
    this.cell = 0;
  }
}
