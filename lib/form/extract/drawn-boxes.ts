import type { TChar } from './pdf-chars';
import type { TEngine } from './pdfium';

/**
 * Tick boxes that are drawn, not typed: a browser's printed form control, a CSS box, a flattened
 * form field's appearance. Such a box is a small square path; it is ticked when something else
 * is drawn inside it (a cross, a check mark, a fill) or when the square itself is filled dark.
 * Each box becomes a ☒ or ☐ character at its place, so the readers see what a typed box gives.
 */
type TRect = { left: number; bottom: number; right: number; top: number };
export type TShape = TRect & { kind: number; darkFill: boolean };

const PATH = 2;
const FORM = 5;
const TEXT = 1;
const MIN_BOX = 5;
const MAX_BOX = 16;
/** More objects than this on a page is a drawing or a scan, not a form with a few boxes. */
const MAX_OBJECTS = 5000;

type TMatrix = [number, number, number, number, number, number];
const IDENTITY: TMatrix = [1, 0, 0, 1, 0, 0];

function transform(m: TMatrix, r: TRect): TRect {
  const xs = [r.left, r.right];
  const ys = [r.bottom, r.top];
  const points = xs.flatMap((x) => ys.map((y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]));
  return {
    left: Math.min(...points.map((p) => p[0]!)),
    right: Math.max(...points.map((p) => p[0]!)),
    bottom: Math.min(...points.map((p) => p[1]!)),
    top: Math.max(...points.map((p) => p[1]!)),
  };
}

function multiply(outer: TMatrix, inner: TMatrix): TMatrix {
  const [a, b, c, d, e, f] = inner;
  const [A, B, C, D, E, F] = outer;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function collectShapes({ raw }: TEngine, page: number, scratch: number): TShape[] {
  const shapes: TShape[] = [];
  const floats = () => new Float32Array(raw.memory.buffer, scratch, 6);
  const visit = (object: number, outer: TMatrix) => {
    const kind = raw.FPDFPageObj_GetType(object);
    if (kind === FORM) {
      const inner = raw.FPDFPageObj_GetMatrix(object, scratch) ? ([...floats()] as TMatrix) : IDENTITY;
      const matrix = multiply(outer, inner);
      const count = raw.FPDFFormObj_CountObjects(object);
      for (let i = 0; i < count && shapes.length < MAX_OBJECTS; i++)
        visit(raw.FPDFFormObj_GetObject(object, i), matrix);
      return;
    }
    if (kind === TEXT) return;
    if (!raw.FPDFPageObj_GetBounds(object, scratch, scratch + 4, scratch + 8, scratch + 12)) return;
    const [left, bottom, right, top] = floats();
    let darkFill = false;
    if (kind === PATH && raw.FPDFPath_GetDrawMode(object, scratch, scratch + 16)) {
      const fillMode = new Int32Array(raw.memory.buffer, scratch, 1)[0];
      if (
        fillMode !== 0 &&
        raw.FPDFPageObj_GetFillColor(object, scratch, scratch + 4, scratch + 8, scratch + 12)
      ) {
        const [r = 255, g = 255, b = 255, a = 255] = new Uint32Array(raw.memory.buffer, scratch, 4);
        darkFill = a > 128 && (r + g + b) / 3 < 160;
      }
    }
    shapes.push({
      ...transform(outer, { left: left!, bottom: bottom!, right: right!, top: top! }),
      kind,
      darkFill,
    });
  };
  const count = raw.FPDFPage_CountObjects(page);
  if (count > MAX_OBJECTS) return [];
  for (let i = 0; i < count; i++) visit(raw.FPDFPage_GetObject(page, i), IDENTITY);
  return shapes;
}

const isBox = (s: TShape) => {
  const width = s.right - s.left;
  const height = s.top - s.bottom;
  return (
    s.kind === PATH &&
    width >= MIN_BOX &&
    width <= MAX_BOX &&
    height >= MIN_BOX &&
    height <= MAX_BOX &&
    Math.abs(width - height) <= 0.25 * Math.max(width, height)
  );
};

/** Whether `inner` lies inside `box` (a point of slack) without being the box itself. */
function insideBox(box: TRect, inner: TShape): boolean {
  const slack = 1;
  const within =
    inner.left >= box.left - slack &&
    inner.right <= box.right + slack &&
    inner.bottom >= box.bottom - slack &&
    inner.top <= box.top + slack;
  const same =
    Math.abs(inner.left - box.left) < slack &&
    Math.abs(inner.right - box.right) < slack &&
    Math.abs(inner.top - box.top) < slack &&
    Math.abs(inner.bottom - box.bottom) < slack;
  return within && (!same || inner.darkFill);
}

const center = (r: TRect) => [(r.left + r.right) / 2, (r.bottom + r.top) / 2] as const;

/** Squares centred on one point (a fill, its border, a focus ring) are one box: the largest. */
function distinctBoxes(shapes: TShape[]): TShape[] {
  const boxes: TShape[] = [];
  for (const shape of shapes.filter(isBox)) {
    const [x, y] = center(shape);
    const same = boxes.findIndex((box) => {
      const [bx, by] = center(box);
      return Math.abs(bx - x) < 2 && Math.abs(by - y) < 2;
    });
    if (same === -1) boxes.push(shape);
    else if (shape.right - shape.left > boxes[same]!.right - boxes[same]!.left) boxes[same] = shape;
  }
  return boxes;
}

/** Glyph characters for the drawn boxes of a loaded page; `texts` are the page's typed characters. */
export function drawnBoxes(engine: TEngine, page: number, scratch: number, texts: TChar[]): TChar[][] {
  const shapes = collectShapes(engine, page, scratch);
  return distinctBoxes(shapes)
    .filter(
      (box) =>
        !texts.some(
          (c) =>
            c.text.trim() !== '' &&
            c.x >= box.left - 1 &&
            c.x <= box.right &&
            c.y >= box.bottom - 2 &&
            c.y <= box.top,
        ),
    )
    .map((box) => {
      const ticked = shapes.some((s) => insideBox(box, s));
      const size = box.top - box.bottom;
      return [
        {
          text: ticked ? '☒' : '☐',
          x: box.left,
          right: box.right,
          y: box.bottom + 0.15 * size,
          size: Math.max(size, 8),
        },
      ];
    });
}
