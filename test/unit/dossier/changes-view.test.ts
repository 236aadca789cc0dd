import { describe, expect, it } from "vitest";
import type { Sending } from "../../../db/dossiers.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { DossierSnapshot } from "../../../src/domain/dossier-changes.js";
import { reportKey } from "../../../src/domain/nominations.js";
import { sendingNotice } from "../../../src/dossier/changes-view.js";
import { createI18n } from "../../../src/i18n.js";
import { MESSAGE_LIMIT } from "../../../src/paging.js";

const deps = { campaign: loadCampaign(), i18n: createI18n() };
const unit = { code: "HCTP", unit: "Phòng Hành chính & Tư pháp", year: 2026 };
const GK = "giay-khen-giam-doc-so";

/** Sixty nominees with long names and long file names, every report replaced. */
function bigResubmission(): Sending {
  const long = (i: number) => `Nguyễn Thị <Hoàng> Phương Thảo Ngọc Minh Châu Bảo Anh Số ${i}`;
  const nominations = Array.from({ length: 60 }, (_, i) => ({
    id: i + 1,
    name: long(i),
    kind: "individual" as const,
    formId: GK,
    status: "submitted" as const,
  }));
  const files = (version: number): DossierSnapshot["files"] =>
    nominations.map((n) => ({
      documentId: "bao-cao-thanh-tich",
      documentKey: reportKey(n.id),
      version,
      fileName: `bao-cao-thanh-tich-${"rat-dai-".repeat(10)}${n.id}-v${version}.pdf`,
    }));
  return {
    number: 2,
    late: false,
    previous: { nominations, files: files(1) },
    current: { nominations, files: files(2) },
    corrected: nominations.map((n) => n.id),
    moved: [],
  };
}

describe("sendingNotice", () => {
  it("names a first sending with its count", () => {
    const first = { ...bigResubmission(), number: 1, previous: null };
    expect(sendingNotice(deps, "vi", unit, first)).toBe(
      "📥 <b>Phòng Hành chính &amp; Tư pháp</b> (<code>HCTP</code>) đã nộp hồ sơ đề nghị khen thưởng năm 2026, gồm 60 đề nghị. Xem: /dossier HCTP",
    );
  });

  it("keeps a long resubmission within one message, escaped, and counts what it leaves out", () => {
    const text = sendingNotice(deps, "vi", unit, bigResubmission());
    expect(text.length).toBeLessThan(MESSAGE_LIMIT);
    expect(text).toContain("đã <b>nộp lại</b> hồ sơ đề nghị khen thưởng năm 2026 (lần 2)");
    expect(text).toContain("&lt;Hoàng&gt;");
    expect(text).not.toContain("<Hoàng>");
    expect(text).toMatch(/… và \d+ thay đổi khác \(xem \/dossier\)$/);
  });

  it("says so when nothing changed", () => {
    const same = bigResubmission();
    const text = sendingNotice(deps, "vi", unit, {
      ...same,
      current: same.previous ?? same.current,
      corrected: [],
    });
    expect(text.split("\n")).toEqual([
      "📥 <b>Phòng Hành chính &amp; Tư pháp</b> (<code>HCTP</code>) đã <b>nộp lại</b> hồ sơ đề nghị khen thưởng năm 2026 (lần 2), gồm 60 đề nghị. Xem: /dossier HCTP",
      "Không có thay đổi nào so với lần nộp trước.",
    ]);
  });
});
