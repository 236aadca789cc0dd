import { Composer, type Context, type MiddlewareFn } from "grammy";
import { describe, expect, it } from "vitest";
import { inOrder } from "../../../src/middleware/in-order.js";

const ctx = {} as Context;
const log: string[] = [];
const step =
  (name: string, passOn = true): MiddlewareFn<Context> =>
  async (_ctx, next) => {
    log.push(`${name} in`);
    if (passOn) await next();
    log.push(`${name} out`);
  };

describe("inOrder", () => {
  it("runs each middleware around the ones after it, then the outer next", async () => {
    log.length = 0;
    await inOrder(step("a"), step("b"))(ctx, async () => {
      log.push("after");
    });
    expect(log).toEqual(["a in", "b in", "after", "b out", "a out"]);
  });

  it("stops where a middleware does not call next", async () => {
    log.length = 0;
    let reached = false;
    await inOrder(
      step("a"),
      step("b", false),
      step("c"),
    )(ctx, async () => {
      reached = true;
    });
    expect(log).toEqual(["a in", "b in", "b out", "a out"]);
    expect(reached).toBe(false);
  });

  it("takes composers, with what was added to them after", async () => {
    log.length = 0;
    const composer = new Composer<Context>(step("x"));
    const runner = inOrder(composer, step("y"));
    composer.use(step("z"));
    await runner(ctx, async () => undefined);
    expect(log).toEqual(["x in", "z in", "y in", "y out", "z out", "x out"]);
  });

  it("refuses a next called twice, as grammY does", async () => {
    const twice: MiddlewareFn<Context> = async (_ctx, next) => {
      await next();
      await next();
    };
    await expect(inOrder(twice, step("b"))(ctx, async () => undefined)).rejects.toThrow(/already called/);
  });

  it("lets an error of a later middleware reach an earlier one", async () => {
    const caught: unknown[] = [];
    const guard: MiddlewareFn<Context> = async (_ctx, next) => {
      try {
        await next();
      } catch (error) {
        caught.push(error);
      }
    };
    const failing: MiddlewareFn<Context> = () => {
      throw new Error("boom");
    };
    await inOrder(guard, failing)(ctx, async () => undefined);
    expect(caught).toEqual([new Error("boom")]);
    // Thrown by the first one: still a rejection, as from an async middleware.
    await expect(inOrder(failing)(ctx, async () => undefined)).rejects.toThrow("boom");
  });
});
