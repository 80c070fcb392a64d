// Text layer of a PDF e-paper page, via unpdf (pdf.js packaged for Node / serverless, no worker,
// no network). A scanned page has no text layer: the caller gets a message instead of empty text.
import { extractText, getDocumentProxy } from 'unpdf';

export const PDF_NO_TEXT_MESSAGE =
  '该 PDF 没有文字层（可能是扫描件/图片），无法提取文字：请先做 OCR，或粘贴文字后导入';
export const PDF_UNREADABLE_MESSAGE = '无法读取该 PDF 文件（文件损坏或已加密）';

export type PdfTextResult = { ok: true; text: string; pages: number } | { ok: false; error: string };

export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfTextResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    return { ok: false, error: PDF_UNREADABLE_MESSAGE };
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    // Pages joined by blank lines so the segmenter sees a page break as an article break.
    const joined = text.map((t) => t.trim()).filter(Boolean).join('\n\n');
    // A few stray glyphs (page numbers, a masthead) do not make a text layer.
    if (joined.replace(/\s+/g, '').length < 20) return { ok: false, error: PDF_NO_TEXT_MESSAGE };
    return { ok: true, text: joined, pages: totalPages };
  } catch {
    return { ok: false, error: PDF_UNREADABLE_MESSAGE };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
