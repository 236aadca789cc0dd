import { type Campaign, SYSTEM_STATUSES } from "../campaign/schema.js";
import type { NominationStatus } from "../domain/nominations.js";

/**
 * Where a /nominations list stands, carried in its buttons' callback data so that a page, a nomination opened
 * from it, "◀ Danh sách", "▶ Tiếp" and a bulk move all come back to the same list, even after a restart.
 *
 *   nl:<page>:<filter>            every nomination the reader may see (the old form, still understood)
 *   ns:<page>:<status>:<filter>   the Office's list of one step, with ticks for a bulk move
 *   na:<page>:<status>:<filter>   the same, opened with every nomination of the page ticked
 *
 * <status> is the status's index among the campaign's statuses: a name such as "province_proposed" would leave
 * too little of Telegram's 64 bytes for the typed filter.
 */
export interface ListState {
  page: number;
  /** The one step the list shows, or undefined for every step. */
  status?: NominationStatus;
  /** Open with every nomination of the page ticked (after a bulk move, the ones moved wait for the next). */
  tickAll?: boolean;
  filter: string;
}

/** Callback data is at most 64 bytes. */
export const CALLBACK_BYTES = 64;

export function campaignStatuses(campaign: Campaign): NominationStatus[] {
  return [...SYSTEM_STATUSES, ...campaign.routeSteps.map((step) => step.id)];
}

export function statusCode(campaign: Campaign, status: NominationStatus): string {
  return String(campaignStatuses(campaign).indexOf(status));
}

export function statusOfCode(campaign: Campaign, code: string): NominationStatus | undefined {
  return /^\d{1,3}$/.test(code) ? campaignStatuses(campaign)[Number(code)] : undefined;
}

/** `prefix` followed by as much of `text` as fits in a button's callback data, cut between characters. */
export function fitBytes(prefix: string, text: string): string {
  const kept = [...text];
  while (Buffer.byteLength(prefix + kept.join(""), "utf8") > CALLBACK_BYTES) kept.pop();
  return prefix + kept.join("");
}

/** The state as callback data after `prefix` ("pg:" for a page, "no:12:" for a nomination opened from it). */
export function listData(campaign: Campaign, prefix: string, state: ListState): string {
  const filter = state.filter.trim();
  if (state.status === undefined) return fitBytes(`${prefix}nl:${state.page}:`, filter);
  const kind = state.tickAll ? "na" : "ns";
  return fitBytes(`${prefix}${kind}:${state.page}:${statusCode(campaign, state.status)}:`, filter);
}

/** Reads a state written by `listData` (without its prefix); undefined for anything else. */
export function parseListState(campaign: Campaign, data: string): ListState | undefined {
  const every = /^nl:(\d{1,4}):(.*)$/s.exec(data);
  if (every) return { page: Number(every[1]), filter: every[2] ?? "" };
  const step = /^n([sa]):(\d{1,4}):(\d{1,3}):(.*)$/s.exec(data);
  if (!step) return undefined;
  const status = statusOfCode(campaign, step[3] ?? "");
  if (status === undefined) return undefined;
  return { page: Number(step[2]), status, tickAll: step[1] === "a", filter: step[4] ?? "" };
}
