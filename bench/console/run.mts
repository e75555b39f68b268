// Console render bench: in headless Chromium, the time from navigation to data rendered on the Dashboard and the
// Cost Center, against the log-in page (no API data) measured in the same run as the baseline.
// run: node --import tsx bench/console/run.mts (from the root, against a running stack; seed-events.mts or the
// API's `seed load-1m-events` provide the data).
// env: KT_CONSOLE_URL (default http://127.0.0.1:3000), and either KT_BENCH_TOKEN (an API token, e.g. the one
// `seed load-1m-events` prints; used as the session) or KT_BENCH_EMAIL + KT_DEMO_PASSWORD; KT_BENCH_RUNS (default 7).
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";

// One copy of Playwright in the workspace: the e2e package's, with Debian's Chromium.
const require = createRequire(new URL("../../e2e/package.json", import.meta.url));
const { chromium } = require("@playwright/test") as typeof import("playwright-core");

const base = process.env.KT_CONSOLE_URL ?? "http://127.0.0.1:3000";
const runs = Number(process.env.KT_BENCH_RUNS ?? 7);

/**
 * `api`: the calls the view makes, timed together through the Console proxy: the floor the API sets.
 * `charts`: how many recharts charts the view draws; recharts loads after the data is shown, so the time until
 * every chart is drawn is reported beside the data time.
 */
type TTarget = { name: string; path: string; ready: string[]; api?: string[]; charts?: number };
const BASELINE: TTarget = { name: "log-in page (no API data)", path: "/login", ready: ["form"] };
const TARGETS: TTarget[] = [
  {
    name: "Dashboard, last 30 days",
    path: "/dashboard?range=30d",
    ready: ['[data-testid="dashboard-summary"]', '[data-testid="chart-requests-by-action"]', '[data-testid="chart-policy-rates"]', '[data-testid="chart-spend-vs-budget"]', '[data-testid="chart-gateway-health"]'],
    api: ["/v1/dashboard/summary?since=30d", "/v1/events?since=30d&group_by=day,action", "/v1/budgets", "/v1/teams"],
    charts: 4,
  },
  {
    name: "Dashboard, last 24 hours",
    path: "/dashboard?range=24h",
    ready: ['[data-testid="dashboard-summary"]', '[data-testid="chart-requests-by-action"]'],
    api: ["/v1/dashboard/summary?since=24h", "/v1/events?since=24h&group_by=hour,action", "/v1/budgets", "/v1/teams"],
    charts: 4,
  },
  {
    name: "Cost Center, last 30 days",
    path: "/cost-center?range=30d",
    ready: ['[data-testid="month-forecast"]', '[data-testid="budgets-ready"]', '[data-testid="chart-spend-over-time"]'],
    api: ["/v1/events?since=30d&group_by=day,team", "/v1/budgets", "/v1/prices", "/v1/teams"],
    charts: 1,
  },
];

async function signedIn(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const token = process.env.KT_BENCH_TOKEN;
  if (token) {
    await context.addCookies([{ name: "kt_session", value: token, url: base, httpOnly: true, sameSite: "Lax" }]);
    return context;
  }
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(process.env.KT_BENCH_EMAIL ?? "admin@demo.kt");
  await page.getByLabel("Password").fill(process.env.KT_DEMO_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  await page.close();
  return context;
}

/** ms from navigation start to every ready selector shown, then to every chart drawn, from the page's own clock. */
async function measure(page: Page, target: TTarget): Promise<{ data: number; charts: number | null }> {
  await page.goto(`${base}${target.path}`, { waitUntil: "commit" });
  for (const selector of target.ready) await page.waitForSelector(selector, { timeout: 30_000 });
  const data = await page.evaluate(() => performance.now());
  if (!target.charts) return { data, charts: null };
  await page.waitForFunction((n) => document.querySelectorAll(".recharts-surface").length >= n, target.charts, { timeout: 30_000 });
  return { data, charts: await page.evaluate(() => performance.now()) };
}

/** ms for the view's API calls made in parallel through the Console's proxy (the page's cookie). */
async function measureApi(context: BrowserContext, paths: string[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(paths.map(async (p) => {
    const res = await context.request.get(`${base}/api/kt${p}`);
    if (!res.ok()) throw new Error(`${p} answered ${res.status()}`);
  }));
  return performance.now() - t0;
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p90: at(0.9), min: s[0]!, max: s[s.length - 1]! };
}

const browser = await chromium.launch({
  executablePath: process.env.KT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const anonymous = await browser.newContext();
  const context = await signedIn(browser);
  const results: { name: string; median: number; p90: number; min: number; max: number; api: number | null; charts: number | null }[] = [];
  for (const target of [BASELINE, ...TARGETS]) {
    const ctx = target === BASELINE ? anonymous : context;
    const times: number[] = [];
    const chartTimes: number[] = [];
    // One warm-up per view (server code paths, caches), then measured runs, each in a fresh page.
    for (let i = 0; i <= runs; i++) {
      const page = await ctx.newPage();
      const ms = await measure(page, target);
      await page.close();
      if (i > 0) times.push(ms.data);
      if (i > 0 && ms.charts !== null) chartTimes.push(ms.charts);
    }
    const apiTimes: number[] = [];
    for (let i = 0; target.api && i < runs; i++) apiTimes.push(await measureApi(context, target.api));
    results.push({ name: target.name, ...stats(times), api: apiTimes.length ? stats(apiTimes).median : null, charts: chartTimes.length ? stats(chartTimes).median : null });
  }
  const baseline = results[0]!.median;
  console.log(`Console render bench: ${base}, ${runs} runs per view, navigation → data rendered (ms)`);
  console.log(`${"view".padEnd(30)} ${"median".padStart(8)} ${"p90".padStart(8)} ${"min".padStart(8)} ${"max".padStart(8)}  vs baseline  charts drawn (median)  API calls alone (median)`);
  for (const r of results) {
    const f = (n: number) => n.toFixed(0).padStart(8);
    const api = r.api === null ? "" : `${f(r.api)} (${((r.api / r.median) * 100).toFixed(0)}% of render)`;
    const charts = r.charts === null ? "" : f(r.charts);
    console.log(`${r.name.padEnd(30)} ${f(r.median)} ${f(r.p90)} ${f(r.min)} ${f(r.max)}  ${(r.median / baseline).toFixed(2).padStart(10)}x  ${charts.padStart(21)}  ${api}`);
  }
} finally {
  await browser.close();
}
