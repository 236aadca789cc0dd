import { isStorableText } from "./text-input.js";

export const UNIT_NAME_MAX = 120;

export type UnitInputCheck<T> = { ok: true; value: T } | { ok: false; reason: "bad_code" | "bad_name" };

/** Unit codes are short, typed in commands, and compared without regard to case. */
export function normaliseUnitCode(input: string): UnitInputCheck<string> {
  const code = input.normalize("NFC").trim().toLocaleUpperCase("vi");
  return /^[\p{L}\p{N}_-]{2,16}$/u.test(code) ? { ok: true, value: code } : { ok: false, reason: "bad_code" };
}

export function normaliseUnitName(input: string): UnitInputCheck<string> {
  if (!isStorableText(input)) return { ok: false, reason: "bad_name" };
  const name = input.normalize("NFC").replace(/\s+/gu, " ").trim();
  return name.length >= 2 && name.length <= UNIT_NAME_MAX && /\p{L}/u.test(name)
    ? { ok: true, value: name }
    : { ok: false, reason: "bad_name" };
}
