// A QR code drawn as SVG by lit-html from lean-qr's module matrix: one path of unit squares, so a
// phone at the back of the room can scan a join link off the console. No markup is built from text.
import { generate } from 'lean-qr';
import { svg } from 'lit-html';

/** The quiet zone the standard asks around the code, in modules. */
const QUIET = 4;

export function qrCode(text: string, label: string) {
  const code = generate(text);
  const side = code.size + 2 * QUIET;
  let d = '';
  for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  // role img + aria-label: the code's meaning for a screen reader is whose link it is.
  return svg`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">
    <rect width=${side} height=${side} fill="#fff"></rect><path d=${d} fill="#000"></path>
  </svg>`;
}
