/** The data of the "📄 Bản nháp" button that sends a nomination's Báo cáo thành tích as a .docx draft. */
export const draftReportData = (nominationId: number) => `dr:bctt:${nominationId}`;

export const DRAFT_REPORT_PATTERN = /^dr:bctt:(\d+)$/;
