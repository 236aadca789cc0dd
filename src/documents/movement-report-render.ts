import Docxtemplater from "docxtemplater";
import fixDocPrCorruption from "docxtemplater/js/modules/fix-doc-pr-corruption.js";
import ImageModule from "docxtemplater-image-module-free";
import PizZip from "pizzip";
import type { ChartSpec, MovementReportData } from "../domain/movement-report.js";
import { CHART_SIZE, chartPng } from "./charts.js";
// Not from templates.ts: the worker thread loads only what drawing and filling need.
import { DOCXTEMPLATER_OPTIONS } from "./docxtemplater-options.js";

/** Everything the report's file is made from: plain data, so that it crosses to a worker thread as it is. */
export interface ReportRenderInput {
  template: Uint8Array;
  data: MovementReportData;
  charts: { bar: ChartSpec; line: ChartSpec };
}

/** Width of a chart on the page, in the pixels docxtemplater-image-module-free counts (96 a inch): 16 cm. */
const WIDTH_PX = Math.round((16 / 2.54) * 96);
const HEIGHT_PX = Math.round((WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width);

/**
 * The Báo cáo sơ kết / tổng kết as .docx bytes: its charts drawn as PNG and the template filled, the charts
 * put where `{%barChart}` and `{%lineChart}` stand. The slow part of the report, run off the event loop.
 */
export function renderMovementReport(input: ReportRenderInput): Buffer {
  const images: Record<string, Buffer> = {
    bar: chartPng("bar", input.charts.bar),
    line: chartPng("line", input.charts.line),
  };
  const imageModule = new ImageModule({
    centered: true,
    getImage: (value) => {
      const image = images[String(value)];
      if (!image) throw new Error(`no chart named ${String(value)}`);
      return image;
    },
    getSize: () => [WIDTH_PX, HEIGHT_PX],
  });
  const document = new Docxtemplater(new PizZip(input.template), {
    ...DOCXTEMPLATER_OPTIONS,
    modules: [imageModule, fixDocPrCorruption],
  });
  document.render(input.data);
  return document.toBuffer({ compression: "DEFLATE" });
}
