import { describe, expect, it } from 'vitest';
import { PointListScatterplotLayer } from '../../../src/map/pointListScatterplotLayer';

// The point list patches deck.gl's ScatterplotLayer shaders by text: a deck.gl upgrade that
// changes a patched line must fail here, not in a browser drawing in software.
function shaders(): { vs: string; fs: string } {
  const layer = new PointListScatterplotLayer({ id: 'points', data: [] });
  Object.assign(layer, { context: { device: { type: 'webgl' }, defaultShaderModules: [] } });
  return layer.getShaders() as { vs: string; fs: string };
}

describe('PointListScatterplotLayer shaders', () => {
  it('size each point as a sprite and pick it by its vertex, not an instance', () => {
    const { vs } = shaders();
    expect(vs).toContain('gl_PointSize = 2.0 * edgePadding * outerRadiusPixels * project.devicePixelRatio;');
    expect(vs).toContain('picking_getPickingColorFromIndex(float(gl_VertexID))');
    expect(vs).not.toContain('gl_InstanceID');
    expect(vs).not.toContain('picking_getPickingColorFromInstanceID');
    expect(vs).not.toMatch(/^\s*in vec3 positions;/m);
  });

  it('take the circle from the sprite coordinate, with the smoothed edge’s padding', () => {
    const { fs } = shaders();
    expect(fs).toContain('vec2 corner = (gl_PointCoord * 2.0 - 1.0) * unitPosition.x;');
    expect(fs).toContain('length(corner)');
    expect(fs).not.toContain('length(unitPosition)');
  });
});
