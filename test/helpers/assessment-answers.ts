import type { Harness } from "./harness.js";
import type { TestUser } from "./updates.js";

/**
 * Answers every individual criterion as met, with evidence, then every reform area; stops at the summary. The
 * rating is "xuat-sac" unless another button value is given ("pending": not known yet).
 */
export async function answerWholeIndividualAssessment(
  h: Harness,
  person: TestUser,
  options: { areas: boolean; rating?: string } = { areas: true },
): Promise<void> {
  for (const id of ["chap-hanh", "nhiem-vu-cchc", "van-ban-chi-dao"]) {
    await h.press(person, `as:c:${id}:met:yes`);
    await h.send(person, `Đã thực hiện tốt nội dung ${id} trong năm.`);
    await h.press(person, `as:c:${id}:files:done`);
  }
  await h.press(person, "as:c:sang-kien:met:yes");
  await h.send(person, "Số hóa hồ sơ lý lịch tư pháp");
  await h.send(person, "125/QĐ-STP");
  await h.send(person, "15/10/2026");
  await h.press(person, "as:c:sang-kien:council:tinh");
  await h.press(person, "as:c:sang-kien:files:done");
  await h.press(person, "as:c:thu-tuc-hanh-chinh:met:yes");
  await h.send(person, "Công bố kịp thời 12 thủ tục hành chính, không có hồ sơ trễ hẹn.");
  await h.press(person, "as:c:thu-tuc-hanh-chinh:files:done");
  await h.press(person, `as:c:xep-loai:rating:${options.rating ?? "xuat-sac"}`);
  if (!options.areas) return;
  const areas = [
    "the-che",
    "thu-tuc-hanh-chinh",
    "to-chuc-bo-may",
    "che-do-cong-vu",
    "tai-chinh-cong",
    "chinh-quyen-so",
  ];
  for (const [index, area] of areas.entries()) {
    if (index % 2 === 0) await h.send(person, `Kết quả về ${area}.`);
    else await h.press(person, `as:a:${area}:skip`);
  }
}

/**
 * Answers the unit's 3 collective criteria (the initiative as not met), skips the first five reform areas
 * and answers the last with `lastArea`; stops at the summary.
 */
export async function answerWholeUnitAssessment(h: Harness, head: TestUser, lastArea: string): Promise<void> {
  for (const id of ["chap-hanh", "nhiem-vu-cchc"]) {
    await h.press(head, `as:c:${id}:met:yes`);
    await h.send(head, "Đơn vị thực hiện tốt.");
    await h.press(head, `as:c:${id}:files:done`);
  }
  await h.press(head, "as:c:sang-kien:met:no");
  for (const area of [
    "the-che",
    "thu-tuc-hanh-chinh",
    "to-chuc-bo-may",
    "che-do-cong-vu",
    "tai-chinh-cong",
  ]) {
    await h.press(head, `as:a:${area}:skip`);
  }
  await h.send(head, lastArea);
}
