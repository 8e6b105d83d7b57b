/**
 * A chart drawn the way Google Sheets draws it, near enough to read in an exported note: title,
 * legend when there is more than one series, value axis with gridlines, and bars (BAR), columns
 * (COLUMN) or lines (LINE) — bars and columns side by side or stacked (the `isStacked` option of
 * developers.google.com/chart/interactive/docs/gallery/barchart) — or a pie (PIE: the first
 * slice starts at twelve o'clock and slices follow clockwise, each labelled with its percentage,
 * the legend on the right, as developers.google.com/chart/interactive/docs/gallery/piechart
 * describes the defaults `pieStartAngle: 0`, `pieSliceText: 'percentage'`, `legend.position:
 * 'right'`); other types throw «not implemented». 600 × 371 px unless a size is given (Sheets'
 * default chart size). Pure JavaScript: pureimage draws, DejaVu Sans (npm `dejavu-fonts-ttf`)
 * writes Cyrillic, pngjs encodes — no browser and no native module.
 */
import * as PImage from 'pureimage';
import { PNG } from 'pngjs';

export interface ChartData {
  title: string;
  /** Charts.ChartType name: BAR, COLUMN, LINE, … */
  type: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Bars or columns of one category stacked on each other (option `isStacked`). */
  stacked?: boolean;
  /** Series colours (slices of a pie), '#rrggbb'; Google's palette when not given. */
  colors?: string[];
  /** Size in pixels; 600 × 371 when not given. */
  width?: number;
  height?: number;
}

const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;
/** Google's default series colours. */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const FONT = 'DejaVu Sans';
const TEXT = '#222222';
const MUTED = '#5f6368';
const GRID = '#e0e0e0';

let fontLoaded = false;

function ensureFont(): void {
  if (fontLoaded) return;
  PImage.registerFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT).loadSync();
  fontLoaded = true;
}

type Context = ReturnType<ReturnType<typeof PImage.make>['getContext']>;

/** A filled rectangle written straight into the bitmap (pureimage's fillRect goes pixel by pixel). */
function rect(
  image: ReturnType<typeof PImage.make>,
  colour: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const [x0, y0] = [Math.max(0, Math.round(x)), Math.max(0, Math.round(y))];
  const x1 = Math.min(image.width, Math.round(x + width));
  const y1 = Math.min(image.height, Math.round(y + height));
  for (let row = y0; row < y1; row++) {
    for (let column = x0; column < x1; column++) {
      const i = (row * image.width + column) * 4;
      image.data[i] = rgb[0]!;
      image.data[i + 1] = rgb[1]!;
      image.data[i + 2] = rgb[2]!;
      image.data[i + 3] = 255;
    }
  }
}

/** `text` cut with «…» to fit `width` pixels in the current font. */
function fit(ctx: Context, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Round axis steps (1, 2, 5 × 10ⁿ) covering 0…max in about five ticks. */
export function axisTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

function label(value: number): string {
  return String(value).replace('.', ',');
}

/** Chart types drawn; any other throws rather than drawing something Google would not. */
const DRAWN = new Set(['BAR', 'COLUMN', 'LINE', 'PIE']);

/** A finite value, or 0 (an empty or text cell draws nothing). */
function valueOf(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) ? v : 0;
}

/** «33,3%»: a slice's share as Google's pie labels it, with one decimal. */
function percentLabel(share: number): string {
  return `${label(Math.round(share * 1000) / 10)}%`;
}

/** The chart as PNG bytes. */
export function chartPng(data: ChartData): Uint8Array {
  if (!DRAWN.has(data.type))
    throw new Error(`emulator: drawing a ${data.type} chart is not implemented`);
  ensureFont();
  const palette = data.colors && data.colors.length > 0 ? data.colors : PALETTE;
  for (const colour of palette)
    if (!/^#[0-9a-f]{6}$/i.test(colour))
      throw new Error(`emulator: chart colour ${colour} is not implemented (use #rrggbb)`);
  const width = Math.round(data.width ?? DEFAULT_WIDTH);
  const height = Math.round(data.height ?? DEFAULT_HEIGHT);
  const image = PImage.make(width, height);
  const ctx = image.getContext('2d');
  image.data.fill(255); // white, opaque

  // Without a title the plot starts at the top, as Google leaves no room for one.
  let top = 16;
  if (data.title) {
    ctx.font = `15px "${FONT}"`;
    ctx.fillStyle = TEXT;
    ctx.fillText(fit(ctx, data.title, width - 32), 16, 26);
    top = 44;
  }
  if (data.type === 'PIE') {
    drawPie(image, ctx, data, top, width, height, palette);
    return encode(image, width, height);
  }
  if (data.series.length > 1) {
    ctx.font = `11px "${FONT}"`;
    let x = 16;
    data.series.forEach((s, i) => {
      rect(image, palette[i % palette.length]!, x, top - 9, 10, 10);
      ctx.fillStyle = MUTED;
      const name = fit(ctx, s.name, 220);
      ctx.fillText(name, x + 14, top);
      x += 14 + ctx.measureText(name).width + 18;
    });
    top += 24;
  }

  const stacked = data.stacked === true && data.type !== 'LINE';
  const values = stacked
    ? data.categories.map((_, i) => data.series.reduce((sum, s) => sum + valueOf(s.values[i]), 0))
    : data.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const ticks = axisTicks(Math.max(0, ...values));
  const max = ticks[ticks.length - 1]!;
  const count = Math.max(1, data.categories.length);
  ctx.font = `11px "${FONT}"`;
  if (data.type === 'BAR') {
    // Categories down the left, values along the bottom.
    const labelWidth = Math.min(
      width * 0.38,
      Math.max(...data.categories.map((c) => ctx.measureText(c).width), 20) + 8,
    );
    const [left, right, bottom] = [16 + labelWidth, width - 24, height - 28];
    const scale = (v: number): number => left + ((right - left) * v) / max;
    for (const t of ticks) {
      rect(image, GRID, scale(t), top, 1, bottom - top);
      ctx.fillStyle = MUTED;
      ctx.fillText(label(t), scale(t) - ctx.measureText(label(t)).width / 2, bottom + 16);
    }
    const slot = (bottom - top) / count;
    const barHeight = Math.max(1, (slot * 0.7) / (stacked ? 1 : data.series.length));
    data.categories.forEach((category, i) => {
      ctx.fillStyle = TEXT;
      ctx.fillText(fit(ctx, category, labelWidth - 8), 16, top + slot * (i + 0.5) + 4);
      let from = 0;
      data.series.forEach((s, k) => {
        const v = valueOf(s.values[i]);
        const y = top + slot * i + slot * 0.15 + (stacked ? 0 : barHeight * k);
        const start = stacked ? from : 0;
        rect(
          image,
          palette[k % palette.length]!,
          scale(start),
          y,
          Math.max(0, scale(start + v) - scale(start)),
          barHeight,
        );
        from += v;
      });
    });
  } else {
    // Categories along the bottom, values up the left.
    const labelWidth = Math.max(...ticks.map((t) => ctx.measureText(label(t)).width)) + 8;
    const [left, right, bottom] = [16 + labelWidth, width - 16, height - 34];
    const scale = (v: number): number => bottom - ((bottom - top) * v) / max;
    for (const t of ticks) {
      rect(image, GRID, left, scale(t), right - left, 1);
      ctx.fillStyle = MUTED;
      ctx.fillText(label(t), left - 6 - ctx.measureText(label(t)).width, scale(t) + 4);
    }
    const slot = (right - left) / count;
    data.categories.forEach((category, i) => {
      ctx.fillStyle = TEXT;
      const text = fit(ctx, category, slot - 4);
      ctx.fillText(text, left + slot * (i + 0.5) - ctx.measureText(text).width / 2, bottom + 16);
    });
    const below = data.categories.map(() => 0);
    data.series.forEach((s, k) => {
      const colour = palette[k % palette.length]!;
      const barWidth = Math.max(1, (slot * 0.7) / (stacked ? 1 : data.series.length));
      const points = s.values.map((raw, i) => ({
        x: left + slot * (i + 0.5),
        y: scale(Number.isFinite(raw) ? raw : 0),
      }));
      if (data.type === 'LINE') {
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2;
        ctx.beginPath();
        points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
        if (points.length > 1) ctx.stroke();
        for (const p of points) rect(image, colour, p.x - 3, p.y - 3, 6, 6);
      } else if (stacked) {
        s.values.forEach((raw, i) => {
          const x = left + slot * i + slot * 0.15;
          const base = below[i]!;
          const v = valueOf(raw);
          rect(image, colour, x, scale(base + v), barWidth, scale(base) - scale(base + v));
          below[i] = base + v;
        });
      } else {
        points.forEach((p, i) => {
          const x = left + slot * i + slot * 0.15 + barWidth * k;
          rect(image, colour, x, p.y, barWidth, bottom - p.y);
        });
      }
    });
  }
  return encode(image, width, height);
}

function encode(image: ReturnType<typeof PImage.make>, width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(image.data);
  // No per-row filter search: it costs a second under jest and saves little on flat colours.
  return new Uint8Array(PNG.sync.write(png, { filterType: 0 }));
}

/**
 * A pie of the first series: slices clockwise from twelve o'clock in the palette's order, each
 * slice's percentage in white on it when the slice is wide enough, the legend on the right.
 * Negative and empty values draw no slice (Google skips them too).
 */
function drawPie(
  image: ReturnType<typeof PImage.make>,
  ctx: Context,
  data: ChartData,
  top: number,
  width: number,
  height: number,
  palette: readonly string[],
): void {
  const values = (data.series[0]?.values ?? []).map((v) => Math.max(0, valueOf(v)));
  const total = values.reduce((a, b) => a + b, 0);
  const legendWidth = Math.min(width * 0.4, 220);
  const radius = Math.max(10, Math.min((width - legendWidth - 48) / 2, (height - top - 16) / 2));
  const cx = 24 + radius;
  const cy = top + (height - top) / 2 - 4;
  // Slices as angles from twelve o'clock, clockwise; pixels are set one by one (exact colours,
  // no anti-aliasing, as the rectangles are).
  const ends: number[] = [];
  let sum = 0;
  for (const v of values) {
    sum += v;
    ends.push(total > 0 ? (sum / total) * 2 * Math.PI : 0);
  }
  const rgb = palette.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
    for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const dx = x - cx;
      const dy = y - cy;
      if (dx * dx + dy * dy > radius * radius || total <= 0) continue;
      let a = Math.atan2(dx, -dy);
      if (a < 0) a += 2 * Math.PI;
      const slice = ends.findIndex((end) => a < end);
      if (slice < 0 || values[slice]! <= 0) continue;
      const colour = rgb[slice % rgb.length]!;
      const i = (y * width + x) * 4;
      image.data[i] = colour[0]!;
      image.data[i + 1] = colour[1]!;
      image.data[i + 2] = colour[2]!;
      image.data[i + 3] = 255;
    }
  }
  // Each slice's percentage at two thirds of the radius, in the middle of the slice.
  ctx.font = `12px "${FONT}"`;
  ctx.fillStyle = '#ffffff';
  values.forEach((v, i) => {
    const from = i === 0 ? 0 : ends[i - 1]!;
    const sweep = ends[i]! - from;
    if (sweep <= 0.25) return;
    const mid = from + sweep / 2;
    const text = percentLabel(v / total);
    const w = ctx.measureText(text).width;
    ctx.fillText(
      text,
      cx + Math.sin(mid) * radius * 0.62 - w / 2,
      cy - Math.cos(mid) * radius * 0.62 + 4,
    );
  });
  ctx.font = `12px "${FONT}"`;
  const x = width - legendWidth;
  const lineHeight = 20;
  let y = cy - (data.categories.length * lineHeight) / 2 + 10;
  data.categories.forEach((category, i) => {
    rect(image, palette[i % palette.length]!, x, y - 9, 10, 10);
    ctx.fillStyle = TEXT;
    ctx.fillText(fit(ctx, category, legendWidth - 24), x + 16, y);
    y += lineHeight;
  });
}
