/**
 * The huisstijl as CSS: the design tokens of app/globals.css overridden by a gemeente's own token
 * file (environment) and by one brand colour (environment, then the beheerder's setting). Shades
 * for hover and the page header are mixed from that colour, so one choice themes every part.
 * Pure: no database, no file system.
 */

const HEX = /^#[0-9a-f]{6}$/i;

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Why a brand colour cannot be used (white button text must stay readable: WCAG AA 4.5:1), or null. */
export function brandColourProblem(colour: string): string | null {
  if (!HEX.test(colour)) return 'Geef de kleur als #rrggbb, bijvoorbeeld #1d5b8f.';
  const ratio = contrastRatio(colour, '#ffffff');
  return ratio < 4.5
    ? `Deze kleur is te licht: witte tekst erop heeft een contrast van ${ratio.toFixed(1).replace('.', ',')}:1, minstens 4,5:1 is nodig.`
    : null;
}

/** The CSS served as /huisstijl.css: the token file first, then the brand colour's tokens. */
export function themeCss(opts: { tokenCss?: string | null; brandColour?: string | null }): string {
  const parts = ['/* meldpost huisstijl: design tokens (NL Design System names) */'];
  if (opts.tokenCss) parts.push(opts.tokenCss.replace(/<\/?style/gi, ''));
  const colour = opts.brandColour && !brandColourProblem(opts.brandColour) ? opts.brandColour : null;
  if (colour)
    parts.push(
      [
        // Doubled :root outranks the defaults in globals.css whatever order the sheets load in.
        ':root:root {',
        `  --utrecht-button-primary-action-background-color: ${colour};`,
        `  --utrecht-button-primary-action-hover-background-color: color-mix(in srgb, ${colour} 80%, black);`,
        `  --utrecht-link-color: color-mix(in srgb, ${colour} 80%, black);`,
        `  --utrecht-page-header-background-color: color-mix(in srgb, ${colour} 45%, black);`,
        `  --utrecht-heading-color: color-mix(in srgb, ${colour} 45%, black);`,
        `  --meldpost-color-brand-subtle: color-mix(in srgb, ${colour} 8%, white);`,
        '}',
      ].join('\n'),
    );
  return `${parts.join('\n\n')}\n`;
}
