import type { DB } from "./connection.js";
import { addUnit } from "./units.js";

/**
 * SAMPLE DATA, for trying the bot: units as a provincial Department of Justice typically has them.
 * They are stored with is_sample = 1 and shown as sample data; rename or archive them for real use.
 */
export const SAMPLE_UNITS: ReadonlyArray<{ code: string; name: string; officeProposes?: boolean }> = [
  // The Director and deputy directors, and the Office's own staff, have no unit head above them: the Office
  // proposes them.
  { code: "BGD", name: "Ban Giám đốc", officeProposes: true },
  { code: "VP", name: "Văn phòng Sở", officeProposes: true },
  { code: "TTR", name: "Thanh tra Sở" },
  { code: "XDKT", name: "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật" },
  { code: "PBGD", name: "Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật" },
  { code: "HCTP", name: "Phòng Hành chính tư pháp" },
  { code: "BTTP", name: "Phòng Bổ trợ tư pháp" },
  { code: "TGPL", name: "Trung tâm Trợ giúp pháp lý nhà nước" },
  { code: "CC1", name: "Phòng Công chứng số 1" },
  { code: "DGTS", name: "Trung tâm Dịch vụ đấu giá tài sản" },
];

/** Adds the sample units whose codes are free; returns the codes added. */
export async function seedSampleUnits(db: DB, now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const unit of SAMPLE_UNITS) {
    if (await addUnit(db, { ...unit, isSample: true }, now)) added.push(unit.code);
  }
  return added;
}
