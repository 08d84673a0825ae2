// The place the map goes. The Pixi map (src/app/map) is mounted into the element marked
// data-map-slot by app.ts (its `mountMap` option); lit-html leaves what the map adds inside alone.
// Until a map is mounted, a placeholder says what will be there.
import { html } from 'lit-html';
import { t, type Lang } from '../i18n.ts';

export function mapFrame(lang: Lang, size: 'small' | 'large' = 'small') {
  return html`<div class="map-frame map-${size}">
    <div class="map-slot" data-map-slot></div>
    <p class="map-placeholder">${t(lang, 'console.map.placeholder')}</p>
  </div>`;
}
