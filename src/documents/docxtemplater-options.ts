/** How every template is read: a loop tag alone in its paragraph repeats the paragraph; "\n" breaks the line. */
export const DOCXTEMPLATER_OPTIONS = { paragraphLoop: true, linebreaks: true } as const;
