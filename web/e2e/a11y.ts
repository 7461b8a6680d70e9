// Accessibility checks run inside the page: every visible control has an accessible name, text has
// WCAG AA contrast against what is actually behind it, and nothing is wider than the viewport.
import type { Page } from 'playwright-core';

/** Visible form controls and buttons without a label, aria-label, aria-labelledby or text. */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const el of document.querySelectorAll('input, select, textarea, button, [role=combobox], [role=listbox], [role=switch], [role=tab], a[href]')) {
      // aria-hidden controls (Mantine's pill remove buttons; Backspace does the same) are not in the accessibility tree.
      if (!visible(el) || (el as HTMLInputElement).type === 'hidden' || el.closest('[aria-hidden=true]')) continue;
      const labelled =
        ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
        !!el.getAttribute('aria-label')?.trim() ||
        !!el.getAttribute('aria-labelledby')?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim()) ||
        !!el.getAttribute('title')?.trim() ||
        (['BUTTON', 'A'].includes(el.tagName) || ['tab'].includes(el.getAttribute('role') ?? '') ? !!el.textContent?.trim() : false);
      if (!labelled) out.push(`${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} ${el.outerHTML.slice(0, 120)}`);
    }
    return out;
  });
}

/** Text whose contrast with its effective background is under 4.5:1 (3:1 for large text). */
export async function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (value: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(value);
      if (!m) return null;
      const [r, g, b, a = '1'] = m[1]!.split(/[,\s/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const luminance = ([r, g, b]: number[]) => {
      const c = [r!, g!, b!].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const background = (start: Element): number[] => {
      for (let el: Element | null = start; el; el = el.parentElement) {
        const bg = parse(getComputedStyle(el).backgroundColor);
        if (bg && bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      if (el.closest('svg, [disabled], [data-disabled], [aria-disabled=true], .recharts-wrapper')) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}" (${style.color} on rgb(${bg.slice(0, 3).join(',')}))`);
    }
    return out;
  });
}

/** True when the page scrolls sideways: something is wider than the viewport. */
export async function overflowsViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
