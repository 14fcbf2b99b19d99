import PDFDocument from 'pdfkit';
import { fontBytes } from '../documents/index.ts';

/**
 * The one file every demo material is uploaded as: a real one-page PDF (so
 * the case's material viewer opens it) that says it is a sample, never a
 * real document.
 */
export async function demoMaterialPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: '演示材料', Creator: 'Tongban 通办', Producer: 'Tongban 通办' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes().regular);
  doc.font('regular').fontSize(20).text('演示材料', { align: 'center' });
  doc.moveDown().fontSize(12).text('本文件是示范县政务服务中心演示数据中的示例材料，仅用于体验系统功能，不是真实的申请材料。');
  doc.end();
  return done;
}
