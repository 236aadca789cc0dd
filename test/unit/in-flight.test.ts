import { describe, expect, it } from "vitest";
import { InFlightUpdates } from "../../src/in-flight.js";

describe("InFlightUpdates", () => {
  it("drains at once when nothing runs, and otherwise when the last handler finishes", async () => {
    const inFlight = new InFlightUpdates();
    await inFlight.drain();

    let finishFirst = () => {};
    let finishSecond = () => {};
    const ctx = {} as Parameters<typeof inFlight.middleware>[0];
    const first = inFlight.middleware(ctx, () => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = inFlight.middleware(ctx, () => new Promise<void>((resolve) => (finishSecond = resolve)));
    expect(inFlight.count).toBe(2);

    const events: string[] = [];
    const drained = inFlight.drain().then(() => events.push("drained"));
    finishFirst();
    await first;
    events.push("first done");
    expect(inFlight.count).toBe(1);
    finishSecond();
    await second;
    await drained;
    expect(events).toEqual(["first done", "drained"]);
    expect(inFlight.count).toBe(0);
  });

  it("counts a handler that throws as finished", async () => {
    const inFlight = new InFlightUpdates();
    const ctx = {} as Parameters<typeof inFlight.middleware>[0];
    await expect(inFlight.middleware(ctx, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(inFlight.count).toBe(0);
  });
});
