import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A paginated table as PDF (landscape US Letter, DejaVu Sans so any name prints). Deterministic: the
 * same input gives the same bytes (metadata dates come from the data, no generation time, no random ids).
 */
export interface PdfColumn {
  readonly header: string;
  /** Share of the table width. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export interface PdfTable {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly { readonly cells: readonly string[]; readonly flagged?: boolean }[];
  readonly footnotes: readonly string[];
  /** Written as the document's creation and modification date (take it from the data). */
  readonly documentDate: Date;
  readonly subject: string;
  /** Text at the foot of every page, before the page number. */
  readonly footer: string;
}

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const PAGE = { width: 792, height: 612 };
const MARGIN = 36;
const SIZE = 7.5;
const LINE = 9.5;
const PAD = 3;

/** Break text into lines that fit `width` (words first, then characters for very long words). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') {
        out.push(line);
      }
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) {
          cut--;
        }
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

export async function renderTablePdf(t: PdfTable): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const font = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });
  doc.setTitle(t.title);
  doc.setSubject(t.subject);
  doc.setAuthor('Ketapath');
  doc.setCreator('Ketapath');
  doc.setProducer('Ketapath (pdf-lib)');
  doc.setCreationDate(t.documentDate);
  doc.setModificationDate(t.documentDate);

  const tableWidth = PAGE.width - 2 * MARGIN;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * tableWidth);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const headerLines = t.columns.map((c, i) => wrap(c.header, bold, SIZE, (widths[i] ?? 0) - 2 * PAD));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * LINE + 2 * PAD;
  const laidOut = t.rows.map((r) => {
    const lines = r.cells.map((cell, i) => wrap(cell, font, SIZE, (widths[i] ?? 0) - 2 * PAD));
    return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * LINE + 2 * PAD, flagged: r.flagged === true };
  });

  // Paginate first so every page can say "page n of N".
  const titleBlock = 18 + t.subtitle.length * 11 + 8;
  const bottom = MARGIN + 14;
  const pages: (typeof laidOut)[] = [[]];
  let y = PAGE.height - MARGIN - titleBlock - headerHeight;
  for (const row of laidOut) {
    const current = pages.at(-1) ?? [];
    if (y - row.height < bottom && current.length > 0) {
      pages.push([]);
      y = PAGE.height - MARGIN - headerHeight;
    }
    pages.at(-1)?.push(row);
    y -= row.height;
  }
  const footY = bottom;

  const grey = rgb(0.35, 0.38, 0.4);
  const drawRow = (page: PDFPage, top: number, lines: string[][], height: number, f: PDFFont, fill?: ReturnType<typeof rgb>) => {
    if (fill !== undefined) {
      page.drawRectangle({ x: MARGIN, y: top - height, width: tableWidth, height, color: fill });
    }
    lines.forEach((cellLines, i) => {
      const w = widths[i] ?? 0;
      const right = t.columns[i]?.align === 'right';
      cellLines.forEach((text, li) => {
        const x = right ? (xs[i] ?? 0) + w - PAD - f.widthOfTextAtSize(text, SIZE) : (xs[i] ?? 0) + PAD;
        page.drawText(text, { x, y: top - PAD - (li + 1) * LINE + 2, size: SIZE, font: f, color: rgb(0.1, 0.12, 0.14) });
      });
    });
    page.drawLine({ start: { x: MARGIN, y: top - height }, end: { x: MARGIN + tableWidth, y: top - height }, thickness: 0.4, color: rgb(0.75, 0.78, 0.8) });
  };

  pages.forEach((rows, pi) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    let top = PAGE.height - MARGIN;
    if (pi === 0) {
      page.drawText(t.title, { x: MARGIN, y: top - 14, size: 14, font: bold });
      top -= 18;
      for (const s of t.subtitle) {
        page.drawText(s, { x: MARGIN, y: top - 10, size: 8.5, font, color: grey });
        top -= 11;
      }
      top -= 8;
    }
    drawRow(page, top, headerLines, headerHeight, bold, rgb(0.91, 0.95, 0.95));
    top -= headerHeight;
    for (const row of rows) {
      drawRow(page, top, row.lines, row.height, font, row.flagged ? rgb(1, 0.9, 0.88) : undefined);
      top -= row.height;
    }
    if (pi === pages.length - 1 && t.footnotes.length > 0) {
      top -= 6;
      for (const note of t.footnotes) {
        for (const l of wrap(note, font, 7.5, tableWidth)) {
          if (top - LINE < footY) {
            break;
          }
          page.drawText(l, { x: MARGIN, y: top - LINE, size: 7.5, font, color: grey });
          top -= LINE;
        }
      }
    }
    page.drawText(`${t.footer} · page ${pi + 1} of ${pages.length}`, { x: MARGIN, y: MARGIN - 4, size: 7, font, color: grey });
  });
  return doc.save({ useObjectStreams: false });
}
