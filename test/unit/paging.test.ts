import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, paginate } from "../../src/paging.js";

/** A deterministic generator, so the "random" lines are the same on every run. */
function lines(count: number, seed: number, maxLength = 120): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  return Array.from({ length: count }, (_, index) => {
    const length = 1 + (next() % maxLength);
    return `${index}:${"Đơn vị ".repeat(Math.ceil(length / 7)).slice(0, length)}`;
  });
}

/** Takes the pages apart again: the lines of each page, and the footer of the last. */
function bodies(pages: string[], header: string, footer: string): string[][] {
  return pages.map((page, index) => {
    expect(page.startsWith(`${header}\n`) || page === header).toBe(true);
    let body = page.slice(header.length + 1);
    if (index === pages.length - 1 && footer) {
      expect(body.endsWith(`\n\n${footer}`) || body === `\n${footer}`).toBe(true);
      body = body.slice(0, body.length - footer.length - 2);
    }
    return body === "" ? [] : body.split("\n");
  });
}

describe("paginate", () => {
  it("makes a single page when everything fits", () => {
    expect(paginate("<b>Units (2)</b>", ["• A", "• B"], "Send /help")).toEqual([
      "<b>Units (2)</b>\n• A\n• B\n\nSend /help",
    ]);
  });

  it("leaves the footer out when there is none", () => {
    expect(paginate("Header", ["one", "two"])).toEqual(["Header\none\ntwo"]);
  });

  it("still makes one page for an empty list", () => {
    expect(paginate("Header", [], "Footer")).toEqual(["Header\n\nFooter"]);
  });

  it("uses Telegram's 4,096-character limit by default", () => {
    expect(MESSAGE_LIMIT).toBe(4096);
    const many = lines(400, 7);
    const pages = paginate("Header", many, "Footer");
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(4096);
  });

  it.each([
    [200, 1],
    [300, 2],
    [500, 3],
    [1000, 4],
    [4096, 5],
  ])("with limit %i (seed %i), fits every page, keeps every line whole and in order", (limit, seed) => {
    const header = "<b>Các đơn vị</b>";
    const footer = "Gửi /units add để thêm đơn vị.";
    const input = lines(300, seed);
    const pages = paginate(header, input, footer, limit);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
    const split = bodies(pages, header, footer);
    for (const body of split) expect(body.length).toBeGreaterThan(0);
    expect(split.flat()).toEqual(input);
  });

  it("puts the footer only on the last page and the header on every page", () => {
    const header = "HEADER";
    const footer = "FOOTER";
    const pages = paginate(header, lines(100, 9, 40), footer, 300);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.startsWith(`${header}\n`)).toBe(true);
    for (const page of pages.slice(0, -1)) expect(page).not.toContain(footer);
    expect(pages.at(-1)?.endsWith(`\n\n${footer}`)).toBe(true);
    expect(pages.join("").split(footer)).toHaveLength(2);
  });

  it("fills pages: no two consecutive pages could have been one", () => {
    const header = "H";
    const input = lines(200, 11, 60);
    const pages = paginate(header, input, "", 250);
    const split = bodies(pages, header, "");
    for (let index = 0; index + 1 < split.length; index++) {
      const merged = [header, ...(split[index] ?? []), split[index + 1]?.[0] ?? ""].join("\n");
      expect(merged.length).toBeGreaterThan(250);
    }
  });

  it("gives an over-long line a page of its own instead of cutting it", () => {
    const long = "x".repeat(500);
    const pages = paginate("H", ["a", long, "b"], "F", 100);
    expect(pages).toEqual(["H\na", `H\n${long}`, "H\nb\n\nF"]);
  });

  it("moves the footer to a page of its own when the last page has no room for it", () => {
    const pages = paginate("H", ["a", "b".repeat(60)], "F".repeat(50), 100);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(100);
    expect(pages.join("\n")).toContain("b".repeat(60));
    expect(pages.at(-1)).toContain("F".repeat(50));
    expect(pages.slice(0, -1).some((page) => page.includes("F"))).toBe(false);
  });
});
