import PizZip from "pizzip";

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of a .docx's body, one line per paragraph, in the document's order (as Word would show it). */
export function docxParagraphs(bytes: Buffer): string[] {
  const xml = new PizZip(bytes).file("word/document.xml")?.asText() ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((match) => (match[0] === "<w:br/>" ? "\n" : unescapeXml(match[1] ?? "")))
      .join(""),
  );
}

export const docxText = (bytes: Buffer) => docxParagraphs(bytes).join("\n");
