/** The data of the "📄 Bản nháp" button that sends a nomination's Báo cáo thành tích as a .docx draft. */
export const draftReportData = (nominationId: number) => `dr:bctt:${nominationId}`;

export const DRAFT_REPORT_PATTERN = /^dr:bctt:(\d+)$/;

/** The data of "📄 Bản nháp Tờ trình" on a unit's dossier: the unit's Tờ trình đề nghị khen thưởng. */
export const draftLetterData = (unitId: number) => `dr:tt:${unitId}`;

export const DRAFT_LETTER_PATTERN = /^dr:tt:(\d+)$/;

/** The data of a form's danh sách đề nghị khen thưởng on /docs (the form's index, as callback data is short). */
export const draftListData = (formIndex: number) => `dr:ds:${formIndex}`;

export const DRAFT_LIST_PATTERN = /^dr:ds:(\d+)$/;

/** The Council's papers: the blank ballots of a meeting, its biên bản họp, its biên bản kiểm phiếu, the Quyết định. */
export const draftBallotData = (meetingId: number) => `dr:pb:${meetingId}`;
export const draftMinutesData = (meetingId: number) => `dr:bb:${meetingId}`;
export const draftCountData = (meetingId: number) => `dr:kp:${meetingId}`;
export const draftDecisionData = (meetingId: number, formIndex: number) => `dr:qd:${meetingId}:${formIndex}`;

export const DRAFT_BALLOT_PATTERN = /^dr:pb:(\d+)$/;
export const DRAFT_MINUTES_PATTERN = /^dr:(bb|kp):(\d+)$/;
export const DRAFT_DECISION_PATTERN = /^dr:qd:(\d+):(\d+)$/;

/** The draft Quyết định of every nomination of a form awaiting the Director's decision (/record, /docs). */
export const draftRoundDecisionData = (formIndex: number) => `dr:qr:${formIndex}`;

export const DRAFT_ROUND_DECISION_PATTERN = /^dr:qr:(\d+)$/;

/** The Sở's Tờ trình to the province for a form (/record, /docs). */
export const draftProvinceLetterData = (formIndex: number) => `dr:ts:${formIndex}`;

export const DRAFT_PROVINCE_LETTER_PATTERN = /^dr:ts:(\d+)$/;
