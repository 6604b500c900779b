import { Suspense } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lazyPage } from "./lazyPage";

const Greeting = ({ name }: { name: string }) => <p>你好，{name}</p>;
const page = () => <Suspense fallback={<i>加载中</i>}>{<LazyGreeting name="组织部" />}</Suspense>;
let LazyGreeting = lazyPage(() => Promise.resolve({ default: Greeting }));

describe("lazyPage", () => {
  it("suspends (shows the fallback) while its module has not arrived", () => {
    LazyGreeting = lazyPage(() => Promise.resolve({ default: Greeting }));
    expect(renderToString(page())).toContain("加载中");
  });

  it("renders the component at once, without a fallback, once preloaded", async () => {
    LazyGreeting = lazyPage(() => Promise.resolve({ default: Greeting }));
    await LazyGreeting.preload();
    const html = renderToString(page());
    expect(html).toContain("你好，<!-- -->组织部");
    expect(html).not.toContain("加载中");
  });

  it("loads the module once however often it is preloaded", async () => {
    let loads = 0;
    LazyGreeting = lazyPage(() => {
      loads += 1;
      return Promise.resolve({ default: Greeting });
    });
    await Promise.all([LazyGreeting.preload(), LazyGreeting.preload()]);
    expect(renderToString(page())).toContain("组织部");
    expect(loads).toBe(1);
  });
});
