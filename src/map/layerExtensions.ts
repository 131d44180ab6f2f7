/**
 * The deck.gl extensions the app's layers are drawn with: one instance of each, and one set for
 * every layer that draws paths.
 *
 * Each set of extensions makes a layer type's shader a program of its own, compiled and linked in
 * the first frame that draws it. Where WebGL is drawn in software a path program took 0.1–0.4 s
 * of that frame, and the plan's first frame compiled three: plain (the sites' leaders), filtered
 * (area outlines) and filtered and dashed (lines). So every path — lines, outlines, leaders, the
 * cooperation links' arcs (./planLinksLayer.ts), the hover and selection outlines, the timeline,
 * user lines, drawn areas — is drawn with both. A layer that neither filters nor dashes keeps the
 * extensions' defaults, which pass every feature (value 0 within [-1, 1]) and draw solid (dash
 * [0, 0]). A GeoJsonLayer hands its extensions to its dots as well, so the sites' anchors carry both
 * too: every plan dot shares one program.
 */
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';

export const filterExt = new DataFilterExtension({ filterSize: 1 });
export const dashExt = new PathStyleExtension({ dash: true });

/** For a PathLayer, or a GeoJsonLayer with lines or outlines. */
export const PATH_EXTENSIONS = [filterExt, dashExt];
