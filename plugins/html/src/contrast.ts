// The contrast of colours (WCAG 2.1) lives in core, so every format checks the site's colours
// with the same rule; re-exported here for this plugin's API.
export { MIN_CONTRAST, relativeLuminance, contrastRatio } from '@kommunrapport/core';
