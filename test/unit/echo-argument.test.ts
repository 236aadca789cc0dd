import { describe, expect, it } from "vitest";
import { ECHO_MAX, echoArgument, shortenArgument } from "../../src/html.js";

describe("shortenArgument", () => {
  it("keeps an argument of up to ECHO_MAX characters as typed, trimmed", () => {
    const exactly = "Ư".repeat(ECHO_MAX);
    expect(shortenArgument(`  ${exactly} `)).toBe(exactly);
    expect(shortenArgument("HCTP")).toBe("HCTP");
  });

  it("cuts a longer one to ECHO_MAX characters, the last an ellipsis, never inside a character", () => {
    expect(shortenArgument("a".repeat(4090))).toBe(`${"a".repeat(ECHO_MAX - 1)}…`);
    const emoji = shortenArgument("😀".repeat(100));
    expect(Array.from(emoji)).toHaveLength(ECHO_MAX);
    expect(emoji).toBe(`${"😀".repeat(ECHO_MAX - 1)}…`);
  });
});

describe("echoArgument", () => {
  it("escapes what it keeps, so markup can neither break the reply nor lengthen it past the cut", () => {
    expect(echoArgument("<b>HCTP</b>")).toBe("&lt;b&gt;HCTP&lt;/b&gt;");
    const echoed = echoArgument("<".repeat(4090));
    expect(echoed).toBe(`${"&lt;".repeat(ECHO_MAX - 1)}…`);
  });
});
