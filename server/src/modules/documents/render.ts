/**
 * Lays a notice out as an A4 PDF with pdfkit. The font is Noto Sans SC from
 * the npm package @expo-google-fonts/noto-sans-sc, so a machine without any
 * system CJK font prints the same notice; pdfkit embeds only the glyphs used.
 * Apart from the issue date (which also sets the PDF's dates and file id),
 * the same content gives the same bytes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { NoticeContent } from './rules.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

interface FontBytes {
  regular: Buffer;
  bold: Buffer;
}
let fonts: FontBytes | undefined;

/** The two font files (10 MB each), read once per process. */
export function fontBytes(): FontBytes {
  fonts ??= {
    regular: fs.readFileSync(require.resolve(`${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`)),
    bold: fs.readFileSync(require.resolve(`${FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`)),
  };
  return fonts;
}

/**
 * The QR code's dark modules as rows of runs. Drawn as vector squares rather
 * than a PNG: sharper on any printer and ten times faster than encoding an
 * image. Medium error correction survives a crease or a smudge.
 */
export function qrRuns(url: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) { col++; continue; }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size: modules.size, runs };
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 56, left: 64, right: 64 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY = 12;
const LINE_GAP = 5;
const QR_SIZE = 92;

/** Renders the notice; `issuedAt` is the PDF's creation date. */
export async function renderNotice(content: NoticeContent, issuedAt: Date): Promise<Buffer> {
  const { regular, bold } = fontBytes();
  const qr = qrRuns(content.qr.url);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${content.title} ${content.number}`, Author: content.issuer, Subject: content.title, Creator: 'Tongban 通办', Producer: 'Tongban 通办', CreationDate: issuedAt, ModDate: issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const left = MARGIN.left;
  const bottom = A4.height - MARGIN.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom) doc.addPage();
  };

  doc.font('bold').fontSize(15).text(content.heading, left, MARGIN.top, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(22).text(content.title, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).text(content.number, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.4);
  doc.moveTo(left, doc.y).lineTo(left + CONTENT_WIDTH, doc.y).lineWidth(1.2).stroke('#b00000');
  doc.moveDown(1);

  doc.font('regular').fontSize(BODY).fillColor('#000000');
  doc.text(content.salutation, left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  for (const p of content.paragraphs) {
    doc.text(p, left, doc.y, { width: CONTENT_WIDTH, indent: BODY * 2, lineGap: LINE_GAP, align: 'justify' });
    doc.moveDown(0.4);
  }

  if (content.table) drawTable(doc, content.table, ensure);

  for (const p of content.closing) {
    doc.font('regular').fontSize(BODY).text(p, left, doc.y, { width: CONTENT_WIDTH, indent: BODY * 2, lineGap: LINE_GAP, align: 'justify' });
    doc.moveDown(0.4);
  }

  // The facts of the case, label and value in two columns.
  doc.moveDown(0.4);
  const labelWidth = 112;
  for (const [label, value] of content.facts) {
    doc.font('regular').fontSize(11);
    const h = Math.max(doc.heightOfString(value, { width: CONTENT_WIDTH - labelWidth }), 14) + 4;
    ensure(h);
    const y = doc.y;
    doc.fillColor('#444444').text(`${label}：`, left, y, { width: labelWidth });
    doc.fillColor('#000000').text(value, left + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = y + h;
  }

  // Contact and QR code side by side, then the issuer and date on the right.
  doc.moveDown(0.8);
  // QR code, its three caption lines, and the issuer beside them.
  ensure(QR_SIZE + 44);
  const top = doc.y;
  drawQr(doc, qr, left, top);
  doc.font('regular').fontSize(9).fillColor('#000000');
  let captionY = top + QR_SIZE + 2;
  for (const line of content.qr.caption) {
    doc.text(line, left, captionY, { width: QR_SIZE + 80 });
    captionY = doc.y;
  }
  doc.fontSize(11);
  let y = top + 4;
  for (const line of content.contact) {
    doc.text(line, left + QR_SIZE + 24, y, { width: CONTENT_WIDTH - QR_SIZE - 24, lineGap: 3 });
    y = doc.y + 2;
  }
  y = Math.max(y + 20, top + 48);
  doc.fontSize(BODY).text(content.issuer, left + QR_SIZE + 24, y, { width: CONTENT_WIDTH - QR_SIZE - 24, align: 'right' });
  doc.text(content.issueDate, left + QR_SIZE + 24, doc.y + 4, { width: CONTENT_WIDTH - QR_SIZE - 24, align: 'right' });

  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The code with a quiet zone of two modules on a white square. */
function drawQr(doc: Doc, qr: ReturnType<typeof qrRuns>, x: number, y: number): void {
  const quiet = 2;
  const unit = QR_SIZE / (qr.size + quiet * 2);
  doc.save();
  doc.rect(x, y, QR_SIZE, QR_SIZE).fill('#ffffff');
  for (const r of qr.runs) doc.rect(x + (r.col + quiet) * unit, y + (r.row + quiet) * unit, r.length * unit, unit);
  doc.fill('#000000');
  doc.restore();
}

/** A bordered table whose rows grow with their text and break across pages. */
function drawTable(doc: Doc, table: NonNullable<NoticeContent['table']>, ensure: (h: number) => void): void {
  const left = MARGIN.left;
  const pad = 4;
  const row = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: table.widths[i]! - pad * 2 }));
    const h = Math.max(...heights) + pad * 2;
    ensure(h);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const w = table.widths[i]!;
      doc.rect(x, y, w, h).lineWidth(0.6).stroke('#555555');
      doc.fillColor('#000000').text(c, x + pad, y + pad, { width: w - pad * 2 });
      x += w;
    });
    doc.y = y + h;
  };
  doc.moveDown(0.2);
  row(table.columns, 'bold');
  for (const r of table.rows) row(r, 'regular');
  doc.x = left;
  doc.moveDown(0.8);
}
