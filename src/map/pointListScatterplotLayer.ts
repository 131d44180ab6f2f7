/**
 * deck.gl's ScatterplotLayer drawn as one list of points (GL_POINTS, a sprite per point sized by
 * `gl_PointSize`) instead of one instanced quad per point, for software renderers only.
 *
 * SwiftShader runs an instanced draw one instance at a time: measured on this stack, 800,000
 * instanced quads took 11.6–12.0 s per frame, the same circles as a point list 0.56–0.60 s and
 * as plain indexed triangles 0.87–0.90 s (a bare WebGL2 page, 1280×800, radius 4 px). On a GPU
 * the instanced quad costs nothing and draws any size, so it stays the layer there.
 *
 * Same shaders, attributes and uniforms as ScatterplotLayer, with three changes: every attribute
 * steps per vertex, the quad corner is `gl_PointCoord` in the fragment shader, and the picking
 * colour comes from `gl_VertexID` (the point's index, as the instance id was). A sprite is clipped
 * at the renderer's largest point size (1024 px in SwiftShader): user layers draw points of a few
 * pixels. Billboard circles only (the user layers never draw them flat on the map). A point
 * whose centre leaves the view may be clipped whole, so a dot cut by the map's edge can vanish a
 * little early: software only, where the alternative was seconds per frame.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { Model } from '@luma.gl/engine';

function patch(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`PointListScatterplotLayer: the ScatterplotLayer shader has no "${from}"`);
  return source.replace(from, to);
}

export class PointListScatterplotLayer extends ScatterplotLayer {
  static override layerName = 'PointListScatterplotLayer';

  override getShaders() {
    const shaders = super.getShaders();
    let vs = shaders.vs as string;
    vs = patch(vs, 'in vec3 positions;', 'const vec3 positions = vec3(0.0);');
    // the fragment shader scales the sprite's corner by the padding for the smoothed edge
    vs = patch(vs, 'unitPosition = edgePadding * positions.xy;', 'unitPosition = vec2(edgePadding);');
    vs = patch(vs, 'picking_getPickingColorFromInstanceID()', 'picking_getPickingColorFromIndex(float(gl_VertexID))');
    vs = patch(vs, 'DECKGL_FILTER_COLOR(vLineColor, geometry);', 'DECKGL_FILTER_COLOR(vLineColor, geometry);\n  gl_PointSize = 2.0 * edgePadding * outerRadiusPixels * project.devicePixelRatio;');
    let fs = shaders.fs as string;
    fs = patch(fs, 'geometry.uv = unitPosition;', 'vec2 corner = (gl_PointCoord * 2.0 - 1.0) * unitPosition.x;\n  geometry.uv = corner;');
    fs = patch(fs, 'length(unitPosition)', 'length(corner)');
    return { ...shaders, vs, fs };
  }

  override _getModel(): Model {
    const attributeManager = this.getAttributeManager()!;
    for (const attribute of Object.values(attributeManager.getAttributes())) {
      (attribute as unknown as { settings: { stepMode?: string } }).settings.stepMode = 'vertex';
    }
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: attributeManager.getBufferLayouts({ isInstanced: false }),
      topology: 'point-list',
      isInstanced: false,
      vertexCount: 0,
    });
  }

  override draw(opts: Parameters<ScatterplotLayer['draw']>[0]): void {
    (this.state.model as Model | undefined)?.setVertexCount(this.getNumInstances());
    super.draw(opts);
  }
}
