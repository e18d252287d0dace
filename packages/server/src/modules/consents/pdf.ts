import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ConsentContent } from './templates';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  fonts ??= { regular: readFileSync(path.join(fontDir, 'DejaVuSans.ttf')), bold: readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')) };
  return fonts;
}

export interface SignedConsentPdfInput {
  readonly clinicName: string;
  readonly content: ConsentContent;
  readonly version: number;
  readonly contentHash: string;
  readonly consentId: string;
  readonly patient: { readonly name: string; readonly dateOfBirth: string; readonly mrn: string };
  readonly signerName: string;
  readonly signerRelationship: string;
  readonly signedAt: Date;
  readonly signedAtLocal: string;
  readonly signedIp: string | null;
  readonly signaturePng: Uint8Array;
  readonly countersignedBy: string | null;
  readonly countersignedAtLocal: string | null;
  readonly withdrawnAtLocal: string | null;
  readonly withdrawnReason: string | null;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    page.drawText(this.footer, { x: MARGIN, y: 28, size: 7.5, font: this.font, color: rgb(0.4, 0.4, 0.4) });
    return page;
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }
  text(s: string, options: { size?: number; bold?: boolean; gap?: number; color?: [number, number, number] } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold === true ? this.bold : this.font;
    const width = A4[0] - 2 * MARGIN;
    for (const line of wrap(s, font, size, width)) {
      this.ensure(size * 1.35);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: rgb(...(options.color ?? [0.1, 0.12, 0.13])) });
      this.y -= size * 1.35;
    }
    this.y -= options.gap ?? 4;
  }
}

function wrap(s: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      const next = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(next, size) > width && line !== '') {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The signed consent as a PDF. Deterministic: every date comes from the record and no random id is
 * written, so the same consent produces byte-identical files on every download.
 */
export async function buildSignedConsentPdf(input: SignedConsentPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const { regular, bold } = fontBytes();
  const font = await doc.embedFont(regular, { subset: true });
  const boldFont = await doc.embedFont(bold, { subset: true });
  doc.setTitle(`${input.content.title} — ${input.patient.name}`);
  doc.setAuthor(input.clinicName);
  doc.setSubject(`Signed consent ${input.consentId}`);
  doc.setCreator('Ketapath');
  doc.setProducer('Ketapath');
  doc.setCreationDate(input.signedAt);
  doc.setModificationDate(input.signedAt);

  const w = new Writer(doc, font, boldFont, `Ketapath · consent ${input.consentId} · form version ${input.version} · SHA-256 ${input.contentHash}`);
  w.text(input.clinicName, { size: 11, bold: true, color: [0.06, 0.36, 0.39] });
  w.text(input.content.title, { size: 16, bold: true, gap: 8 });
  w.text(`Patient: ${input.patient.name} · date of birth ${input.patient.dateOfBirth} · record ${input.patient.mrn}`, { size: 10, gap: 10 });
  w.text(input.content.intro, { gap: 8 });
  for (const section of input.content.sections) {
    w.ensure(40);
    w.text(section.heading, { size: 11.5, bold: true, gap: 2 });
    for (const p of section.paragraphs) {
      w.text(p, { gap: 5 });
    }
    w.y -= 4;
  }
  w.text('Sources', { size: 10, bold: true, gap: 2 });
  for (const s of input.content.sources) {
    w.text(`• ${s}`, { size: 8.5, gap: 1 });
  }
  w.y -= 10;
  w.ensure(190);
  w.text('Signature', { size: 12, bold: true, gap: 4 });
  w.text(`I have read this form (version ${input.version}), had the chance to ask questions, and agree to the treatment it describes.`, { gap: 6 });
  const png = await doc.embedPng(input.signaturePng);
  const scale = Math.min(220 / png.width, 70 / png.height, 1);
  w.ensure(png.height * scale + 10);
  w.page.drawImage(png, { x: MARGIN, y: w.y - png.height * scale, width: png.width * scale, height: png.height * scale });
  w.y -= png.height * scale + 8;
  w.text(`Signed by ${input.signerName} (${input.signerRelationship.replace('_', ' ')}) on ${input.signedAtLocal}${input.signedIp === null ? '' : ` from ${input.signedIp}`}.`);
  w.text(input.countersignedBy === null ? 'Not yet countersigned by staff.' : `Countersigned by ${input.countersignedBy} on ${input.countersignedAtLocal ?? ''}.`);
  if (input.withdrawnAtLocal !== null) {
    w.text(`WITHDRAWN on ${input.withdrawnAtLocal}. Reason: ${input.withdrawnReason ?? 'not given'}.`, { bold: true, color: [0.7, 0.14, 0.09] });
  }
  return doc.save({ useObjectStreams: false });
}
