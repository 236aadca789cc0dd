// exceljs's streaming writer alone: its package root loads the whole library (reader, workbook model,
// csv), twice the time and memory the export needs.
declare module "exceljs/lib/stream/xlsx/workbook-writer.js" {
  import type ExcelJS from "exceljs";

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
