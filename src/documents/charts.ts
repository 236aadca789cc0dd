import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { ChartSpec } from "../domain/movement-report.js";

/**
 * A chart as a PNG for a document: ECharts draws it as SVG on the server (no browser, no canvas), resvg turns
 * the SVG into pixels with the bundled DejaVu fonts only, so that every machine (a developer's, CI's, the
 * server) draws the same picture and the Vietnamese letters have their glyphs.
 */

const require = createRequire(import.meta.url);
// The one-file build: the package's ES modules are hundreds of files, seconds to load on a busy machine.
const echarts: typeof import("echarts") = require("echarts/dist/echarts.min.js");
const FONT_DIRECTORY = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => join(FONT_DIRECTORY, file));
const FONT_FAMILY = "DejaVu Sans";

/** The chart's size in CSS pixels; the PNG is drawn at twice that, sharp when printed. */
export const CHART_SIZE = { width: 800, height: 420 } as const;
const SCALE = 2;

const COLOURS = ["#1f4e9c", "#c0392b", "#2e8b57", "#d68910"];
const SYMBOLS = ["circle", "rect", "triangle", "diamond"];

/** A round top for the value axis, a tenth above the largest value. */
function headroom(spec: ChartSpec): number {
  const largest = Math.max(1, ...spec.series.flatMap((series) => series.values));
  const step = 10 ** Math.floor(Math.log10(largest * 1.1));
  return Math.ceil((largest * 1.1) / step) * step;
}

function svgOf(type: "bar" | "line", spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...CHART_SIZE });
  try {
    chart.setOption({
      animation: false,
      color: COLOURS,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: spec.title, left: "center", textStyle: { fontSize: 16, fontFamily: FONT_FAMILY } },
      legend: { bottom: 0, textStyle: { fontSize: 12 } },
      grid: { left: 60, right: 30, top: 50, bottom: 70, containLabel: true },
      xAxis: {
        type: "category",
        data: spec.categories,
        axisLabel: { fontSize: 12, interval: 0, width: 170, overflow: "break" },
      },
      // Room above the highest bar or point for its label, under the title.
      yAxis: { type: "value", minInterval: 1, max: headroom(spec), axisLabel: { fontSize: 12 } },
      series: spec.series.map((series, at) => ({
        type,
        name: series.name,
        data: series.values,
        label: { show: true, position: "top", fontSize: 11 },
        // A shape of its own for each line: lines with the same figures still show, one on the other.
        ...(type === "line"
          ? { symbol: SYMBOLS[at % SYMBOLS.length], symbolSize: 9, lineStyle: { width: 3 } }
          : { barMaxWidth: 60 }),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function chartPng(type: "bar" | "line", spec: ChartSpec): Buffer {
  const resvg = new Resvg(svgOf(type, spec), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: SCALE },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
