/** DOM helpers: every value reaches the page through textContent or attributes, never as HTML. */

/** Creates an element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The element with `id`; its absence is a bug in Sidebar.html. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Sidebar.html: no #${id}`);
  return node as T;
}

/** Replaces the children of `parent`. */
export function fill(parent: HTMLElement, ...children: Node[]): void {
  parent.replaceChildren(...children);
}

/** A link opening in a new tab (Apps Script sidebars cannot navigate themselves). */
export function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', undefined, text);
  // Only web links: a value like "javascript:" from a sheet must not become clickable code.
  a.href = /^https?:\/\//i.test(href) ? href : '#';
  a.target = '_blank';
  a.rel = 'noopener';
  return a;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small bar chart as inline SVG; labels are text nodes. */
export function barChart(points: { label: string; value: number }[]): SVGSVGElement {
  const width = 260;
  const barArea = 90;
  const height = barArea + 34;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = width / Math.max(1, points.length);
  points.forEach((p, i) => {
    const h = Math.round((p.value / max) * (barArea - 14));
    const x = i * step + step * 0.15;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', String(x));
    bar.setAttribute('y', String(barArea - h));
    bar.setAttribute('width', String(step * 0.7));
    bar.setAttribute('height', String(Math.max(h, p.value > 0 ? 1 : 0)));
    bar.setAttribute('class', 'bar');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${p.label}: ${p.value}`;
    bar.appendChild(title);
    svg.appendChild(bar);
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', String(i * step + step / 2));
    value.setAttribute('y', String(barArea - h - 3));
    value.setAttribute('class', 'value');
    value.textContent = String(p.value);
    svg.appendChild(value);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(i * step + step / 2));
    label.setAttribute('y', String(barArea + 14));
    label.setAttribute('class', 'label');
    label.textContent = p.label.slice(0, 3);
    svg.appendChild(label);
  });
  return svg;
}
